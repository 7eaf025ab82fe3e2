"""Scroll-spy: which quotes and which entities are in the part of the article on screen.

`InView` answers from span lookups (no Textual); `gutter_lines` draws the mark the panes put
beside what is in view: a bar in a one-cell gutter left of the item, on every line of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.containers import Lines
from rich.style import Style
from rich.text import Text

from reader.model import Analysis
from reader.tui.text.spans import SpanIndex

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


def gutter_lines(lines: Lines, *, marked: bool, style: Style) -> list[Text]:
    """The wrapped `lines` of an item, each after a one-cell gutter: the mark if `marked`."""
    mark = Text(end="")  # the style on the mark only, not as the base of the whole line
    mark.append(IN_VIEW_MARK if marked else " ", style=style if marked else "")
    return [mark + line for line in lines]
