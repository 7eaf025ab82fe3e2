"""The highlights screen's list: every highlight kept, across all articles.

A `RowList`, so only the rows on screen are drawn. A highlight is two or three lines: the
passage, its note (if it has one), then the article's title, the date and the tags. Every
field is data (`rich.text.Text`), cleaned of terminal controls, never markup.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from reader.keep.highlights import Highlight, one_line
from reader.tui.widgets.row_list import RowList, list_bindings


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class HighlightRows:
    """The highlights, the newest first."""

    def __init__(self, highlights: Sequence[Highlight]) -> None:
        self.highlights = list(highlights)

    def __len__(self) -> int:
        return len(self.highlights)

    def row_id(self, index: int) -> str | None:
        return str(self.highlights[index].id)

    def row_height(self, index: int, width: int) -> int:
        return 3 if self.highlights[index].note else 2

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        highlight = self.highlights[index]
        room = max(1, width - 2)
        lines = [Text("“" + _cut(one_line(highlight.passage), room - 1) + "”")]
        if highlight.note:
            lines.append(Text("  " + _cut(one_line(highlight.note), room), style="italic"))
        day = time.strftime("%Y-%m-%d", time.localtime(highlight.made_at))
        facts = [one_line(highlight.article_title), day, *(f"#{tag}" for tag in highlight.tags)]
        lines.append(Text("  " + _cut(" · ".join(facts), room), style="dim"))
        return lines


class HighlightList(RowList):
    """The highlights; `enter` opens the article at the highlight."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        "highlight-list", "Open the article at the highlight"
    )
