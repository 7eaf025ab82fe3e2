"""HTML text -> lxml tree: one parse per page, shared by the metadata, the content and the
captions. lxml is imported inside functions (and trafilatura only for what lxml refuses).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from reader.sanitize import clean_text

if TYPE_CHECKING:
    from lxml.etree import _Element

XML_DECLARATION_RE = re.compile(r"^\ufeff?\s*<\?xml[^>]{0,200}\?>", re.IGNORECASE)
# libxml2 stops reading at 2048 levels of nesting, losing the rest of the page; a page that
# deep is re-read with tags beyond this depth left out (their text kept).
MAX_NESTING = 1000
TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)


def parse_html(html: str) -> _Element | None:
    """The page as an lxml document tree (always rooted at <html>), or None when empty.

    Like trafilatura, input that does not start like HTML and parses to fewer than two
    elements is not a page. The text goes to the parser as UTF-8 bytes with that encoding
    stated: lxml refuses a str that carries an encoding declaration, and a leading
    `<?xml ...?>` would make it read the page as a fragment. `huge_tree` lifts libxml2's
    caps on text nodes (10 MB) and nesting (256 levels, now 2048); a page nested deeper is
    flattened and read again.
    """
    from lxml import html as lxml_html

    html = XML_DECLARATION_RE.sub("", html, count=1)
    html = bounded_tags(html)
    data = html.encode("utf-8", "replace")
    if needs_repair(html, data):
        from trafilatura.utils import repair_faulty_html  # imported here: a tenth of a second

        html = repair_faulty_html(html, html[:50].lower())
        data = html.encode("utf-8", "replace")
    if not html.strip():
        return None
    parser = _html_parser()
    try:
        tree = lxml_html.document_fromstring(data, parser=parser)
        # libxml2 stops at that error, so it is the last one (a page has hundreds of
        # others, which need not each become a Python object).
        last = parser.error_log.last_error
        if last is not None and "Excessive depth" in last.message:
            flat = _flatten_nesting(html, MAX_NESTING).encode("utf-8", "replace")
            tree = lxml_html.document_fromstring(flat, parser=parser)
    except Exception:  # lxml: "Document is empty" and the like
        return None
    body = tree.find("body")
    if "html" not in html[:50].lower() and (body is None or len(body) < 2):
        return None  # no document and at most one element: text or junk, not a page
    return tree


#: The control characters libxml2 refuses (trafilatura's `INVALID_XML_CHARS` below U+0020), as
#: UTF-8 bytes: in UTF-8 a byte below 0x20 is always that character.
_INVALID_XML_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_DOCTYPE_WITH_SLASH_RE = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)


def needs_repair(html: str, data: bytes) -> bool:
    """Whether trafilatura's `repair_faulty_html` would change `html` (`data`: its UTF-8).

    It removes the characters libxml2 refuses, a doctype's stray slash and a self-closing
    `<html/>`; a real page has none of them, and its regex over the whole page cost a
    quarter of the parse. The same three are looked for here the cheap way (the bytes'
    control characters deleted in C; two characters; the first line; the first four
    lines), and the repair runs only when one is there. `html` with "doctype" in its first
    50 characters and no line break is repaired too: the repair adds one.
    """
    if len(data.translate(None, _INVALID_XML_BYTES)) != len(data):
        return True
    if "\ufffe" in html or "\uffff" in html:  # the rest of them (a search of the str: quick)
        return True
    if "doctype" in html[:50].lower():
        end = html.find("\n")
        if end < 0 or _DOCTYPE_WITH_SLASH_RE.match(html, 0, end):
            return True
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


#: The most tags a page is parsed with. A real page has a few thousand; 2,000,000 `<b>a</b>`
#: in one paragraph (16 MB) held 10 GB as a tree. Past this, the page's inline formatting
#: tags are dropped (their text kept), and if that is not enough the page is read up to its
#: `MAX_PAGE_TAGS`-th tag; either is noted (`reader.load.notes`).
MAX_PAGE_TAGS = 200_000
_INLINE_TAG_RE = re.compile(
    r"</?(?:b|i|em|strong|span|font|u|s|small|sup|sub|mark|abbr|cite|q|code|time|big|tt|ins"
    r"|del)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


#: The most characters of markup a page is read with: the fetch's own cap (16 MB), so that a
#: saved file (up to 64 MB unpacked) costs no more than a fetched page. One paragraph of
#: 62 MB took 18 s and 1.2 GB; past this the page is cut, and that is noted.
MAX_PAGE_CHARS = 16 * 1024 * 1024
#: The longest attribute value kept. Nothing the reader reads from an attribute (a link, a
#: caption's alt text, a date, a meta tag) is this long; a 40 MB `data-` value, `alt` or
#: `content` is dropped before anything scans the page, so that the cut above keeps the text.
MAX_ATTRIBUTE_CHARS = 64 * 1024
# A quoted or unquoted value past the cap. No class holds `<` (so no stretch of text with
# tags in it is taken for a value) nor what ends its kind of value, so each attempt stops
# at the next such character and the search is linear.
_LONG_ATTRIBUTE_RE = re.compile(
    rf"""=\s*(?:"[^"<]{{{MAX_ATTRIBUTE_CHARS},}}"|'[^'<]{{{MAX_ATTRIBUTE_CHARS},}}'"""
    rf"""|[^\s"'<>=`]{{{MAX_ATTRIBUTE_CHARS},}})"""
)
# A run of white space as long: its first character is searched for (quick), and a match is
# tried only where a run starts (the look-behind), so linear too.
_LONG_SPACE_RE = re.compile(rf"\s(?<!\s\s)\s{{{MAX_ATTRIBUTE_CHARS - 1},}}")
#: Some white space that any long run of it holds: a page without any skips the search.
_SPACE_RUNS = (" " * 1024, "\n" * 1024, "\t" * 1024, "\r\n" * 512)


def bounded_page(html: str) -> str:
    """`html` without attribute values over `MAX_ATTRIBUTE_CHARS`, its runs of white space
    that long made one line break, and cut at `MAX_PAGE_CHARS` (see there); the value and
    the cut are noted when they bite."""
    if len(html) <= MAX_ATTRIBUTE_CHARS:
        return html
    from reader.load.notes import note

    if any(run in html for run in _SPACE_RUNS):
        html = _LONG_SPACE_RE.sub("\n", html)
    html, dropped = _LONG_ATTRIBUTE_RE.subn('=""', html)
    if dropped:
        note(f"Page limit: {dropped:,} attribute value{'s' if dropped > 1 else ''} over "
             f"{MAX_ATTRIBUTE_CHARS:,} characters left out.")  # fmt: skip
    if len(html) > MAX_PAGE_CHARS:
        note(f"Page limit: more than {MAX_PAGE_CHARS // 2**20} MB of markup, so only its "
             f"first {MAX_PAGE_CHARS // 2**20} MB were read.")  # fmt: skip
        html = html[:MAX_PAGE_CHARS]
    return html


def bounded_tags(html: str) -> str:
    """`html` with at most about `MAX_PAGE_TAGS` tags (see there)."""
    if html.count("<") <= MAX_PAGE_TAGS:
        return html
    from reader.load.notes import note

    html = _INLINE_TAG_RE.sub("", html)
    if html.count("<") <= MAX_PAGE_TAGS:
        note(f"Page limit: more than {MAX_PAGE_TAGS:,} tags, so the page was read without "
             "its inline formatting.")  # fmt: skip
        return html
    cut = 0
    for _ in range(MAX_PAGE_TAGS):
        cut = html.index("<", cut) + 1
    note(f"Page limit: more than {MAX_PAGE_TAGS:,} tags, so only the page up to its "
         f"{MAX_PAGE_TAGS:,}th tag was read.")  # fmt: skip
    return html[: cut - 1]


def _flatten_nesting(html: str, limit: int) -> str:
    """`html` without the start and end tags nested deeper than `limit` (counted from the
    tags as written; one pass)."""
    depth = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in VOID_TAGS:
            return match.group(0)
        if closing:
            kept = depth <= limit
            depth = max(depth - 1, 0)
        else:
            depth += 1
            kept = depth <= limit
        return match.group(0) if kept else ""

    return TAG_RE.sub(keep_or_drop, html)


_PARSERS = threading.local()  # an lxml parser must not be shared between threads


def _html_parser() -> Any:  # lxml's HTMLParser, imported lazily
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import html as lxml_html

        parser = lxml_html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True,
            collect_ids=False, default_doctype=False, huge_tree=True,
        )  # fmt: skip
        parser.set_element_class_lookup(_html_class_lookup())
        _PARSERS.parser = parser
    return parser


def _html_class_lookup() -> Any:  # an lxml ElementClassLookup
    """lxml.html's element classes, looked up in C.

    `lxml.html`'s own lookup is a Python method that lxml calls each time it makes a Python
    object for an element, and every walk of the tree makes them (ours, trafilatura's on its
    copies, which keep the parser): some 2,600 calls a page, a twentieth of the extraction.
    This one gives each element the class lxml.html would (`FormElement` for `<form>`,
    `HtmlElement` for the rest, `HtmlComment` ...), from a table: HTML tag names are lower
    case once parsed, which is what lxml.html's lowers them for.
    """
    from lxml import etree
    from lxml import html as lxml_html

    default = etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
    lookup = etree.ElementNamespaceClassLookup(default)
    by_tag = lookup.get_namespace(None)
    # lxml.html's table (a private name: should a later lxml drop it, forms and inputs are
    # plain `HtmlElement`s, which is all the reader and trafilatura ask of them).
    classes = getattr(lxml_html.HtmlElementClassLookup, "_default_element_classes", {})
    for tag, element_class in classes.items():
        by_tag[tag] = element_class
    return lookup


def clean_page(page: str) -> str:
    """The page with terminal escapes and NULs removed before parsing, when it holds any.

    Every string that leaves this module (blocks, captions, title, byline, site, URL) goes
    through `clean_text` on its own, so the page itself is cleaned only of what could
    hide in markup: an escape sequence split by tags, a NUL. Looking for four characters
    is cheap; running `clean_text` over a whole page costs more than parsing it.
    """
    if any(mark in page for mark in ("\x1b", "\x00", "\x9b", "\x9d")):
        return clean_text(page)
    return page


def parse_page(page: str) -> _Element | None:
    """The page's lxml tree, parsed once for the metadata, the captions and the content
    (`parse_html`: UTF-8 bytes, huge trees, deep nesting flattened); trafilatura's
    more forgiving loader for what that refuses or empties."""
    try:
        tree = parse_html(page)
        if tree is not None and len(tree):
            return tree
    except Exception:  # lxml raises many kinds on broken markup
        pass
    from trafilatura.utils import load_html

    try:
        return load_html(page)
    except Exception:
        return None
