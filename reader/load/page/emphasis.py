"""Bold and italic words of a page, found again in the extracted body: marks as spans over the
article text, which stays unchanged (the way `links` finds anchors)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from reader.load.page.blocks import squash
from reader.load.page.links import BlockIndex, block_key_of, locate_spans, without_overlaps
from reader.model import Article, Mark, MarkKind

if TYPE_CHECKING:
    from lxml.etree import _Element

#: The tags of each kind of emphasis.
KIND_OF_TAG: dict[str, MarkKind] = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}
_TAGS_OF: dict[MarkKind, tuple[str, ...]] = {"strong": ("b", "strong"), "em": ("i", "em")}
_WORD = re.compile(r"\w")


def page_emphasis(
    tree: _Element, keys: dict[Any, str] | None = None, within: str | None = None
) -> list[tuple[str, MarkKind, str]]:
    """Every bold or italic element of the page with words in it, in document order:
    `(text, kind, block key)` (see `links.page_anchors`). One inside another of its kind
    (`<b><strong>`) counts once; an empty one (an icon font's `<i>`) not at all. `keys`: the
    block keys already worked out (`links.block_key_of`); `within`: as for
    `links.page_anchors`."""
    found: list[tuple[str, MarkKind, str]] = []
    keys = {} if keys is None else keys
    for element in tree.iter(*KIND_OF_TAG):
        kind = KIND_OF_TAG[element.tag]
        if next(element.iterancestors(*_TAGS_OF[kind]), None) is not None:
            continue
        text = squash(element.text_content())
        if not _WORD.search(text) or (within is not None and text not in within):
            continue
        block_key = block_key_of(element, keys)
        if block_key is not None:
            found.append((text, kind, block_key))
    return found


def locate_marks(
    article: Article,
    items: list[tuple[str, MarkKind, str]],
    block_index: BlockIndex | None = None,
) -> tuple[Mark, ...]:
    """The emphasis (`page_emphasis`) found in `article`'s blocks, as marks in order, each
    as a whole word (or words). Each kind is found on its own, so bold inside italic keeps
    both; within a kind, the first of two overlapping marks wins."""
    marks: list[Mark] = []
    for kind in ("strong", "em"):
        of_kind = [item for item in items if item[1] == kind]
        if not of_kind:
            continue
        spans = locate_spans(article, of_kind, whole_words=True, block_index=block_index)
        marks.extend(without_overlaps([Mark(start, end, kind) for start, end, _ in spans]))
    return tuple(sorted(marks, key=lambda mark: (mark.start, mark.end, mark.kind)))
