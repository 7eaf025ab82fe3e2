"""Markdown -> Article: headings, paragraphs, block quotes and list items as blocks.

The first level-one heading is the title (not repeated in the body). YAML front matter
(`title:`, `author:`, `date:`, `site:`, `url:`) fills the metadata. Inline markup
(emphasis, code, links, images) is reduced to its text.
"""

from __future__ import annotations

import re

from reader.errors import LoadError
from reader.load.decode import describe
from reader.load.values import iso_date
from reader.model import Article, BlockKind
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
_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)|\[([^\[\]]+)\]\[[^\[\]]*\]")
_EMPHASIS = re.compile(
    r"(?<![\w*_~])"
    r"(?:(\*\*|\*)(?=\S)([^*]+?)(?<=\S)\1|(__|_)(?=\S)([^_]+?)(?<=\S)\3|~~(?=\S)([^~]+?)(?<=\S)~~)"
    r"(?![\w*_~])"
)
_CODE = re.compile(r"`([^`]+)`")
_AUTOLINK = re.compile(r"<(https?://[^<>]+)>")
_FRONT_KEYS = {"title": "title", "author": "byline", "byline": "byline", "date": "published",
               "published": "published", "site": "site", "url": "url"}


def extract_markdown(text: str, source: str) -> Article:
    text = clean_text(text)
    meta, text = _front_matter(text)
    parts = _blocks(text.split("\n"))
    title = meta.get("title")
    for index, (kind, level, content) in enumerate(parts):
        if kind == "heading" and level == 1:
            if title is None or content.casefold() == title.casefold():
                title = content
                del parts[index]
            break
    blocks: list[tuple[BlockKind, str]] = [(kind, content) for kind, _, content in parts]
    if not any(kind != "heading" for kind, _ in blocks):
        raise LoadError(
            f"No article text found in {describe(source)}; the Markdown file holds no "
            "paragraphs, add the article's text under its heading."
        )
    published = iso_date(meta["published"]) if "published" in meta else None
    return Article.from_blocks(
        source, blocks, title=title, byline=meta.get("byline"), site=meta.get("site"),
        published=published, url=meta.get("url"),
    )


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


def _blocks(lines: list[str]) -> list[tuple[BlockKind, int, str]]:
    """(kind, heading level or 0, inline-stripped text) in document order."""
    parts: list[tuple[BlockKind, int, str]] = []
    buffer: list[str] = []
    buffer_kind: BlockKind = "paragraph"

    def flush() -> None:
        nonlocal buffer, buffer_kind
        content = _inline(" ".join(line.strip() for line in buffer))
        if content:
            image_only = not _IMAGE.sub("", " ".join(buffer)).strip()
            parts.append(("caption" if image_only else buffer_kind, 0, content))
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
                parts.append(("paragraph", 0, stripped))
            continue
        if not stripped:
            flush()
            continue
        if heading := _ATX.match(stripped):
            flush()
            content = _inline(heading[2])
            if content:
                parts.append(("heading", len(heading[1]), content))
            continue
        if _SETEXT.match(stripped) and buffer and buffer_kind == "paragraph" and len(buffer) == 1:
            content = _inline(buffer[0])
            buffer = []
            parts.append(("heading", 1 if stripped[0] == "=" else 2, content))
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


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda match: match[1], text)
    text = _LINK.sub(lambda match: match[1] or match[2], text)
    text = _AUTOLINK.sub(lambda match: match[1], text)
    text = _CODE.sub(lambda match: match[1], text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda match: match[2] or match[4] or match[5], text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()
