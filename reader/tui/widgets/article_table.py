"""The library's table: one article a row, in columns that follow the width.

The Title column takes the room the other columns leave (narrower at 80 columns, wider at
200), `s` sorts by each column in turn (then back to the order listed), and a filter (the
library's `/`) keeps the rows whose title, site or file name match. In the history, two more
columns say when each article was read and how far.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.message import Message
from textual.widgets import DataTable

from reader.sanitize import clean_name
from reader.tui.text.search import words_match

#: What a cell shows while unknown.
UNKNOWN = "—"

#: The Title column is never narrower than this; the Site column gives way first.
MIN_TITLE_CELLS = 16
#: The Site column's widest and narrowest.
SITE_CELLS = (8, 24)


@dataclass(frozen=True, slots=True)
class RowFacts:
    """What is known of one article: read from its file, or kept in the history."""

    title: str
    site: str | None = None
    published: str | None = None
    words: int | None = None
    quotes: int | None = None
    problem: str | None = None
    opened_at: float | None = None  # history: when it was last opened
    read_percent: int | None = None  # history: how far it was read


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    cell: Callable[[RowFacts], str]
    sort_key: Callable[[RowFacts], tuple[bool, object]]
    newest_first: bool = False  # sorted from the largest (or latest) down
    right: bool = False


def _opened(facts: RowFacts) -> str:
    if facts.opened_at is None:
        return UNKNOWN
    return time.strftime("%Y-%m-%d", time.localtime(facts.opened_at))


def _number(value: int | None, suffix: str = "") -> str:
    return UNKNOWN if value is None else f"{value:,}{suffix}"


def _known(value: object) -> tuple[bool, object]:
    """A sort key that puts unknown values last, whichever way the column sorts."""
    return (value is not None, value if value is not None else 0)


COLUMNS = {
    "title": Column("title", "Title", lambda f: f.title, lambda f: (True, f.title.casefold())),
    "site": Column(
        "site",
        "Site",
        lambda f: "cannot read" if f.problem else f.site or UNKNOWN,
        lambda f: _known(f.site.casefold() if f.site else None),
    ),
    "date": Column(
        "date", "Date", lambda f: f.published or UNKNOWN, lambda f: _known(f.published), True
    ),
    "opened": Column("opened", "Read on", _opened, lambda f: _known(f.opened_at), True),
    "read": Column(
        "read",
        "Read",
        lambda f: _number(f.read_percent, "%"),
        lambda f: _known(f.read_percent),
        True,
        right=True,
    ),
    "words": Column(
        "words", "Words", lambda f: _number(f.words), lambda f: _known(f.words), True, right=True
    ),
    "quotes": Column(
        "quotes",
        "Quotes",
        lambda f: _number(f.quotes),
        lambda f: _known(f.quotes),
        True,
        right=True,
    ),
}
FOLDER_COLUMNS = ("title", "site", "date", "words", "quotes")
HISTORY_COLUMNS = ("title", "site", "opened", "read", "words", "quotes")


def sort_label(key: str | None) -> str:
    """How the table says its order: `sorted by Words, most first`."""
    if key is None:
        return "in the order listed"
    column = COLUMNS[key]
    if key in ("date", "opened"):
        return f"sorted by {column.label}, newest first"
    if column.newest_first:
        return f"sorted by {column.label}, most first"
    return f"sorted by {column.label}"


class ArticleTable(DataTable[Text], inherit_bindings=False):
    """One article a row; `enter` opens the highlighted one, `s` changes the order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="library.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="library.up", show=False),
        Binding("g,home", "scroll_top", "First", id="library.first", show=False),
        Binding("G,end", "scroll_bottom", "Last", id="library.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="library.page-down", show=False),
        Binding("pageup", "page_up", "Page up", id="library.page-up", show=False),
        Binding("enter", "select_cursor", "Open article", id="library.open"),
        Binding(
            "s",
            "cycle_sort",
            "Sort",
            id="library.sort",
            show=False,  # the key bar keeps room for d, ? and q at 100 columns; help lists it
            tooltip="Sort by the next column (Title, Site, Date, ...), then as listed",
        ),
    ]

    def __init__(self, **options: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **options)  # type: ignore[arg-type]
        self.columns_shown: tuple[str, ...] = FOLDER_COLUMNS
        self.facts: dict[str, RowFacts] = {}
        self.listed: list[str] = []
        """The sources in the order they were listed."""
        self.sort_key: str | None = None
        self.needle = ""
        self.shown: list[str] = []
        """The sources on the table, in its order (filtered, sorted)."""
        self._laid_out_for = -1
        self._widths_used: dict[str, int] | None = None

    # -- what is in the table -----------------------------------------------------------

    def show_rows(self, rows: Sequence[tuple[str, RowFacts]], *, history: bool) -> None:
        """List `rows` (source, facts) in this order, with the columns of the history or of
        a folder; the sort and the filter stay as they were."""
        self.columns_shown = HISTORY_COLUMNS if history else FOLDER_COLUMNS
        if self.sort_key not in self.columns_shown:
            self.sort_key = None
        self.listed = [source for source, _ in rows]
        self.facts = dict(rows)
        self.rebuild()

    def update_facts(self, source: str, facts: RowFacts) -> None:
        """What was read of `source`: its row redrawn (the whole table when the row's
        place or the columns' widths may change with it)."""
        if source not in self.facts:
            return
        self.facts[source] = facts
        widths = self._widths()
        if self.sort_key is None and not self.needle and widths == self._widths_used:
            if source in self.shown:
                for key, cell in zip(self.columns_shown, self._cells(facts, widths), strict=True):
                    self.update_cell(source, key, cell)
            return
        self.rebuild()

    def forget(self, source: str) -> None:
        """Take `source` off the table."""
        if source not in self.facts:
            return
        del self.facts[source]
        self.listed.remove(source)
        self.rebuild()

    def set_sort(self, key: str | None) -> None:
        self.sort_key = key
        self.rebuild()

    def set_filter(self, needle: str) -> None:
        self.needle = needle
        self.rebuild()

    def next_sort(self) -> str | None:
        """The sort that `s` goes to from this one: each column, then the listed order."""
        order: list[str | None] = [None, *self.columns_shown]
        return order[(order.index(self.sort_key) + 1) % len(order)]

    def action_cycle_sort(self) -> None:
        self.set_sort(self.next_sort())
        self.post_message(self.SortChanged(self, self.sort_key))

    class SortChanged(Message):
        """`s` changed the table's order."""

        def __init__(self, table: ArticleTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

    # -- drawing ------------------------------------------------------------------------

    def matches(self, source: str) -> bool:
        if not self.needle:
            return True
        facts = self.facts[source]
        return words_match(self.needle, facts.title, facts.site or "", Path(source).name)

    def _order(self) -> list[str]:
        sources = [source for source in self.listed if self.matches(source)]
        if self.sort_key is not None:
            column = COLUMNS[self.sort_key]
            known = [s for s in sources if column.sort_key(self.facts[s])[0]]
            unknown = [s for s in sources if not column.sort_key(self.facts[s])[0]]
            known.sort(key=lambda s: column.sort_key(self.facts[s]), reverse=column.newest_first)
            sources = known + unknown  # unknown values last, either way
        return sources

    def _widths(self) -> dict[str, int]:
        """Each column's width in cells: the others as wide as their widest cell, the title
        the room that is left (the Site column narrows first on a small screen)."""
        padding = 2 * self.cell_padding
        # Before the first layout, the terminal's width: the table spans it.
        width = self.size.width or self.app.size.width
        room = max(0, width - 2)  # the vertical scrollbar's place kept free
        widths: dict[str, int] = {}
        for key in self.columns_shown:
            if key == "title":
                continue
            column = COLUMNS[key]
            cells = [cell_len(clean_name(column.cell(facts))) for facts in self.facts.values()]
            widths[key] = max([cell_len(column.label), *cells])
        if "site" in widths:
            widths["site"] = min(widths["site"], SITE_CELLS[1])
        others = sum(width + padding for width in widths.values())
        title = room - others - padding
        if title < MIN_TITLE_CELLS and "site" in widths:
            give = min(widths["site"] - SITE_CELLS[0], MIN_TITLE_CELLS - title)
            if give > 0:
                widths["site"] -= give
                title += give
        widths["title"] = max(MIN_TITLE_CELLS, title)
        return widths

    def _cells(self, facts: RowFacts, widths: dict[str, int]) -> list[Text]:
        """The row's cells, each cleaned (`sanitize.clean_name`: a title may be a file name,
        a history entry was written by an older reader, none of it may reach the terminal
        as control) and cut to its column with an ellipsis."""
        cells = []
        for key in self.columns_shown:
            column = COLUMNS[key]
            text = Text(clean_name(column.cell(facts)), justify="right" if column.right else "left")
            text.truncate(widths[key], overflow="ellipsis")
            if key == "site" and facts.problem:
                text.stylize("italic")
            cells.append(text)
        return cells

    def rebuild(self) -> None:
        """Lay the table out again: columns for the width, rows filtered and sorted, the
        cursor kept on the article it was on."""
        current = self.highlighted_source
        widths = self._widths()
        self._widths_used = widths
        self._laid_out_for = self.size.width
        self.clear(columns=True)
        for key in self.columns_shown:
            self.add_column(COLUMNS[key].label, width=widths[key], key=key)
        self.shown = self._order()
        for source in self.shown:
            self.add_row(*self._cells(self.facts[source], widths), key=source)
        if current in self.shown:
            self.move_cursor(row=self.shown.index(current), animate=False)

    @property
    def highlighted_source(self) -> str | None:
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._laid_out_for:
            self.rebuild()
