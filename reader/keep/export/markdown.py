"""Markdown for people: the whole article with its analysis, or only the notes.

Each quote is cited by `citation.quote_citation`, as everywhere else. Every piece of text
from the article (body, title, metadata, names, quotes) goes through `escape`, so that it
reads the same when the Markdown is rendered and does nothing: no HTML (`<script>`,
`<img onerror>`, a remote image), no link, no heading from a paragraph that starts `# `.
"""

from __future__ import annotations

import re

from reader.keep.export.citation import one_line as _one_line
from reader.keep.export.citation import quote_citation
from reader.model import ENTITY_GROUPS, Analysis, Article, Quote

# Every ASCII punctuation character that can start or end Markdown or HTML syntax inline;
# CommonMark reads a backslash before any ASCII punctuation as that character, literally.
_INLINE = re.compile(r"([\\`*_\[\]<>!&|~#])")
# At the start of a line: a list item, a setext underline, an ordered item ("1." or "1)").
_LINE_START = re.compile(r"^[ \t]*(?:([-+=])|(\d{1,9})([.)]))", re.MULTILINE)
# Indentation, which would make a code block.
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# Bare addresses that GitHub-flavoured Markdown turns into links.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(://)|\b(www)(\.)")


def escape(text: str) -> str:
    """`text` as Markdown that renders as `text` and holds no markup, HTML or link."""
    text = _INDENT.sub("", _INLINE.sub(r"\\\1", text))
    text = _AUTOLINK.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


_BLOCK_PREFIX = {"heading": "## ", "blockquote": "> ", "list_item": "- "}


def _metadata_line(article: Article) -> str:
    parts = [article.site, article.published, article.byline and f"by {article.byline}"]
    parts.append(_one_line(article.url or article.source))
    return " · ".join(escape(_one_line(part)) for part in parts if part)


def _quote_line(quote: Quote, article: Article) -> str:
    notes = [note for note in (quote.cue, quote.kind != "direct" and quote.kind) if note]
    line = quote_citation(quote, article) + "".join(f" · {note}" for note in notes)
    return f"- {escape(line)}"


def analysis_to_markdown(analysis: Analysis) -> str:
    """The article body, then its entities by type, then its quotes grouped by speaker."""
    article = analysis.article
    lines = [
        f"# {escape(_one_line(article.title or article.source))}",
        "",
        _metadata_line(article),
        "",
    ]
    for block in article.blocks:
        text = article.block_text(block)
        if block.kind == "caption":
            lines.append(f"*{escape(_one_line(text))}*")
        else:
            lines.append(_BLOCK_PREFIX.get(block.kind, "") + escape(text))
        lines.append("")

    return "\n".join(lines) + "\n" + _entities_and_quotes(analysis)


def notes_to_markdown(analysis: Analysis) -> str:
    """Title and metadata, then the entities by type and the quotes by speaker, cited."""
    article = analysis.article
    lines = [
        f"# {escape(_one_line(article.title or article.source))}",
        "",
        _metadata_line(article),
        "",
    ]
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
            count = len(entity.named_mentions)
            names = escape(f"{entity.name}{also}")
            lines.append(f"- {names}: {count} mention{'' if count == 1 else 's'}")
        lines.append("")

    lines += ["## Quotes", ""]
    if not analysis.quotes:
        lines += ["No quotes found.", ""]
    speakers: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        speakers.setdefault(quote.speaker or "Unattributed", []).append(quote)
    for speaker, quotes in speakers.items():
        lines += [f"### {escape(_one_line(speaker))}", ""]
        lines += [_quote_line(quote, analysis.article) for quote in quotes]
        lines.append("")
    return "\n".join(lines)
