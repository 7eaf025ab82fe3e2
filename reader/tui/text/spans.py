"""Find the spans (quotes, mentions, search hits) that touch a slice of the article text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator


class SpanIndex:
    """Spans `(start, end)` sorted by start, answering "which overlap [start, end)?" fast.

    Spans may overlap or nest; a lookup costs a bisect plus the spans it returns (and those
    within the longest span's length before it).
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted((start, end) for start, end in spans if end > start)
        self._starts = [start for start, _ in self.spans]
        self._longest = max((end - start for start, end in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Every span that shares at least one character with `[start, end)`."""
        index = bisect_left(self._starts, start - self._longest)
        spans = self.spans
        while index < len(spans):
            span_start, span_end = spans[index]
            if span_start >= end:
                break
            if span_end > start:
                yield span_start, span_end
            index += 1
