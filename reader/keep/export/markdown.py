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
from reader.model import ENTITY_GROUPS, Analysis, Article, Block, Quote

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


# Stand-ins for the emphasis delimiters while the text is escaped (private-use characters,
# which `escape` leaves alone); a block that holds one itself is written without emphasis.
_STAND_INS = {"\ue000": "**", "\ue001": "**", "\ue002": "*", "\ue003": "*"}
_OPEN = {"strong": "\ue000", "em": "\ue002"}
_CLOSE = {"strong": "\ue001", "em": "\ue003"}
_EDGE = re.compile(r"\w")
# After a line break of the block: a hard break (a backslash at the end of the line), then
# what keeps the next line inside the block.
_NEXT_LINE = {"blockquote": "\\\n> ", "list_item": "\\\n  ", "heading": " "}


def _block_markdown(article: Article, block: Block) -> str:
    """One block as Markdown: escaped, its bold and italic words as `**` and `*`, its line
    breaks (`\\n`) as hard line breaks."""
    text = _with_stand_ins(article, block)
    text = escape(text)
    for stand_in, delimiter in _STAND_INS.items():
        text = text.replace(stand_in, delimiter)
    joiner = _NEXT_LINE.get(block.kind, "\\\n")
    return _BLOCK_PREFIX.get(block.kind, "") + joiner.join(text.split("\n"))


def _with_stand_ins(article: Article, block: Block) -> str:
    """The block's text with a stand-in before and after each of its marks, each mark
    trimmed to start and end on a word character (so that CommonMark reads the delimiters as
    emphasis); an italic mark that crosses a bold one without nesting is left out."""
    text = article.block_text(block)
    if any(stand_in in text for stand_in in _STAND_INS):
        return text
    spans: list[tuple[int, int, str]] = []
    for mark in article.marks:
        start, end = max(mark.start, block.start), min(mark.end, block.end)
        while start < end and not _EDGE.match(article.text, start):
            start += 1
        while end > start and not _EDGE.match(article.text, end - 1):
            end -= 1
        if start >= end:
            continue
        crossing = any(
            s < start < e < end or start < s < end < e for s, e, kind in spans if kind != mark.kind
        )
        if not crossing:
            spans.append((start, end, mark.kind))
    if not spans:
        return text
    # At one offset: closing delimiters first (the inner one first), then opening ones
    # (the outer one first).
    inserts: list[tuple[int, int, int, str]] = []
    for start, end, kind in spans:
        inserts.append((end, 0, start - end, _CLOSE[kind]))
        inserts.append((start, 1, start - end, _OPEN[kind]))
    pieces: list[str] = []
    position = block.start
    for offset, _, _, stand_in in sorted(inserts):
        pieces.append(article.text[position:offset])
        pieces.append(stand_in)
        position = offset
    pieces.append(article.text[position : block.end])
    return "".join(pieces)


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
            lines.append(_block_markdown(article, block))
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
