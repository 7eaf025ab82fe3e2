"""Saved web page -> Article: main content as typed blocks, metadata, captions once.

The page is decoded (see `decode`), its metadata read (see `metadata`), and its main content
cut into `(kind, text)` blocks by `content_blocks` — the one step a better extractor replaces.
trafilatura, lxml and friends are imported inside functions so `import reader.load` stays cheap.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from reader.errors import LoadError
from reader.load.decode import check_payload, decode, describe
from reader.load.metadata import fill_missing, read_metadata
from reader.load.text import strip_credit
from reader.model import Article, BlockKind
from reader.sanitize import clean_text

Blocks = list[tuple[BlockKind, str]]

#: Fewer words than this outside captions is a menu or a stub, not an article.
MIN_BODY_WORDS = 5

_SPACE = re.compile(r"\s+")
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|attribution|source", re.IGNORECASE)
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


def article_from_html(page: str, source: str, *, url: str | None = None) -> Article:
    """A decoded web page as an Article; raises LoadError when it holds no article text.

    The page is parsed once here; that tree serves the metadata and the captions.
    """
    page = _clean_page(page)
    tree = _parse(page)
    if tree is None:
        raise _no_article(source)
    meta = read_metadata(tree, url=url, page=page, fill=False)
    blocks = content_blocks(page, url=url, tree=tree)
    blocks = place_captions(blocks, tree, page=page)
    fill_missing(meta, tree, may_change_tree=True)  # the tree's last use
    title = clean_text(meta.title) if meta.title else None
    blocks = _drop_leading_chrome(blocks, title, meta.byline)
    body_words = sum(len(text.split()) for kind, text in blocks if kind != "caption")
    if body_words < MIN_BODY_WORDS:
        raise _no_article(source)
    return Article.from_blocks(
        source,
        blocks,
        title=title,
        byline=clean_text(meta.byline) if meta.byline else None,
        site=clean_text(meta.site) if meta.site else None,
        published=meta.published,
        url=clean_text(meta.url) if meta.url else None,
    )


def _no_article(source: str) -> LoadError:
    return LoadError(
        f"No article text found in {describe(source)}; check that it is the saved page of an "
        "article, not an index, a login wall or an error page."
    )


def _clean_page(page: str) -> str:
    """The page with terminal escapes and NULs removed before parsing, when it holds any.

    Every string that leaves this module (blocks, captions, title, byline, site, URL) goes
    through `clean_text` on its own, so the page itself is cleaned only of what could
    hide in markup: an escape sequence split by tags, a NUL. Looking for four characters
    is cheap; running `clean_text` over a whole page costs more than parsing it.
    """
    if any(mark in page for mark in ("\x1b", "\x00", "\x9b", "\x9d")):
        return clean_text(page)
    return page


def _parse(page: str) -> Any:
    """The page's lxml tree, parsed once for the metadata, the captions and the content
    (`content.parse_html`: UTF-8 bytes, huge trees, deep nesting flattened); trafilatura's
    more forgiving loader for what that refuses or empties."""
    from reader.load.content import parse_html

    try:
        tree = parse_html(page)
        if tree is not None and len(tree):
            return tree
    except Exception:  # noqa: BLE001 - lxml raises many kinds on broken markup
        pass
    from trafilatura.utils import load_html

    try:
        return load_html(page)
    except Exception:  # noqa: BLE001
        return None


# ---------------------------------------------------------------- the swappable step


def content_blocks(page: str, *, url: str | None = None, tree: Any = None) -> Blocks:
    """The page's main content as `(kind, text)` blocks in reading order, text cleaned.

    This is the one place that decides what the article body is; a better extractor
    replaces this function's body and keeps its contract. `tree` is the page as `_parse`
    built it, shared so that the page is parsed once.
    """
    from reader.load.content import extract_blocks

    return extract_blocks(page, url=url, tree=tree)


def trafilatura_blocks(page: str, *, url: str | None = None) -> Blocks:
    """Main content by trafilatura's XML output: head, p, quote, list/item, table/row."""
    import trafilatura
    from lxml import etree

    options: dict[str, Any] = {
        "url": url,
        "output_format": "xml",
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_formatting": False,
        "include_links": False,
        "with_metadata": False,
    }
    xml = trafilatura.extract(page, **options)
    if not xml:
        xml = trafilatura.extract(page, favor_recall=True, **options)
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    blocks: Blocks = []
    _walk_xml(main if main is not None else root, blocks)
    return blocks


_XML_KINDS: dict[str, BlockKind] = {"head": "heading", "p": "paragraph", "code": "paragraph"}


def _walk_xml(element: Any, blocks: Blocks, inherited: BlockKind | None = None) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _XML_KINDS:
            _add(blocks, inherited or _XML_KINDS[tag], _text_of(child))
        elif tag == "quote":
            if len(child) and any(isinstance(c.tag, str) and c.tag == "p" for c in child):
                _add(blocks, "blockquote", (child.text or ""))
                _walk_xml(child, blocks, "blockquote")
            else:
                _add(blocks, "blockquote", _text_of(child))
        elif tag == "list":
            for item in child:
                if item.tag != "item":
                    continue
                nested = [sub for sub in item if sub.tag == "list"]
                for sub in nested:
                    item.remove(sub)
                _add(blocks, inherited or "list_item", _text_of(item))
                for sub in nested:
                    wrapper = copy.copy(child)
                    wrapper[:] = [sub]
                    _walk_xml(wrapper, blocks, inherited)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_text_of(cell) for cell in row if cell.tag == "cell"]
                _add(blocks, inherited or "paragraph", " | ".join(cell for cell in cells if cell))
        elif tag in ("graphic", "comments", "lb"):
            continue
        else:
            _add(blocks, inherited or "paragraph", child.text or "")
            _walk_xml(child, blocks, inherited)


def _text_of(element: Any) -> str:
    return "".join(element.itertext())


def _add(blocks: Blocks, kind: BlockKind, text: str) -> None:
    text = _SPACE.sub(" ", clean_text(text)).strip()
    if text:
        blocks.append((kind, text))


# ---------------------------------------------------------------- captions


def place_captions(blocks: Blocks, tree: Any, *, page: str | None = None) -> Blocks:
    """Keep each article figure caption once, as a `caption` block, where the figure stood.

    A paragraph that repeats a caption becomes the caption; a caption whose figure is not
    next to the extracted body (a teaser, a sidebar photo) is left out. `page`, the markup
    the tree came from, lets a page that never says "caption" skip the search.
    """
    if page is not None and not any(word in page for word in ("caption", "CAPTION", "Caption")):
        return blocks
    captions = _figure_captions(tree, page)
    if not captions:
        return blocks
    caption_keys = {_key(text): text for text, _ in captions}
    result: Blocks = []
    result_keys: list[str] = []  # each result block's key, worked out once
    seen: set[str] = set()
    for kind, text in blocks:
        key = _key(text)
        if key in caption_keys:
            if key not in seen:
                seen.add(key)
                result.append(("caption", text))
                result_keys.append(key)
            continue
        result.append((kind, text))
        result_keys.append(key)
    for text, element in captions:
        key = _key(text)
        if key in seen:
            continue
        following = [_key(near.text_content())[:60] for near in _following_blocks(element)]
        index = _first_key_starting(result_keys, following)
        if index is not None:
            result.insert(index, ("caption", text))
            result_keys.insert(index, key)
            seen.add(key)
    return result


def _first_key_starting(block_keys: list[str], wanted_starts: list[str]) -> int | None:
    """Index of the first block whose key starts with the first non-empty wanted start
    that any block has, else None."""
    for wanted in wanted_starts:
        if not wanted:
            continue
        for index, key in enumerate(block_keys):
            if key.startswith(wanted):
                return index
    return None


_BLOCK_TAGS = ("p", "h2", "h3", "h4", "blockquote", "li")


def _following_blocks(element: Any, count: int = 3) -> list[Any]:
    """The first `count` text blocks after `element` in document order, outside figures.

    A lazy walk (next siblings, then the ancestors' next siblings) that stops as soon as
    it has them; the XPath `following::` axis would filter the whole rest of the page.
    """
    found: list[Any] = []
    node = element
    while node is not None and len(found) < count:
        for sibling in node.itersiblings():
            for candidate in sibling.iter(*_BLOCK_TAGS):
                if _is_following_block(candidate):
                    found.append(candidate)
                    if len(found) == count:
                        return found
        node = node.getparent()
    return found


def _is_following_block(element: Any) -> bool:
    if len(" ".join(element.text_content().split())) <= 3:
        return False
    return next(element.iterancestors("figure", "figcaption"), None) is None


def _figure_captions(tree: Any, page: str | None = None) -> list[tuple[str, Any]]:
    """(caption text, caption element) for every figure caption, in document order.

    `<figcaption>` elements are found by a quick walk; the slower search for elements
    whose class says "caption" runs only if the page says "caption" outside those tags.
    """
    found: list[tuple[str, Any]] = []
    tags = page.count("<figcaption") + page.count("</figcaption") if page is not None else -1
    if page is not None and page.count("caption") == tags:
        candidates = list(tree.iter("figcaption"))
    else:
        candidates = tree.xpath("//figcaption | //*[@class][contains(@class, 'caption')]")
    for caption in candidates:
        nested = next(caption.iterancestors("figcaption"), None) is not None
        if nested or next(caption.iterdescendants("figcaption"), None) is not None:
            continue
        trimmed = copy.deepcopy(caption)
        for credit in trimmed.xpath(".//*[@class]"):
            if _CREDIT_CLASS.search(credit.get("class", "")) and credit.getparent() is not None:
                credit.drop_tree()
        text = strip_credit(_SPACE.sub(" ", clean_text(trimmed.text_content())).strip())
        if len(text) < 15:
            continue
        found.append((text, caption))
    return found


_NON_WORD = re.compile(r"\W+")
# The ASCII characters `\W` matches: for ASCII text, deleting these bytes is the same as the
# regex, and about ten times faster on a page of thousands of paragraphs.
_ASCII_NON_WORD = bytes(code for code in range(128) if _NON_WORD.match(chr(code)))


def _key(text: str) -> str:
    """`text` reduced to its word characters, casefolded: for comparing blocks and captions
    whatever their spacing, punctuation and case."""
    if text.isascii():  # casefold is lower for ASCII
        return text.encode("ascii").translate(None, _ASCII_NON_WORD).decode("ascii").lower()
    return _NON_WORD.sub("", text).casefold()


# ---------------------------------------------------------------- tidy the top


def _drop_leading_chrome(blocks: Blocks, title: str | None, byline: str | None) -> Blocks:
    """Drop the headline, byline and dateline repeated as the first blocks of the body."""
    title_key = _key(title or "")
    byline_key = _key(byline or "")
    start = 0
    while start < min(len(blocks), 4):
        kind, text = blocks[start]
        key = _key(text)
        is_title = bool(title_key) and key == title_key and kind in ("heading", "paragraph")
        is_byline = bool(byline_key) and key in (byline_key, "by" + byline_key)
        is_dateline = len(text) < 80 and bool(_LEADING_CHROME.match(text))
        if not (is_title or is_byline or is_dateline):
            break
        start += 1
    return blocks[start:]
