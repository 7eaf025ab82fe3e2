"""The quote marks around a quote's words, which the reader shows as part of the quote."""

from __future__ import annotations

QUOTE_MARKS = "\"'“”‘’«»„「」『』"


def with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen the span of a quote's words to take in the quote marks around them."""
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end
