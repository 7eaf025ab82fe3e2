"""Find the article in a web page: HTML in, the main content as `(kind, text)` blocks out.

Two opinions are combined. trafilatura (fast mode) reads the page with its many
hand-made rules and gives the blocks; a readability-style scorer reads the same page by
text density and structure (which container holds the most prose) and confirms them. The
article is the run from the first to the last confirmed block; unconfirmed blocks outside
that run (headline, standfirst, teasers, "more stories") are kept only when long enough to
be prose. Short lines of page furniture (share, subscribe, copyright) are dropped by their
shape, and a fast-mode result that is a menu or the whole page flattened is redone in full
mode. Measured with `benchmarks/extraction.py`.

Every import of a parsing library happens inside a function.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import TYPE_CHECKING

from reader.model import BlockKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.etree import _Element

Blocks = list[tuple[BlockKind, str]]

WORD_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Words only, for comparing blocks found by different means."""
    return " ".join(WORD_RE.findall(text))


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (`str.split` and `\\s` agree on
    what whitespace is; splitting is several times faster than a substitution)."""
    return " ".join(text.split())


# --- the combination ---------------------------------------------------------------------

# An unconfirmed block at the edge of the article is kept only from this many words.
EDGE_KEEP_WORDS = 15
# One or two blocks this long are the page flattened, not paragraphs.
DUMP_WORDS = 400
# A short line of page furniture, recognised anywhere in the body.
FURNITURE_RE = re.compile(
    r"^(?:comments?|\d+ comments?|up next|advertisement|advertising|related(?: articles| stories)?|"
    r"you (?:may|might) also like|read more(?::.{0,150})?|more from .{0,40}|"
    r"share(?: this)?(?: article| story)?|popular on .{0,40}|most popular(?: stories| now)?|"
    r"tell us what you think|sign up.{0,40}|sign up:.{0,150}|subscribe.{0,40}|"
    r"subscribe to .{0,80}(?:youtube|newsletter|channel|podcast).{0,80}|"
    r"click here to (?:subscribe|sign up).{0,80}|follow us.{0,40}|"
    r"(?:copyright|\(c\)|©).{0,80}|\S+@\S+\.\w+|_+|-+)$",
    re.IGNORECASE,
)
FURNITURE_MAX_CHARS = 160
# Pages longer than this (characters of HTML) are read by the density scorer alone. The
# largest page of the extraction benchmark is 1.4 MB; a saved long read of several MB is
# mostly its own text, which the scorer finds well.
DENSITY_ONLY_CHARS = 2_000_000
# Work bound for confirming blocks by substring search: characters scanned, as a multiple
# of the text compared. Real pages need a few scans; a page of thousands of unconfirmed
# blocks would otherwise cost blocks x text.
SCAN_BUDGET_FACTOR = 32


def extract_blocks(
    html: str, *, url: str | None = None, tree: _Element | None = None
) -> Blocks:
    """The page's main content as `(kind, text)` blocks in reading order, text cleaned.

    Kinds: heading, paragraph, caption, blockquote, list_item. Empty when no article text
    is found. Never raises on broken markup. `tree` is the page already parsed by
    `parse_html` (it is read, never changed), so a caller that parsed it need not pay twice.
    """
    if tree is None:
        try:
            tree = parse_html(html)
        except Exception:  # noqa: BLE001 - unparseable input has no article
            tree = None
    if tree is None:
        return []
    # A very large page: trafilatura's rules cost seconds there (its XPath pruning grows with
    # the page), so the density scorer decides alone, and trafilatura is asked only if the
    # scorer finds nothing.
    large = len(html) > DENSITY_ONLY_CHARS
    primary = [] if large else _trafilatura_opinion(tree, url)
    try:
        second = density_blocks(html, tree)
    except Exception:  # noqa: BLE001
        second = []
    if large and not second:
        primary = _trafilatura_opinion(tree, url)
    blocks = combine(primary, second) if primary else second
    return [(kind, text) for kind, text in _cleaned(blocks) if text and not _is_furniture(text)]


def _cleaned(blocks: Blocks) -> Blocks:
    """The blocks as `clean_text` leaves them, whitespace squashed again.

    Most pages hold nothing to clean, and that is checked once over all the blocks (joined
    by newlines, which neither `clean_text` nor NFC composition carries across): then
    `clean_text` would return every block unchanged, and is not run block by block.
    """
    from reader.sanitize import clean_text, has_control

    joined = "\n".join(text for _, text in blocks)
    if "\r" in joined or has_control(joined) or not unicodedata.is_normalized("NFC", joined):
        return [(kind, squash(clean_text(text))) for kind, text in blocks]
    return [(kind, squash(text)) for kind, text in blocks]


def _trafilatura_opinion(tree: _Element, url: str | None) -> Blocks:
    """trafilatura's blocks (fast mode; full mode when fast mode grabbed a menu)."""
    try:
        primary = trafilatura_blocks(tree, url)
        if _looks_like_menu(primary):  # fast mode grabbed a link list: ask again in full
            primary = trafilatura_blocks(tree, url, fast=False)
    except Exception:  # noqa: BLE001 - a parser failure means "no opinion", not a crash
        primary = []
    return primary


def _is_furniture(text: str) -> bool:
    """A short line of page furniture (a long text is never one, and is not scanned)."""
    return len(text) <= FURNITURE_MAX_CHARS and FURNITURE_RE.match(text) is not None


def _looks_like_menu(blocks: Blocks) -> bool:
    """Many blocks, most of them one to three words: a navigation list, not an article.
    Or the whole page flattened into one or two huge blocks (fast mode's last resort)."""
    if len(blocks) <= 2:
        return any(len(text.split()) > DUMP_WORDS for _, text in blocks)
    if len(blocks) < 20:
        return False
    lengths = sorted(len(text.split()) for _, text in blocks)
    return lengths[len(lengths) // 2] < 4


def combine(primary: Blocks, second: Blocks) -> Blocks:
    """Keep the primary opinion's blocks, trimming its unconfirmed edges.

    The article is the run of primary blocks from the first to the last one the second
    opinion also found; blocks outside that run that the second opinion did not find are
    kept only when they are long enough to be prose (a teaser, a caption line, a "more
    stories" heading are short).
    """
    if not second:
        return primary
    confirmed = _confirmed(primary, second)
    if not any(confirmed):
        return primary
    first = confirmed.index(True)
    last = len(confirmed) - 1 - confirmed[::-1].index(True)
    return [
        block
        for index, block in enumerate(primary)
        if confirmed[index] or first <= index <= last or len(block[1].split()) >= EDGE_KEEP_WORDS
    ]


def _confirmed(primary: Blocks, second: Blocks) -> list[bool]:
    """For each primary block: does the second opinion hold its words (as one of its blocks
    or inside one)? Exact matches are looked up; substring searches share a work budget
    proportional to the text compared, so the time stays linear in the page."""
    second_keys = [normalise(text) for _, text in second]
    exact = set(second_keys)
    second_text = " | ".join(second_keys)
    keys = [normalise(text) for _, text in primary]
    budget = SCAN_BUDGET_FACTOR * (len(second_text) + sum(len(key) for key in keys))
    confirmed = []
    for key in keys:
        if not key:
            confirmed.append(False)
        elif key in exact:
            confirmed.append(True)
        elif budget >= len(second_text):
            budget -= len(second_text)
            confirmed.append(key in second_text)
        else:
            confirmed.append(False)
    return confirmed


# --- trafilatura's opinion ---------------------------------------------------------------


def trafilatura_blocks(
    page: str | _Element, url: str | None = None, *, fast: bool = True
) -> Blocks:
    """trafilatura's main text (no comments) as blocks with their kinds.

    `page` is the HTML or a tree from `parse_html` (trafilatura works on a copy). Fast mode
    skips trafilatura's own fallbacks: they cost a third of its time and, on news pages,
    lose as often as they win.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        page, url=url, fast=fast, include_comments=False, with_metadata=False
    )
    if document is None or document.body is None:
        return []
    body = document.body
    blocks: Blocks = []
    if body.text and body.text.strip():
        blocks.append(("paragraph", squash(body.text)))
    for element in body:
        _collect_xml_blocks(element, blocks)
        if element.tail and element.tail.strip():  # loose text between blocks
            blocks.append(("paragraph", squash(element.tail)))
    return blocks


def _xml_text(element: _Element) -> str:
    return squash(" ".join(element.itertext()))


def _collect_xml_blocks(element: _Element, blocks: Blocks) -> None:
    tag = element.tag
    if tag == "head":
        blocks.append(("heading", _xml_text(element)))
    elif tag == "list":
        for item in element:
            if item.tag == "item":
                parts, sublists = [item.text or ""], []
                for child in item:
                    if child.tag == "list":
                        sublists.append(child)
                    else:
                        parts.extend(child.itertext())
                    parts.append(child.tail or "")
                blocks.append(("list_item", squash(" ".join(parts))))
                for sublist in sublists:
                    _collect_xml_blocks(sublist, blocks)
    elif tag == "quote":
        paragraphs = [child for child in element if child.tag == "p"]
        if paragraphs and len(paragraphs) == len(element):
            blocks.extend(("blockquote", _xml_text(p)) for p in paragraphs)
        else:
            blocks.append(("blockquote", _xml_text(element)))
    elif tag == "table":
        for row in element.iter("row"):
            blocks.append(("paragraph", squash(" ".join(_xml_text(c) for c in row))))
    elif tag == "graphic":
        return
    else:
        blocks.append(("paragraph", _xml_text(element)))


# --- the density opinion -------------------------------------------------------------------

# Subtrees that are never article text.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "footer", "aside", "button", "select"}
    | {"iframe", "svg", "template", "object", "embed", "canvas", "video", "audio", "input"}
    | {"textarea", "label", "menu", "dialog", "head", "title", "meta", "link"}
)
# Class or id words of page furniture, and of containers that usually hold the article.
UNLIKELY_RE = re.compile(
    r"comment|disqus|foot|masthead|menu|sidebar|sponsor|ad-break|agegate|pagination|\bpager\b|"
    r"popup|share|sharing|social|related|recommend|newsletter|subscri|promo|breadcrumb|"
    r"cookie|banner|outbrain|taboola|widget|navbar|navigation|\bnav\b|toolbar|signup|"
    r"most-?popular|trending|read-?more|more-?stories|paywall|modal",
    re.IGNORECASE,
)
POSITIVE_RE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    re.IGNORECASE,
)
NEGATIVE_RE = re.compile(
    r"combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|"
    r"related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|share|social",
    re.IGNORECASE,
)
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tr", "td", "th"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption"}
    | {"dl", "dt", "dd", "header", "hr", "br", "tbody", "thead"}
)
RETRY_LENGTH = 250  # less text than this: look again without dropping furniture by class
TAG_WEIGHT = {
    "div": 5, "article": 8, "section": 3, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "ol": -3, "ul": -3, "li": -3, "dl": -3, "dd": -3, "dt": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip


def _tag(element: _Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _attributes(element: _Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _skipped(
    element: _Element, page_length: int = 0, whole_lengths: WholeTextLengths | None = None
) -> bool:
    """True for a subtree that is not article text: by tag, by being hidden, or by a class
    that names page furniture (unless it wraps most of the page's text, as some do).
    `whole_lengths` gives each element's whole text length (see `WholeTextLengths`)."""
    tag = _tag(element)
    if not tag or tag in SKIP_TAGS:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    if tag in ("body", "article", "main", "html") or not page_length:
        return False
    attributes = _attributes(element)
    if tag != "form" and (not attributes.strip() or not UNLIKELY_RE.search(attributes)):
        return False
    if whole_lengths is None:
        return len(element.text_content()) < page_length / 2
    return whole_lengths.of(element) < page_length / 2


class Node:
    """Per-element figures gathered in one walk: text, link text, score."""

    __slots__ = ("element", "text_length", "link_length", "score", "commas")

    def __init__(self, element: _Element) -> None:
        self.element = element
        self.text_length = 0
        self.link_length = 0
        self.commas = 0
        self.score = 0.0

    @property
    def link_density(self) -> float:
        return self.link_length / self.text_length if self.text_length else 0.0


def _class_weight(element: _Element) -> int:
    weight = 0
    for value in (element.get("class"), element.get("id")):
        if value:
            if NEGATIVE_RE.search(value):
                weight -= 25
            if POSITIVE_RE.search(value):
                weight += 25
    return weight


def _full_text_lengths(root: _Element) -> dict[_Element, int]:
    """len(element.text_content()) of every element under `root`, in one bottom-up pass
    (asking each element would cost its depth times the text)."""
    lengths: dict[_Element, int] = {}
    for element in reversed(list(root.iter())):
        total = len(element.text or "") if isinstance(element.tag, str) else 0
        for child in element:
            total += lengths.get(child, 0) + len(child.tail or "")
        lengths[element] = total
    return lengths


class WholeTextLengths:
    """`len(element.text_content())` of elements under `root`, asked one by one.

    Only the few elements whose class names page furniture are asked, so each is measured
    on its own; but nested ones would cost their depth times the text, so once the text
    measured passes twice the page's, every length comes from one bottom-up pass instead.
    """

    def __init__(self, root: _Element) -> None:
        self.root = root
        self.page_length = len(root.text_content())
        self.text_measured = 0
        self.every_length: dict[_Element, int] | None = None

    def of(self, element: _Element) -> int:
        if self.every_length is not None:
            return self.every_length.get(element, 0)
        length = len(element.text_content())
        self.text_measured += length
        if self.text_measured > 2 * self.page_length:
            self.every_length = _full_text_lengths(self.root)
        return length


def _measure(body: _Element, ruthless: bool) -> dict[_Element, Node]:
    """Text and link lengths of every element not skipped, over the parts not skipped.

    One walk down (document order, which later steps rely on) and one sum up, without
    recursion: a page may nest elements thousands deep.
    """
    whole_lengths = WholeTextLengths(body) if ruthless else None
    page_length = whole_lengths.page_length if whole_lengths is not None else 0
    nodes: dict[_Element, Node] = {}
    order: list[tuple[Node, Node | None]] = []
    stack: list[tuple[_Element, bool, Node | None]] = [(body, False, None)]
    while stack:
        element, in_link, parent = stack.pop()
        node = Node(element)
        nodes[element] = node
        order.append((node, parent))
        in_link = in_link or _tag(element) == "a"
        own = len((element.text or "").strip())
        node.text_length = own
        node.link_length = own if in_link else 0
        node.commas = (element.text or "").count(",")
        kept = []
        for child in element:
            if not _skipped(child, page_length, whole_lengths):
                kept.append(child)
            tail = (child.tail or "").strip()
            if tail:
                node.text_length += len(tail)
                node.commas += tail.count(",")
                if in_link:
                    node.link_length += len(tail)
        stack.extend((child, in_link, node) for child in reversed(kept))
    for node, parent in reversed(order):  # children before their parents
        if parent is not None:
            parent.text_length += node.text_length
            parent.link_length += node.link_length
            parent.commas += node.commas
    return nodes


def _is_text_holder(element: _Element) -> bool:
    """A paragraph-like element: p, pre, td, or a div holding text but no block element."""
    tag = _tag(element)
    if tag in ("p", "pre", "td"):
        return True
    if tag in ("div", "section", "span"):
        return not any(_tag(child) in BLOCK_TAGS for child in element)
    return False


def best_container(
    root: _Element, ruthless: bool = True
) -> tuple[list[_Element], dict[_Element, Node]]:
    """The elements that hold the article by text density: the best one and its kin.

    `ruthless` leaves out subtrees whose class names page furniture; the caller retries
    without it when too little text is left.
    """
    body = root.find("body")
    if body is None:
        body = root
    nodes = _measure(body, ruthless)
    candidates: dict[_Element, Node] = {}
    for element, node in nodes.items():
        if node.text_length < 25 or not _is_text_holder(element):
            continue
        parent = element.getparent()
        if parent is None or parent not in nodes:
            continue
        score = 1 + node.commas + min(node.text_length / 100, 3)
        for level, ancestor in enumerate((parent, parent.getparent())):
            if ancestor is None or ancestor not in nodes:
                break
            ancestor_node = nodes[ancestor]
            if ancestor not in candidates:
                ancestor_node.score = TAG_WEIGHT.get(_tag(ancestor), 0) + _class_weight(ancestor)
                candidates[ancestor] = ancestor_node
            ancestor_node.score += score if level == 0 else score / 2
    if not candidates:
        return [], nodes
    for node in candidates.values():
        node.score *= 1 - node.link_density
    best = max(candidates.values(), key=lambda node: node.score)
    parent = best.element.getparent()
    if parent is None:
        return [best.element], nodes
    threshold = max(10.0, best.score * 0.2)
    chosen = []
    for sibling in parent:
        node = nodes.get(sibling)
        if node is None:
            continue
        if sibling is best.element:
            chosen.append(sibling)
            continue
        if (
            sibling in candidates
            and node.score >= threshold
            or _tag(sibling) == "p"
            and (
                (node.text_length > 80 and node.link_density < 0.25)
                or (
                    0 < node.text_length <= 80
                    and node.link_density == 0
                    and re.search(r"\.( |$)", squash(sibling.text_content()))
                )
            )
        ):
            chosen.append(sibling)
    return chosen, nodes


def _inline_text(element: _Element, nodes: dict[_Element, Node]) -> str:
    """The text of an element, leaving out skipped subtrees (walked without recursion)."""
    parts = [element.text or ""]
    stack: list[tuple[Iterator[_Element], _Element | None]] = [(iter(element), None)]
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owner is not None and owner.tail:
                parts.append(owner.tail)
        elif child in nodes:
            parts.append(child.text or "")
            stack.append((iter(child), child))
        elif child.tail:
            parts.append(child.tail)
    return "".join(parts)


KIND_BY_TAG: dict[str, BlockKind] = {
    "p": "paragraph", "li": "list_item", "dd": "paragraph", "dt": "paragraph",
    "blockquote": "blockquote", "figcaption": "caption", "pre": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading",
}  # fmt: skip


class _EmitFrame:
    """An element being cut into blocks: its remaining children, kind, pending loose text."""

    __slots__ = ("children", "kind", "loose")

    def __init__(self, element: _Element, kind: BlockKind) -> None:
        self.children = iter(element)
        self.kind = kind
        self.loose = [element.text or ""]

    def flush(self, blocks: Blocks) -> None:
        text = squash("".join(self.loose))
        if text:
            blocks.append((self.kind, text))
        self.loose = []


def _enter(
    element: _Element, nodes: dict[_Element, Node], blocks: Blocks, kind: BlockKind
) -> _EmitFrame | None:
    """Start cutting `element`: a frame to walk its children, or None when it is skipped
    or is one block by itself (then already emitted)."""
    node = nodes.get(element)
    if node is None or node.text_length == 0:
        return None
    tag = _tag(element)
    if tag in ("ul", "ol", "table", "div", "section", "dl") and node.link_density > 0.5:
        return None  # a list or box of links
    if tag in KIND_BY_TAG and not any(_tag(child) in BLOCK_TAGS - {"br"} for child in element):
        own_kind = KIND_BY_TAG[tag]
        if kind == "blockquote" and own_kind == "paragraph":
            own_kind = "blockquote"
        blocks.append((own_kind, squash(_inline_text(element, nodes))))
        return None
    return _EmitFrame(element, "blockquote" if tag == "blockquote" else kind)


def _emit(element: _Element, nodes: dict[_Element, Node], blocks: Blocks, kind: BlockKind) -> None:
    """Cut a chosen subtree into blocks: each block element, or each run of loose text.
    Walked with a stack of frames, not recursion: a page may nest thousands deep."""
    first = _enter(element, nodes, blocks, kind)
    stack = [first] if first else []
    while stack:
        frame = stack[-1]
        child = next(frame.children, None)
        if child is None:
            frame.flush(blocks)
            stack.pop()
            continue
        child_tag = _tag(child)
        if child_tag in BLOCK_TAGS and child_tag != "br":
            frame.flush(blocks)
            frame.loose = [child.tail or ""]  # follows the child's blocks, flushed after them
            inner = _enter(child, nodes, blocks, frame.kind)
            if inner:
                stack.append(inner)
            continue
        if child in nodes:
            frame.loose.append(_inline_text(child, nodes))
        elif child_tag == "br":
            frame.loose.append("\n")
        frame.loose.append(child.tail or "")


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
    html = repair_faulty_html(html, html[:50].lower())
    if not html.strip():
        return None
    parser = _html_parser()
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        if any("Excessive depth" in error.message for error in parser.error_log):
            flat = _flatten_nesting(html, MAX_NESTING).encode("utf-8", "replace")
            tree = lxml_html.document_fromstring(flat, parser=parser)
    except Exception:  # noqa: BLE001 - lxml: "Document is empty" and the like
        return None
    body = tree.find("body")
    if "html" not in html[:50].lower() and (body is None or len(body) < 2):
        return None  # no document and at most one element: text or junk, not a page
    return tree


# trafilatura's repairs before parsing (`trafilatura.utils.repair_faulty_html`, 2.x, Apache
# 2.0), here so that parsing a page does not import trafilatura (a tenth of a second), which a
# very large page, read by the density scorer alone, never needs.
_INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOCTYPE_TAG = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_FAULTY_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)


def repair_faulty_html(html: str, beginning: str) -> str:
    """Control characters libxml2 refuses removed; a self-closed doctype or <html/> opened."""
    html = _INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # libxml2/lxml issue: https://bugs.launchpad.net/lxml/+bug/1955915
        first_line, _, rest = html.partition("\n")
        html = _DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = _FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


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


def _html_parser():  # noqa: ANN202 - lxml's parser type, imported lazily
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import html as lxml_html

        parser = lxml_html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True,
            collect_ids=False, default_doctype=False, huge_tree=True,
        )  # fmt: skip
        _PARSERS.parser = parser
    return parser


def density_blocks(html: str, tree: _Element | None = None) -> Blocks:
    """The article as the densest container of prose sees it (readability's idea)."""
    root = tree if tree is not None else parse_html(html)
    if root is None:
        return []
    for ruthless in (True, False):
        chosen, nodes = best_container(root, ruthless)
        blocks: Blocks = []
        for element in chosen:
            _emit(element, nodes, blocks, "paragraph")
        blocks = [(kind, text) for kind, text in blocks if text]
        if sum(len(text) for _, text in blocks) >= RETRY_LENGTH:
            break
    return blocks
