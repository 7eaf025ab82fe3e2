"""Saved web page -> Article: main content as typed blocks, metadata, captions once.

The page is decoded (`reader.load.decode`), parsed once (`parse`), its metadata read
(`metadata`), and its main content cut into `(kind, text)` blocks by `content_blocks` — the
one step a better extractor replaces (today `combine`: trafilatura's blocks, confirmed by the
`density` scorer); then the figure captions are placed (`captions`). trafilatura, lxml and
friends are imported inside functions so that importing this module stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.errors import LoadError, NoArticleError
from reader.load.decode import check_payload, decode, describe
from reader.load.page.blocks import Blocks, key
from reader.load.page.captions import place_captions
from reader.load.page.combine import extract_blocks
from reader.load.page.emphasis import locate_marks, page_emphasis
from reader.load.page.links import BlockIndex, locate_links, page_anchors, page_base
from reader.load.page.metadata import fill_missing, read_metadata
from reader.load.page.parse import bounded_page, clean_page, parse_page
from reader.model import Article
from reader.sanitize import clean_text
from reader.scripts import shape_words

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["article_from_html", "content_blocks", "extract_html"]

#: Fewer words than this outside captions is a menu or a stub, not an article (in Chinese or
#: Japanese, two characters count as a word: `reader.scripts.shape_words`).
MIN_BODY_WORDS = 5

_LEADING_CHROME = re.compile(
    r"^(?:by\s|published\b|updated\b|posted\b|last updated\b|\d+\s+min(?:ute)?s?\s+read\b)",
    re.IGNORECASE,
)


def extract_html(
    data: bytes, source: str, *, url: str | None = None, charset: str | None = None
) -> Article:
    """A saved web page (raw bytes, any charset) as an Article."""
    data = check_payload(data, source)
    return article_from_html(decode(data, source, charset=charset, html=True), source, url=url)


def article_from_html(
    page: str, source: str, *, url: str | None = None, date_search: bool = True
) -> Article:
    """A decoded web page as an Article; raises LoadError when it holds no article text.

    The page is parsed once here; that tree serves the metadata and the captions. Without
    `date_search` a date the metadata does not give is not searched for in the text.
    """
    page = clean_page(bounded_page(page))
    tree = parse_page(page)
    if tree is None:
        raise _no_article(source)
    meta = read_metadata(tree, url=url, page=page, fill=False)
    blocks = content_blocks(page, url=url, tree=tree)
    blocks = place_captions(blocks, tree, page=page)
    fill_missing(meta, tree, size=len(page), date_search=date_search, page=page)
    title = clean_text(meta.title) if meta.title else None
    blocks = _drop_leading_chrome(blocks, title, meta.byline)
    if not _has_words(blocks, MIN_BODY_WORDS):
        raise _no_article(source)
    article = Article.from_blocks(
        source,
        blocks,
        title=title,
        byline=clean_text(meta.byline) if meta.byline else None,
        site=clean_text(meta.site) if meta.site else None,
        published=meta.published,
        url=clean_text(meta.url) if meta.url else None,
    )
    # Links and emphasis are spans over the text as extracted: found again in it, the text
    # unchanged.
    # What both searches need is worked out once: the page's block elements' words, the
    # article's blocks' words.
    block_keys: dict[Any, str] = {}
    index = BlockIndex(article)
    anchors = page_anchors(tree, block_keys, within=index.text)
    links = locate_links(article, anchors, page_base(tree, url or article.url), index)
    marks = locate_marks(article, page_emphasis(tree, block_keys, within=index.text), index)
    return replace(article, links=links, marks=marks) if links or marks else article


def _has_words(blocks: Blocks, wanted: int) -> bool:
    """Whether the blocks but captions hold `wanted` words: counted in each block's first
    characters while that is enough (a page of one 60 MB paragraph is not split into ten
    million words to learn that it has five)."""
    total = 0
    for kind, text in blocks:
        if kind == "caption":
            continue
        head = shape_words(text[:_HEAD_CHARS])
        total += head if head >= wanted or len(text) <= _HEAD_CHARS else shape_words(text)
        if total >= wanted:
            return True
    return False


_HEAD_CHARS = 4096


def _no_article(source: str) -> LoadError:
    return NoArticleError(
        f"No article text found in {describe(source)}; check that it is the saved page of an "
        "article, not an index, a login wall or an error page."
    )


def content_blocks(page: str, *, url: str | None = None, tree: _Element | None = None) -> Blocks:
    """The page's main content as `(kind, text)` blocks in reading order, text cleaned.

    This is the one place that decides what the article body is; a better extractor
    replaces this function's body and keeps its contract. `tree` is the page as
    `parse_page` built it, shared so that the page is parsed once.
    """
    return extract_blocks(page, url=url, tree=tree)


def _drop_leading_chrome(blocks: Blocks, title: str | None, byline: str | None) -> Blocks:
    """Drop the headline, byline and dateline repeated as the first blocks of the body."""
    title_key = key(title or "")
    byline_key = key(byline or "")
    start = 0
    while start < min(len(blocks), 4):
        kind, text = blocks[start]
        text_key = key(text)
        is_title = bool(title_key) and text_key == title_key and kind in ("heading", "paragraph")
        is_byline = bool(byline_key) and text_key in (byline_key, "by" + byline_key)
        is_dateline = len(text) < 80 and bool(_LEADING_CHROME.match(text))
        if not (is_title or is_byline or is_dateline):
            break
        start += 1
    return blocks[start:]
