"""The focus filter: the blocks of an article that hold any of some spans (mentions, quotes)."""

from __future__ import annotations

from collections.abc import Iterable

from reader.model import Article, Block
from reader.tui.text.spans import SpanIndex


def blocks_touching(article: Article, spans: Iterable[tuple[int, int]]) -> tuple[Block, ...]:
    """The blocks (in article order) that share a character with any of `spans`."""
    index = SpanIndex(spans)
    return tuple(
        block for block in article.blocks if any(index.overlapping(block.start, block.end))
    )
