"""The focus filter: the blocks of an article that hold any of some spans (mentions, quotes)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.model import Article, Block
from reader.tui.text.spans import SpanIndex


def blocks_touching(article: Article, spans: Iterable[tuple[int, int]]) -> tuple[Block, ...]:
    """The blocks (in article order) that share a character with any of `spans`."""
    index = SpanIndex(spans)
    return tuple(
        block for block in article.blocks if any(index.overlapping(block.start, block.end))
    )


def pieces_shown(blocks: Sequence[Block], start: int, end: int) -> list[tuple[int, int]]:
    """`[start, end)` cut to the `blocks` shown (in article order): what of it is on screen
    when the blocks between them are left out."""
    pieces = []
    for block in blocks[bisect_right(blocks, start, key=lambda block: block.end) :]:
        if block.start >= end:
            break
        pieces.append((max(start, block.start), min(end, block.end)))
    return pieces
