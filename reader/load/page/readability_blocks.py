"""readability-lxml's opinion of the article, as typed blocks: a candidate for the second
opinion `combine` confirms trafilatura's blocks with (`extract_blocks(second_opinion=...)`),
measured against the density scorer by `benchmarks/extraction.py`."""

from __future__ import annotations

from reader.load.page.blocks import Blocks, squash
from reader.model import BlockKind

_KINDS: dict[str, BlockKind] = {
    "p": "paragraph", "pre": "paragraph", "td": "paragraph", "dd": "paragraph",
    "li": "list_item", "blockquote": "blockquote", "figcaption": "caption",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading",
}  # fmt: skip
_CONTAINERS = frozenset({"div", "section", "article", "body", "main", "ul", "ol", "table"})


def readability_blocks(html: str) -> Blocks:
    """The blocks of readability-lxml's summary of `html` (empty when it finds nothing)."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return []
    root = lxml_html.fragment_fromstring(summary, create_parent="div")
    blocks: Blocks = []
    for element in root.iter(*_KINDS, *_CONTAINERS):
        tag = element.tag
        if tag in _KINDS:
            if next(element.iterancestors(*_KINDS), None) is None:
                text = squash(element.text_content())
                if text:
                    blocks.append((_KINDS[tag], text))
        else:  # a container's own loose text
            loose = [element.text or ""]
            loose += [child.tail or "" for child in element]
            text = squash(" ".join(loose))
            if text and next(element.iterancestors(*_KINDS), None) is None:
                blocks.append(("paragraph", text))
    return blocks
