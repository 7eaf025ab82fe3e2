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
from typing import TYPE_CHECKING

from reader.model import BlockKind

if TYPE_CHECKING:
    from lxml.etree import _Element

Blocks = list[tuple[BlockKind, str]]

WORD_RE = re.compile(r"\w+")
SPACE_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Words only, for comparing blocks found by different means."""
    return " ".join(WORD_RE.findall(text))


def squash(text: str) -> str:
    return SPACE_RE.sub(" ", text).strip()


# --- the combination ---------------------------------------------------------------------

# An unconfirmed block at the edge of the article is kept only from this many words.
EDGE_KEEP_WORDS = 15
# One or two blocks this long are the page flattened, not paragraphs.
DUMP_WORDS = 400
# A short line of page furniture, recognised anywhere in the body.
FURNITURE_RE = re.compile(
    r"^(?:comments?|\d+ comments?|up next|advertisement|advertising|related(?: articles| stories)?|"
    r"you (?:may|might) also like|read more|more from .{0,40}|share(?: this)?(?: article| story)?|"
    r"tell us what you think|sign up.{0,40}|subscribe.{0,40}|follow us.{0,40}|"
    r"(?:copyright|\(c\)|©).{0,80}|\S+@\S+\.\w+|_+|-+)$",
    re.IGNORECASE,
)


def extract_blocks(html: str, *, url: str | None = None) -> Blocks:
    """The page's main content as `(kind, text)` blocks in reading order, text cleaned.

    Kinds: heading, paragraph, caption, blockquote, list_item. Empty when no article text
    is found. Never raises on broken markup.
    """
    from reader.sanitize import clean_text

    try:
        primary = trafilatura_blocks(html, url)
        if _looks_like_menu(primary):  # fast mode grabbed a link list: ask again in full
            primary = trafilatura_blocks(html, url, fast=False)
    except Exception:  # noqa: BLE001 - a parser failure means "no opinion", not a crash
        primary = []
    try:
        second = density_blocks(html)
    except Exception:  # noqa: BLE001
        second = []
    blocks = combine(primary, second) if primary else second
    cleaned = ((kind, squash(clean_text(text))) for kind, text in blocks)
    return [(kind, text) for kind, text in cleaned if text and not FURNITURE_RE.match(text)]


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
    second_text = " | ".join(normalise(text) for _, text in second)
    confirmed = [bool(key) and key in second_text for key in (normalise(t) for _, t in primary)]
    if not any(confirmed):
        return primary
    first = confirmed.index(True)
    last = len(confirmed) - 1 - confirmed[::-1].index(True)
    return [
        block
        for index, block in enumerate(primary)
        if confirmed[index] or first <= index <= last or len(block[1].split()) >= EDGE_KEEP_WORDS
    ]


# --- trafilatura's opinion ---------------------------------------------------------------


def trafilatura_blocks(html: str, url: str | None = None, *, fast: bool = True) -> Blocks:
    """trafilatura's main text (no comments) as blocks with their kinds.

    Fast mode skips trafilatura's own fallbacks: they cost a third of its time and, on
    news pages, lose as often as they win.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, fast=fast, include_comments=False, with_metadata=False
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


def _skipped(element: _Element, page_length: int = 0) -> bool:
    """True for a subtree that is not article text: by tag, by being hidden, or by a class
    that names page furniture (unless it wraps most of the page's text, as some do)."""
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
    return len(element.text_content()) < page_length / 2


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


def _measure(
    element: _Element, nodes: dict[_Element, Node], in_link: bool, page_length: int
) -> Node:
    """Text and link lengths of `element`, bottom up, over the parts that are not skipped."""
    node = Node(element)
    nodes[element] = node
    in_link = in_link or _tag(element) == "a"
    own = len((element.text or "").strip())
    node.text_length = own
    node.link_length = own if in_link else 0
    node.commas = (element.text or "").count(",")
    for child in element:
        if not _skipped(child, page_length):
            child_node = _measure(child, nodes, in_link, page_length)
            node.text_length += child_node.text_length
            node.link_length += child_node.link_length
            node.commas += child_node.commas
        tail = (child.tail or "").strip()
        if tail:
            node.text_length += len(tail)
            node.commas += tail.count(",")
            if in_link:
                node.link_length += len(tail)
    return node


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
    nodes: dict[_Element, Node] = {}
    page_length = len(body.text_content()) if ruthless else 0
    _measure(body, nodes, False, page_length)
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
    """The text of an element, leaving out skipped subtrees."""
    parts = [element.text or ""]
    for child in element:
        if child in nodes:
            parts.append(_inline_text(child, nodes))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


KIND_BY_TAG: dict[str, BlockKind] = {
    "p": "paragraph", "li": "list_item", "dd": "paragraph", "dt": "paragraph",
    "blockquote": "blockquote", "figcaption": "caption", "pre": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading",
}  # fmt: skip


def _emit(element: _Element, nodes: dict[_Element, Node], blocks: Blocks, kind: BlockKind) -> None:
    """Cut a chosen subtree into blocks: each block element, or each run of loose text."""
    node = nodes.get(element)
    if node is None or node.text_length == 0:
        return
    tag = _tag(element)
    if tag in ("ul", "ol", "table", "div", "section", "dl") and node.link_density > 0.5:
        return  # a list or box of links
    if tag in KIND_BY_TAG and not any(_tag(child) in BLOCK_TAGS - {"br"} for child in element):
        own_kind = KIND_BY_TAG[tag]
        if kind == "blockquote" and own_kind == "paragraph":
            own_kind = "blockquote"
        blocks.append((own_kind, squash(_inline_text(element, nodes))))
        return
    if tag == "blockquote":
        kind = "blockquote"
    loose = [element.text or ""]
    for child in element:
        child_tag = _tag(child)
        if child_tag in BLOCK_TAGS and child_tag != "br":
            if squash("".join(loose)):
                blocks.append((kind, squash("".join(loose))))
            loose = []
            _emit(child, nodes, blocks, kind)
        elif child in nodes:
            loose.append(_inline_text(child, nodes))
        elif child_tag == "br":
            loose.append("\n")
        loose.append(child.tail or "")
    if squash("".join(loose)):
        blocks.append((kind, squash("".join(loose))))


def parse_html(html: str) -> _Element | None:
    from trafilatura.utils import load_html

    return load_html(html)


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
