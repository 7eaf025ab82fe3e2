"""The reading measure: how wide the article's text column is, in cells."""

from __future__ import annotations

#: The text column's width when nothing else is set: a comfortable line length.
DEFAULT_WIDTH = 80
#: The narrowest and widest the column can be set to, and what `+` / `-` change it by.
MIN_WIDTH = 40
MAX_WIDTH = 160
WIDTH_STEP = 4


def clamp_width(width: int) -> int:
    """`width` kept between `MIN_WIDTH` and `MAX_WIDTH`."""
    return max(MIN_WIDTH, min(MAX_WIDTH, width))
