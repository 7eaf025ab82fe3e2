"""Highlights as Markdown notes, one file per article, in the form Obsidian and Logseq read.

Each file opens with YAML front matter (title, url, date, tags; every value a double-quoted
JSON string, which YAML reads as the same string whatever it holds), then a heading, then each
highlight as a blockquote ending with its citation (`citation.source_citation`), its note
below it. Every piece of text from the article or the reader goes through `markdown.escape`,
so that it renders as written and holds no markup, HTML or link. No Textual here.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.keep.export.citation import one_line, source_citation
from reader.keep.export.markdown import escape
from reader.keep.highlights import Highlight


def _string(value: str) -> str:
    return json.dumps(one_line(value), ensure_ascii=False)


def _day(highlight: Highlight) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(highlight.made_at))


def by_article(highlights: Iterable[Highlight]) -> list[list[Highlight]]:
    """`highlights` grouped by article (its source, else its text), each in text order."""
    groups: dict[str, list[Highlight]] = {}
    for highlight in highlights:
        groups.setdefault(highlight.source or highlight.text_key, []).append(highlight)
    return [sorted(group, key=lambda h: (h.text_key, h.start, h.end)) for group in groups.values()]


def front_matter(highlights: Sequence[Highlight]) -> str:
    first = highlights[0]
    tags = sorted({tag for highlight in highlights for tag in highlight.tags})
    lines = ["---", f"title: {_string(first.article_title)}"]
    if first.url or "://" in first.source:
        lines.append(f"url: {_string(first.url or first.source)}")
    lines.append(f"date: {_string(first.published or _day(first))}")
    lines.append("tags: [" + ", ".join(_string(tag) for tag in tags) + "]")
    lines.append(f"highlights: {len(highlights)}")
    lines.append("---")
    return "\n".join(lines)


def _blockquote(text: str) -> list[str]:
    return [f"> {line}" if line.strip() else ">" for line in escape(text).split("\n")]


def article_markdown(highlights: Sequence[Highlight]) -> str:
    """One article's highlights as a Markdown note."""
    first = highlights[0]
    url = first.url or (first.source if "://" in first.source else None)
    cited = source_citation(first.title, first.site, first.published, url)
    lines = [front_matter(highlights), "", f"# {escape(one_line(first.article_title))}", ""]
    for highlight in highlights:
        lines += _blockquote(highlight.passage.strip())
        lines += [">", f"> — {escape(cited or one_line(first.source))}", ""]
        if highlight.note:
            lines += [escape(one_line(highlight.note)), ""]
        if highlight.tags:
            lines += [" ".join(f"#{tag}" for tag in highlight.tags), ""]
    return "\n".join(lines)


def write_highlights(highlights: Iterable[Highlight], folder: Path) -> list[Path]:
    """Write one Markdown file per article into `folder`; returns the files written.

    An existing file is never overwritten: a number is added to the name. Raises `OSError`.
    """
    from reader.keep.export import _free_path, export_stem
    from reader.model import Article

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for group in by_article(highlights):
        first = group[0]
        stem = export_stem(Article(first.source, "", (), title=first.title))
        path = _free_path(folder, f"{stem}-highlights.md")
        with path.open("x", encoding="utf-8", newline="") as file:
            file.write(article_markdown(group))
        written.append(path)
    return written
