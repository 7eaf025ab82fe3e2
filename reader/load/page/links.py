"""Where a page's anchors fall in the extracted body: links as spans over the article text.

The extracted text is never changed for a link: an anchor is found again in the block that
holds its paragraph, so the text stays byte-identical with or without links.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import urljoin, urlsplit

from reader.load.links import safe_href
from reader.load.page.blocks import key, squash
from reader.model import Article, Link

if TYPE_CHECKING:
    from lxml.etree import _Element


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_T = TypeVar("_T")
_SpanT = TypeVar("_SpanT", bound=_Spanned)

#: A paragraph's words found inside a block (not as a whole block) must be this long.
MIN_PART_KEY = 40
#: Work bound for those searches, as a multiple of the text's length.
SCAN_BUDGET_FACTOR = 32
#: Elements whose text is one block of the body (an anchor is looked for in its block).
_PARAGRAPH_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "dd", "dt"}
    | {"td", "th", "pre", "caption"}
)
#: Containers whose own loose text (not that of the blocks inside) may be a block.
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "span", "font"})
_BLOCK_TAGS = _PARAGRAPH_TAGS | _CONTAINER_TAGS
#: Elements that are never a container's loose text.
_BLOCK_LEVEL = (
    _PARAGRAPH_TAGS
    | _CONTAINER_TAGS - {"span", "font"}
    | frozenset(
        {"ul", "ol", "dl", "table", "figure", "nav", "header", "footer", "aside", "form", "hr"}
    )
)


def page_base(tree: _Element, url: str | None) -> str | None:
    """What relative links resolve against: `<base href>` (itself resolved against the
    page's URL), else the page's URL."""
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            joined = urljoin(url, href) if url else href
            if urlsplit(joined).scheme.lower() in ("http", "https"):
                return joined
    return url


def page_anchors(
    tree: _Element, keys: dict[Any, str] | None = None, within: str | None = None
) -> list[tuple[str, str, str]]:
    """Every anchor of the page with text and an href, in document order: `(text, href as
    written, block key)`, where the block key is `key` of the text of the nearest block
    element around it. The href is resolved (`safe_href`) only for the anchors found in the
    article: most of a page's anchors are its menus. `keys` (see `block_key_of`) may be
    shared with another search of the same tree. With `within` (the article's text as
    `searchable` gives it), an anchor whose words are not in it is passed over at once."""
    anchors: list[tuple[str, str, str]] = []
    keys = {} if keys is None else keys
    for anchor in tree.iter("a"):
        raw = anchor.get("href")
        if not raw or raw.startswith("#"):
            continue
        text = squash(anchor.text_content())
        if not text or (within is not None and text not in within):
            continue
        block_key = block_key_of(anchor, keys)
        if block_key is not None:
            anchors.append((text, raw, block_key))
    return anchors


def block_key_of(element: _Element, keys: dict[Any, str]) -> str | None:
    """`key` of the text of the nearest block element around `element` (None outside any),
    worked out once per block (`keys` holds those found so far)."""
    block = element.getparent()
    while block is not None and block.tag not in _BLOCK_TAGS:
        block = block.getparent()
    if block is None:
        return None
    block_key = keys.get(block)
    if block_key is None:
        block_key = keys[block] = key(_block_text(block))
    return block_key


def _block_text(block: _Element) -> str:
    """The text of a paragraph; of a container, only its loose text and inline children (the
    blocks inside it are blocks of their own), so a page-wide container costs its own text."""
    if block.tag in _PARAGRAPH_TAGS:
        return block.text_content()
    parts = [block.text or ""]
    for child in block:
        if child.tag not in _BLOCK_LEVEL and isinstance(child.tag, str):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join(parts)


def locate_links(
    article: Article,
    anchors: Sequence[tuple[str, str, str]],
    base: str | None,
    block_index: BlockIndex | None = None,
) -> tuple[Link, ...]:
    """The anchors (`page_anchors`) found in `article`'s blocks, as spans of its text, their
    hrefs resolved against `base` (anchors whose href is not kept are left out); the first
    of two overlapping links wins. `block_index`: `BlockIndex(article)`, if one is at hand."""
    links = []
    for start, end, href in locate_spans(article, anchors, block_index=block_index):
        resolved = safe_href(href, base)
        if resolved is not None:
            links.append(Link(start, end, resolved))
    return tuple(without_overlaps(links))


def without_overlaps(spans: list[_SpanT]) -> list[_SpanT]:
    """`spans` (anything with `start` and `end`) in order, each overlapping an earlier one
    left out."""
    spans = sorted(spans, key=lambda span: (span.start, span.end))
    kept: list[_SpanT] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def searchable(article: Article) -> str:
    """The article's text as items are looked for in it: a line break inside a block (a
    `<br>`) is a space in an item's squashed text (the replacement keeps every offset)."""
    return article.text.replace("\n", " ")


class BlockIndex:
    """What every search of an article's blocks starts from, worked out once: the text as
    searched, each block's key, the first block of each key, and the keys joined."""

    __slots__ = ("text", "block_keys", "by_key", "joined", "starts")

    def __init__(self, article: Article) -> None:
        self.text = text = searchable(article)
        self.block_keys = [key(text[block.start : block.end]) for block in article.blocks]
        self.by_key: dict[str, int] = {}
        for index, block_key in enumerate(self.block_keys):
            self.by_key.setdefault(block_key, index)
        self.joined = "".join(self.block_keys)
        self.starts: list[int] = []
        position = 0
        for block_key in self.block_keys:
            self.starts.append(position)
            position += len(block_key)


def locate_spans(
    article: Article,
    items: Sequence[tuple[str, _T, str]],
    *,
    whole_words: bool = False,
    block_index: BlockIndex | None = None,
) -> list[tuple[int, int, _T]]:
    """Each item `(text, payload, block key)` found in `article`'s blocks: `(start, end,
    payload)` in offsets of its text, in the order found.

    An item is looked for in the block whose words are its paragraph's words (or, failing
    that, the block its paragraph's words begin in, and those after it that the paragraph
    reaches), after the items already found there; an item whose paragraph is not in the
    article (menus, footers) is left out. With `whole_words`, an item is found only where
    it is not part of a longer word (a bold "new" is not the "new" of "renewed").
    """
    if not items:
        return []
    prepared = block_index if block_index is not None else BlockIndex(article)
    text, by_key, joined, starts = prepared.text, prepared.by_key, prepared.joined, prepared.starts
    blocks = article.blocks
    cursors = [block.start for block in blocks]
    budget = SCAN_BUDGET_FACTOR * len(joined)
    found_spans: list[tuple[int, int, _T]] = []
    for item_text, payload, block_key in items:
        if not block_key:
            continue
        whole = by_key.get(block_key)
        if whole is not None:
            index = reach = whole
        else:
            # The paragraph holds several blocks, or a block holds it (a caption placed in
            # it): the block its words start in. A short one (a menu entry) must match a
            # block whole, and the searches share a budget, so the work stays linear.
            if len(block_key) < MIN_PART_KEY or budget < len(joined):
                continue
            budget -= len(joined)
            found = joined.find(block_key)
            if found < 0:
                continue
            index = bisect_right(starts, found) - 1
            # The last block the paragraph reaches into (`<br><br>` cut it into many).
            reach = bisect_right(starts, found + len(block_key) - 1) - 1
        for candidate in range(index, min(max(index + 8, reach + 1), len(blocks))):
            block = blocks[candidate]
            at = text.find(item_text, max(cursors[candidate], block.start), block.end)
            if whole_words:
                at = _whole_word_at(text, item_text, at, block.end)
            if at >= 0:
                end = at + len(item_text)
                found_spans.append((at, end, payload))
                cursors[candidate] = end
                break
            if block_key in by_key:
                break  # the paragraph is this very block: the item's text is not in it
    return found_spans


def _whole_word_at(text: str, word: str, at: int, end: int) -> int:
    """The first place from `at` (a find of `word` in `text`, or -1) where `word` is not
    inside a longer word, before `end`; -1 when there is none."""
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        inside = (word[:1].isalnum() and before.isalnum()) or (
            word[-1:].isalnum() and after.isalnum()
        )
        if not inside:
            return at
        at = text.find(word, at + 1, end)
    return at
