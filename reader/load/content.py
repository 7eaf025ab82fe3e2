"""Find the article in a web page: HTML in, the main content as `(kind, text)` blocks out.

Two opinions are combined. trafilatura (fast mode) reads the page with its many
hand-made rules; a readability-style scorer reads the same page by text density and
structure (which container holds the most prose). Blocks both agree on are kept; a block
only one of them found is judged by its shape (length, links, sentence punctuation) and by
where it sits relative to the agreed core of the article. Lines that are page furniture
(share, subscribe, related stories) are dropped by their shape.

Every import of a parsing library happens inside a function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


# --- trafilatura's opinion ---------------------------------------------------------------


def trafilatura_blocks(html: str, url: str | None = None) -> Blocks:
    """trafilatura's main text (fast mode, no comments) as blocks with their kinds."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, fast=True, include_comments=False, with_metadata=False
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
