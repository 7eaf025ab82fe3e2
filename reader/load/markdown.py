"""Markdown -> Article: headings, paragraphs, block quotes and list items as blocks.

The first level-one heading is the title (not repeated in the body). YAML front matter
(`title:`, `author:`, `date:`, `site:`, `url:`) fills the metadata. Inline markup
(emphasis, code, links, images) is reduced to its text; inline links, reference links
(`[text][ref]`, `[text][]`, `[text]` with a `[ref]: url` line) and autolinks become the
article's links, spans over that text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.errors import NoArticleError
from reader.load.decode import describe
from reader.load.links import safe_href
from reader.load.values import iso_date
from reader.model import Article, BlockKind, Link
from reader.sanitize import clean_text

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^(```|~~~)")
# No class below may hold the character that opens its own construct: each character is
# then scanned from one opening only, and a paragraph of 20,000 "[" or "*a " stays linear
# (it took five seconds, growing with the square of the length).
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()]*)\)|\[([^\[\]]+)\]\[([^\[\]]*)\]")
_SHORTCUT = re.compile(r"\[([^\[\]]+)\](?![\[(:])")
# A reference definition: `[label]: url "title"`, at most three spaces in.
_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]]+)\]:\s*<?([^\s<>]+)>?(?:\s+[\"'(].*)?\s*$")
# A link's text is held between these two private-use marks while the inline markup goes,
# so that its offsets are known once the text is final; they are taken out of the input.
_OPEN, _CLOSE = "\ue000", "\ue001"
# After the opening mark, the link's number in the paragraph, as a character from here on
# (links are marked out of text order: autolinks after the others).
_NUMBERS = 0xF0000
_MARK = re.compile("(\ue000[\U000f0000-\U000ffffd]|\ue001)")
_MARKS_IN_INPUT = re.compile("[\ue000\ue001\U000f0000-\U000ffffd]")
_EMPHASIS = re.compile(
    r"(?<![\w*_~])"
    r"(?:(\*\*|\*)(?=\S)([^*]+?)(?<=\S)\1|(__|_)(?=\S)([^_]+?)(?<=\S)\3|~~(?=\S)([^~]+?)(?<=\S)~~)"
    r"(?![\w*_~])"
)
_CODE = re.compile(r"`([^`]+)`")
_AUTOLINK = re.compile(r"<(https?://[^<>]+)>")
_FRONT_KEYS = {
    "title": "title",
    "author": "byline",
    "byline": "byline",
    "date": "published",
    "published": "published",
    "site": "site",
    "url": "url",
}


def extract_markdown(text: str, source: str) -> Article:
    text = _MARKS_IN_INPUT.sub("", clean_text(text))
    meta, text = _front_matter(text)
    lines, definitions = _definitions(text.split("\n"))
    base = meta.get("url")
    parts = _blocks(lines, _Hrefs(definitions, base if base and "://" in base else None))
    title = meta.get("title")
    for index, (kind, level, content, _) in enumerate(parts):
        if kind == "heading" and level == 1:
            if title is None or content.casefold() == title.casefold():
                title = content
                del parts[index]
            break
    blocks: list[tuple[BlockKind, str]] = [(kind, content) for kind, _, content, _ in parts]
    if not any(kind != "heading" for kind, _ in blocks):
        raise NoArticleError(
            f"No article text found in {describe(source)}; the Markdown file holds no "
            "paragraphs, add the article's text under its heading."
        )
    published = iso_date(meta["published"]) if "published" in meta else None
    article = Article.from_blocks(
        source,
        blocks,
        title=title,
        byline=meta.get("byline"),
        site=meta.get("site"),
        published=published,
        url=meta.get("url"),
    )
    links = tuple(
        Link(block.start + start, block.start + end, href)
        for block, (_, _, _, spans) in zip(article.blocks, parts, strict=True)
        for start, end, href in spans
    )
    return replace(article, links=links) if links else article


class _Hrefs:
    """The hrefs of one document: reference definitions, and the base relative ones resolve
    against; `found` collects the hrefs of the links marked, in order."""

    def __init__(self, definitions: dict[str, str], base: str | None) -> None:
        self.definitions = definitions
        self.base = base
        self.found: list[str | None] = []

    def mark(self, text: str, href: str | None) -> str:
        """`text` between the link marks, its href (None: not kept) noted."""
        if href is not None:
            href = safe_href(href.strip().strip("<>").split(" ")[0], self.base)
        self.found.append(href)
        return f"{_OPEN}{chr(_NUMBERS + len(self.found) - 1)}{text}{_CLOSE}"

    def reference(self, label: str) -> str | None:
        return self.definitions.get(_label(label))


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _definitions(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines without reference definitions (outside code fences), and the definitions
    by label (the first of a label wins)."""
    kept: list[str] = []
    definitions: dict[str, str] = {}
    in_fence = False
    for line in lines:
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
        elif not in_fence and "]:" in line and (found := _DEFINITION.match(line)):
            definitions.setdefault(_label(found[1]), found[2])
            continue
        kept.append(line)
    return kept, definitions


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            meta: dict[str, str] = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                key = key.strip().lower()
                value = value.strip().strip("\"'")
                if sep and key in _FRONT_KEYS and value:
                    meta.setdefault(_FRONT_KEYS[key], value)
            return meta, "\n".join(lines[end + 1 :])
    return {}, text


#: A block of the document: kind, heading level (or 0), text, links as `(start, end, href)`
#: in offsets of that text.
_Part = tuple[BlockKind, int, str, list[tuple[int, int, str]]]


def _blocks(lines: list[str], hrefs: _Hrefs) -> list[_Part]:
    """(kind, heading level or 0, inline-stripped text, links) in document order."""
    parts: list[_Part] = []

    def inline(text: str) -> tuple[str, list[tuple[int, int, str]]]:
        return _spans(_inline(text, hrefs), hrefs)

    buffer: list[str] = []
    buffer_kind: BlockKind = "paragraph"

    def flush() -> None:
        nonlocal buffer, buffer_kind
        content, spans = inline(" ".join(line.strip() for line in buffer))
        if content:
            image_only = not _IMAGE.sub("", " ".join(buffer)).strip()
            parts.append(("caption" if image_only else buffer_kind, 0, content, spans))
        buffer = []
        buffer_kind = "paragraph"

    in_fence = False
    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if _FENCE.match(stripped):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                parts.append(("paragraph", 0, stripped, []))
            continue
        if not stripped:
            flush()
            continue
        if heading := _ATX.match(stripped):
            flush()
            content, spans = inline(heading[2])
            if content:
                parts.append(("heading", len(heading[1]), content, spans))
            continue
        if _SETEXT.match(stripped) and buffer and buffer_kind == "paragraph" and len(buffer) == 1:
            content, spans = inline(buffer[0])
            buffer = []
            parts.append(("heading", 1 if stripped[0] == "=" else 2, content, spans))
            continue
        if _RULE.match(stripped):
            flush()
            continue
        if stripped.startswith(">"):
            body = stripped.lstrip(">").strip()
            if buffer_kind != "blockquote":
                flush()
                buffer_kind = "blockquote"
            if body:
                buffer.append(body)
            else:
                flush()
                buffer_kind = "blockquote"
            continue
        if item := _LIST_ITEM.match(stripped):
            flush()
            buffer_kind = "list_item"
            buffer.append(item[1])
            continue
        if buffer_kind == "blockquote":
            flush()
        buffer.append(stripped)
    flush()
    return parts


def _inline(text: str, hrefs: _Hrefs) -> str:
    """`text` with its inline markup reduced to text, each link's text between the marks."""
    text = _IMAGE.sub(lambda match: match[1], text)
    text = _LINK.sub(lambda match: _link(match, hrefs), text)
    if hrefs.definitions:
        text = _SHORTCUT.sub(
            lambda match: (
                hrefs.mark(match[1], href)
                if (href := hrefs.reference(match[1])) is not None
                else match[0]
            ),
            text,
        )
    text = _AUTOLINK.sub(lambda match: hrefs.mark(match[1], match[1]), text)
    text = _CODE.sub(lambda match: match[1], text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda match: match[2] or match[4] or match[5], text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _link(match: re.Match[str], hrefs: _Hrefs) -> str:
    if match[1] is not None:  # [text](href)
        return hrefs.mark(match[1], match[2])
    label = match[4] or match[3]  # [text][ref], or [text][] for the text itself
    return hrefs.mark(match[3], hrefs.reference(label))


def _spans(text: str, hrefs: _Hrefs) -> tuple[str, list[tuple[int, int, str]]]:
    """`text` without the link marks, and the spans they held with their hrefs (those kept,
    not empty). The marks come in pairs, in the order `hrefs.found` noted them."""
    if _OPEN not in text:
        hrefs.found.clear()
        return text, []
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    start = -1
    href: str | None = None
    for piece in _MARK.split(text):
        if piece[:1] == _OPEN:
            number = ord(piece[1]) - _NUMBERS
            start = position
            href = hrefs.found[number] if number < len(hrefs.found) else None
        elif piece == _CLOSE:
            if start >= 0 and href is not None and position > start:
                spans.append((start, position, href))
            start = -1
        else:
            pieces.append(piece)
            position += len(piece)
    hrefs.found.clear()
    joined = "".join(pieces)
    stripped = joined.lstrip()
    shift = len(joined) - len(stripped)
    stripped = stripped.rstrip()
    spans = [
        (max(0, s - shift), min(len(stripped), e - shift), h)
        for s, e, h in spans
        if min(len(stripped), e - shift) > max(0, s - shift)
    ]
    return stripped, spans
