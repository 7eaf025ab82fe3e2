"""Markdown for people: the whole article with its analysis, or only the notes.

Each quote is cited by `citation.quote_citation`, as everywhere else. Every piece of text
from the article (body, title, metadata, names, quotes) goes through `escape`, so that it
reads the same when the Markdown is rendered and does nothing: no HTML (`<script>`,
`<img onerror>`, a remote image), no heading from a paragraph that starts `# `, and no link
the article did not have: a bare address in the text is put in a code span, where it reads
(and can be copied or clicked in a terminal) as it is but is not made a link. The article's
own links (`Article.links`) are written as Markdown links, to their cleaned href.
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
# Bare addresses that renderers turn into links (GitHub's autolinks, markdown-it's linkify):
# a scheme and what follows it up to a space, or www., less the punctuation that ends a
# sentence; and mail addresses. Each is tried only where it can start (a scheme's letters,
# "www", the first character of a run before "@"), so the search is linear.
_BARE_ADDRESS = re.compile(
    r"(?i)(?:\b(?:https?|ftp|mailto|xmpp):(?://)?|\bwww\.|(?<![\w.+-])[\w.+-]+@[\w-]+\.)"
    r"[^\s<>`\ue000-\ue003]*[^\s<>`\ue000-\ue003.,;:!?'\")\]*_~]"
)
# What a link destination must not hold as it is (CommonMark reads it inside `(...)`).
_DESTINATION_SAFE = "!#$%&*+,-./:;=?@[]^_{|}~"


def _inline(text: str) -> str:
    """`text` with every character that could start inline markup escaped, and each bare
    address in a code span (no backtick can be in one)."""
    pieces, position = [], 0
    for match in _BARE_ADDRESS.finditer(text):
        pieces += [_INLINE.sub(r"\\\1", text[position : match.start()]), f"`{match[0]}`"]
        position = match.end()
    pieces.append(_INLINE.sub(r"\\\1", text[position:]))
    return "".join(pieces)


def _line_starts(text: str) -> str:
    """`text` (escaped inline) with no line that starts a block: a list, an underline, code."""
    text = _INDENT.sub("", text)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def escape(text: str) -> str:
    """`text` as Markdown that renders as `text` and holds no markup, HTML or link."""
    return _line_starts(_inline(text))


def link_destination(href: str) -> str | None:
    """`href` as a Markdown link destination: None unless it is a safe http(s) or mailto
    link (`reader.load.links.safe_href`), and percent-encoded where CommonMark would read a
    character as syntax (parentheses, angle brackets, backslashes, quotes, backticks)."""
    from urllib.parse import quote

    from reader.load.links import safe_href

    cleaned = safe_href(href)
    if cleaned is None:
        return None
    return quote(cleaned, safe=_DESTINATION_SAFE).replace("&", "\\&")


def _with_links(article: Article, block: Block) -> str:
    """The block's text escaped, with the article's links in it written as Markdown links (a
    link that does not lie wholly inside is left as text) and its bold and italic words
    between `**` and `*`."""
    text = article.text
    spans = _emphasis_spans(article, block)
    pieces, position = [], block.start
    for link in sorted(article.links, key=lambda link: link.start):
        if link.start < position or link.end > block.end or link.end <= link.start:
            continue
        destination = link_destination(link.href)
        if destination is None:
            continue
        label = _inline(_with_stand_ins(text, link.start, link.end, spans))
        pieces += [_inline(_with_stand_ins(text, position, link.start, spans))]
        pieces.append(f"[{label}]({destination})")
        position = link.end
    pieces.append(_inline(_with_stand_ins(text, position, block.end, spans)))
    body = "".join(pieces)
    if spans:
        for stand_in, delimiter in _STAND_INS.items():
            body = body.replace(stand_in, delimiter)
    return _line_starts(body)


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
    """One block as Markdown: escaped, its links as links, its bold and italic words as `**`
    and `*`, its line breaks (`\\n`) as hard line breaks."""
    text = _with_links(article, block)
    joiner = _NEXT_LINE.get(block.kind, "\\\n")
    return _BLOCK_PREFIX.get(block.kind, "") + joiner.join(text.split("\n"))


def _emphasis_spans(article: Article, block: Block) -> list[tuple[int, int, str]]:
    """The block's marks, each trimmed to start and end on a word character (so that
    CommonMark reads the delimiters as emphasis); an italic mark that crosses a bold one
    without nesting is left out, and so is every mark of a block that holds a stand-in."""
    if any(stand_in in article.block_text(block) for stand_in in _STAND_INS):
        return []
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
    return spans


def _with_stand_ins(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    """`text[start:end]` with a stand-in before and after each emphasis span, cut to the
    stretch (a span that crosses a link's edge is closed and opened again there)."""
    inserts: list[tuple[int, int, int, str]] = []
    for s, e, kind in spans:
        s, e = max(s, start), min(e, end)
        while s < e and not _EDGE.match(text, s):
            s += 1
        while e > s and not _EDGE.match(text, e - 1):
            e -= 1
        if s >= e:
            continue
        # At one offset: closing delimiters first (the inner one first), then opening ones
        # (the outer one first).
        inserts.append((e, 0, s - e, _CLOSE[kind]))
        inserts.append((s, 1, s - e, _OPEN[kind]))
    if not inserts:
        return text[start:end]
    pieces: list[str] = []
    position = start
    for offset, _, _, stand_in in sorted(inserts):
        pieces.append(text[position:offset])
        pieces.append(stand_in)
        position = offset
    pieces.append(text[position:end])
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
