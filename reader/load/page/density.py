"""The density opinion: the article as the densest container of prose sees it (the idea of
readability; trafilatura keeps its own fork of it apart in the same way).

Every element is measured once (text length, link density, class and tag weights); the best
container's blocks are emitted in reading order. A first pass drops furniture by its class
words; if that leaves too little text, a second pass does not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.load.page.blocks import BREAK, Blocks, squash, squash_lines
from reader.load.page.class_words import ClassWords
from reader.load.page.parse import parse_html
from reader.model import BlockKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.etree import _Element


# Subtrees that are never article text.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "footer", "aside", "button", "select"}
    | {"iframe", "svg", "template", "object", "embed", "canvas", "video", "audio", "input"}
    | {"textarea", "label", "menu", "dialog", "head", "title", "meta", "link"}
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
    element: _Element,
    page_length: int = 0,
    whole_lengths: WholeTextLengths | None = None,
    words: ClassWords | None = None,
) -> bool:
    """True for a subtree that is not article text: by tag, by being hidden, or by a class
    that names page furniture (unless it wraps most of the page's text, as some do).
    `whole_lengths` gives each element's whole text length (see `WholeTextLengths`);
    `words` the page's memo of class words."""
    tag = element.tag
    if not isinstance(tag, str):
        return True
    tag = tag.lower()
    if tag in SKIP_TAGS:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    if tag in ("body", "article", "main", "html") or not page_length:
        return False
    if tag != "form" and not (words or ClassWords()).unlikely(_attributes(element)):
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


def _class_weight(element: _Element, words: ClassWords) -> int:
    weight = 0
    for value in (element.get("class"), element.get("id")):
        if value:
            weight += words.weight(value)
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


def _measure(body: _Element, ruthless: bool, words: ClassWords) -> dict[_Element, Node]:
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
        text = element.text  # each read of .text or .tail makes a new str: read once
        if text:
            own = len(text.strip())
            node.text_length = own
            node.link_length = own if in_link else 0
            node.commas = text.count(",")
        kept = []
        for child in element:
            if not _skipped(child, page_length, whole_lengths, words):
                kept.append(child)
            tail = child.tail
            if tail and (tail := tail.strip()):
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
    root: _Element, ruthless: bool = True, words: ClassWords | None = None
) -> tuple[list[_Element], dict[_Element, Node]]:
    """The elements that hold the article by text density: the best one and its kin.

    `ruthless` leaves out subtrees whose class names page furniture; the caller retries
    without it when too little text is left. `words` is the page's memo of class words
    (shared by both tries).
    """
    words = words if words is not None else ClassWords()
    body = root.find("body")
    if body is None:
        body = root
    nodes = _measure(body, ruthless, words)
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
                weight = TAG_WEIGHT.get(_tag(ancestor), 0) + _class_weight(ancestor, words)
                ancestor_node.score = weight
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
        sibling_node = nodes.get(sibling)
        if sibling_node is None:
            continue
        if sibling is best.element:
            chosen.append(sibling)
            continue
        if (
            sibling in candidates
            and sibling_node.score >= threshold
            or _tag(sibling) == "p"
            and (
                (sibling_node.text_length > 80 and sibling_node.link_density < 0.25)
                or (
                    0 < sibling_node.text_length <= 80
                    and sibling_node.link_density == 0
                    and re.search(r"\.( |$)", squash(sibling.text_content()))
                )
            )
        ):
            chosen.append(sibling)
    return chosen, nodes


def _inline_text(element: _Element, nodes: dict[_Element, Node]) -> str:
    """The text of an element, leaving out skipped subtrees (walked without recursion);
    each `<br>` as `BREAK`."""
    if _tag(element) == "br":
        return BREAK
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
            parts.append(BREAK if _tag(child) == "br" else child.text or "")
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
        text = squash_lines("".join(self.loose))
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
        blocks.append((own_kind, squash_lines(_inline_text(element, nodes))))
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
            frame.loose.append(BREAK)
        frame.loose.append(child.tail or "")


def density_blocks(html: str, tree: _Element | None = None) -> Blocks:
    """The article as the densest container of prose sees it (readability's idea)."""
    root = tree if tree is not None else parse_html(html)
    if root is None:
        return []
    words = ClassWords()
    for ruthless in (True, False):
        chosen, nodes = best_container(root, ruthless, words)
        blocks: Blocks = []
        for element in chosen:
            _emit(element, nodes, blocks, "paragraph")
        blocks = [(kind, text) for kind, text in blocks if text]
        if sum(len(text) for _, text in blocks) >= RETRY_LENGTH:
            break
    return blocks
