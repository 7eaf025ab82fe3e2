"""Exports of an analysis that need no terminal: Markdown for people, JSON for programs.

Every quote is cited the same way wherever it goes (Markdown, CSV, the clipboard):
`“…” — Speaker, Title, Site, Date, URL`, leaving out what the article does not say.
`write_export` writes the files the reader's export command makes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.model import ENTITY_GROUPS, Analysis, Article, Quote
from reader.sanitize import clean_text

#: The export formats, with the file name ending each writes.
EXPORT_FORMATS = {"markdown": ".md", "json": ".json", "csv": ".csv"}

_BLOCK_PREFIX = {"heading": "## ", "blockquote": "> ", "list_item": "- "}


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())  # the source (a file name) was never cleaned


def _metadata_line(article: Article) -> str:
    parts = [article.site, article.published, article.byline and f"by {article.byline}"]
    parts.append(_one_line(article.url or article.source))
    return " · ".join(part for part in parts if part)


def citation_parts(quote: Quote, article: Article) -> list[str]:
    """Who said it and where: speaker, title, site, date, URL (those that are known)."""
    parts = [quote.speaker, article.title, article.site, article.published, article.url]
    return [_one_line(part) for part in parts if part]


def quote_citation(quote: Quote, article: Article) -> str:
    """`“…” — Speaker, Title, Site, Date, URL`: the quote whole, on one line, with its source."""
    cited = ", ".join(citation_parts(quote, article))
    words = f"“{_one_line(quote.text)}”"
    return f"{words} — {cited}" if cited else words


def _quote_line(quote: Quote, article: Article) -> str:
    notes = [note for note in (quote.cue, quote.kind != "direct" and quote.kind) if note]
    return f"- {quote_citation(quote, article)}" + "".join(f" · {note}" for note in notes)


def analysis_to_markdown(analysis: Analysis) -> str:
    """The article body, then its entities by type, then its quotes grouped by speaker."""
    article = analysis.article
    lines = [f"# {_one_line(article.title or article.source)}", "", _metadata_line(article), ""]
    for block in article.blocks:
        text = article.block_text(block)
        if block.kind == "caption":
            lines.append(f"*{_one_line(text)}*")
        else:
            lines.append(_BLOCK_PREFIX.get(block.kind, "") + text)
        lines.append("")

    return "\n".join(lines) + "\n" + _entities_and_quotes(analysis)


def notes_to_markdown(analysis: Analysis) -> str:
    """Title and metadata, then the entities by type and the quotes by speaker, cited."""
    article = analysis.article
    lines = [f"# {_one_line(article.title or article.source)}", "", _metadata_line(article), ""]
    return "\n".join(lines) + "\n" + _entities_and_quotes(analysis)


def _entities_and_quotes(analysis: Analysis) -> str:
    lines = ["## Entities", ""]
    if not analysis.entities:
        lines += ["No entities found.", ""]
    for entity_type, label in ENTITY_GROUPS:
        group = [entity for entity in analysis.entities if entity.type == entity_type]
        if not group:
            continue
        lines += [f"### {label}", ""]
        for entity in group:
            aliases = [alias for alias in entity.aliases if alias != entity.name]
            also = f" (also: {', '.join(aliases)})" if aliases else ""
            count = len(entity.mentions)
            lines.append(f"- {entity.name}{also}: {count} mention{'' if count == 1 else 's'}")
        lines.append("")

    lines += ["## Quotes", ""]
    if not analysis.quotes:
        lines += ["No quotes found.", ""]
    speakers: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        speakers.setdefault(quote.speaker or "Unattributed", []).append(quote)
    for speaker, quotes in speakers.items():
        lines += [f"### {speaker}", ""]
        lines += [_quote_line(quote, analysis.article) for quote in quotes]
        lines.append("")
    return "\n".join(lines)


def export_stem(article: Article) -> str:
    """A file name for an article's exports: its title in lower case, words joined by `-`."""
    name = article.title or Path(article.source).stem or "article"
    slug = "-".join(re.findall(r"\w+", name.lower()))
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    return slug or "article"


def _free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/name-2.ext` and so on if that file exists."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


def write_export(analysis: Analysis, format: str, folder: Path) -> list[Path]:
    """Write the quotes and entities in `format` (see `EXPORT_FORMATS`) into `folder`.

    Markdown and JSON are one file each; CSV is two, `…-quotes.csv` and `…-entities.csv`.
    An existing file is never overwritten: a number is added to the name. Raises `OSError`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem = export_stem(analysis.article)
    if format == "markdown":
        contents = {"-quotes.md": notes_to_markdown(analysis)}
    elif format == "json":
        contents = {".json": json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n"}
    elif format == "csv":
        from reader.export_csv import entities_csv, quotes_csv

        contents = {
            "-quotes.csv": quotes_csv([analysis]),
            "-entities.csv": entities_csv([analysis]),
        }
    else:
        raise ValueError(f"unknown export format {format!r}")
    written = []
    for suffix, text in contents.items():
        path = _free_path(folder, stem + suffix)
        with path.open("x", encoding="utf-8", newline="") as file:
            file.write(text)
        written.append(path)
    return written
