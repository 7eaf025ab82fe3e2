"""trafilatura's opinion of the article: its main text (no comments) as typed blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.load.page.blocks import BREAK, Blocks, squash_lines

if TYPE_CHECKING:
    from lxml.etree import _Element


def trafilatura_blocks(
    page: str | _Element, url: str | None = None, *, fast: bool = True
) -> Blocks:
    """trafilatura's main text (no comments) as blocks with their kinds.

    `page` is the HTML or a tree from `parse_html` (trafilatura works on a copy). Fast mode
    skips trafilatura's own fallbacks: they cost a third of its time and, on news pages,
    lose as often as they win. Only the body's tree is read: asked for "xml" (which its
    extraction never looks at), trafilatura leaves the body as it is instead of also
    writing it out as plain text, which nothing here reads.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        page, url=url, fast=fast, include_comments=False, with_metadata=False,
        output_format="xml",
    )  # fmt: skip
    if document is None or isinstance(document, dict) or document.body is None:
        return []  # a dict only with as_dict=True, which is not asked for
    body = document.body
    for line_break in body.iter("lb"):  # trafilatura's <br>: kept as a line break
        line_break.tail = BREAK + (line_break.tail or "")
    blocks: Blocks = []
    if body.text and body.text.strip():
        blocks.append(("paragraph", squash_lines(body.text)))
    for element in body:
        _collect_xml_blocks(element, blocks)
        if element.tail and element.tail.strip(BREAK + " \t\n\r"):  # loose text between blocks
            blocks.append(("paragraph", squash_lines(element.tail)))
    return blocks


def _xml_text(element: _Element) -> str:
    return squash_lines(" ".join(element.itertext()))


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
                blocks.append(("list_item", squash_lines(" ".join(parts))))
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
            blocks.append(("paragraph", squash_lines(" ".join(_xml_text(c) for c in row))))
    elif tag == "graphic":
        return
    else:
        blocks.append(("paragraph", _xml_text(element)))
