"""Scroll-spy: which quotes and which entities are in the part of the article on screen.

`InView` answers from span lookups (no Textual); `with_gutter` draws the mark the panes put
beside what is in view: a bar in a one-cell column left of the item, on every line of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reader.model import Analysis
from reader.tui.spans import SpanIndex

#: The mark beside an item that is in view.
IN_VIEW_MARK = "▌"


class InView:
    """Quote ids and entity ids by the spans of the quotes and of the mentions."""

    def __init__(self, analysis: Analysis) -> None:
        self._quote_ids: dict[tuple[int, int], list[str]] = {}
        for quote in analysis.quotes:
            self._quote_ids.setdefault((quote.start, quote.end), []).append(quote.id)
        self._entity_ids: dict[tuple[int, int], list[str]] = {}
        for entity in analysis.entities:
            for mention in entity.mentions:
                self._entity_ids.setdefault((mention.start, mention.end), []).append(entity.id)
        self._quotes = SpanIndex(self._quote_ids)
        self._mentions = SpanIndex(self._entity_ids)

    def quotes(self, start: int, end: int) -> frozenset[str]:
        """Ids of the quotes with some of their words in `[start, end)`."""
        return _ids(self._quotes.overlapping(start, end), self._quote_ids)

    def entities(self, start: int, end: int) -> frozenset[str]:
        """Ids of the entities with a mention in `[start, end)`."""
        return _ids(self._mentions.overlapping(start, end), self._entity_ids)


def _ids(spans: Iterable[tuple[int, int]], ids: dict[tuple[int, int], list[str]]) -> frozenset[str]:
    return frozenset(found for span in spans for found in ids[span])


def with_gutter(prompt: Text, lines: int, *, marked: bool, style: Style) -> RenderableType:
    """`prompt` (taking `lines` lines) with a one-cell column before it, marked if `marked`."""
    grid = Table.grid()
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    mark = "\n".join([IN_VIEW_MARK] * lines) if marked else ""
    grid.add_row(Text(mark, style=style, end=""), prompt)
    return grid
