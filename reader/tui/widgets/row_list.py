"""A list that draws only the rows on screen, for the entities and the quotes of any article.

`OptionList` renders and measures every option as soon as its options are set: for the 4,600
quotes of a 2 MB article that held the UI for seconds. A `RowList` asks its `RowSource` for
row heights only (no rendering), keeps their running totals, and renders the lines on screen
when Textual asks for them (the `ScrollView` line API, as the article view does), through a
small cache. Filling it with thousands of rows costs milliseconds; a key costs one screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import ClassVar, Protocol

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowSource(Protocol):
    """What a `RowList` shows: rows by index, each an id (None for a heading) and its lines."""

    def __len__(self) -> int: ...

    def row_id(self, index: int) -> str | None:
        """The row's id; None for a heading, which is never highlighted or picked."""
        ...

    def row_height(self, index: int, width: int) -> int:
        """How many lines the row takes at `width` cells, without rendering it."""
        ...

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        """The row's lines at `width` cells (at most `row_height` of them are drawn)."""
        ...


class EmptyRows:
    """No rows."""

    def __len__(self) -> int:
        return 0

    def row_id(self, index: int) -> str | None:
        raise IndexError(index)

    def row_height(self, index: int, width: int) -> int:
        raise IndexError(index)

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        raise IndexError(index)


class RowList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows from a `RowSource`; `j`/`k` move the highlight, `enter` or a click picks a row.

    A subclass sets its `BINDINGS` from `list_bindings(prefix, ...)`: the prefix names the
    list in binding ids (`entities.down`, `quotes.down`), so that a keymap can remap one list
    without the other.
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        padding: 0 0 0 1;
        background: transparent;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .row-list--heading { color: $text-secondary; text-style: bold; }
        & > .row-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus > .row-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--muted { color: $text-muted; }
        & > .row-list--hover { background: $block-hover-background; }
        & > .row-list--in-view { color: $text-accent; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--heading",
        "row-list--highlighted",
        "row-list--hover",
        "row-list--in-view",
        "row-list--muted",
    }
    """`row-list--in-view`: the mark beside rows about the part of the article on screen;
    `row-list--muted`: what is said in passing (a count)."""

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """The index of the highlighted row, or None when the list is empty."""

    class Picked(Message):
        """A row was picked: `enter` on it, or a click."""

        def __init__(self, row_list: RowList, index: int, row_id: str) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index
            self.row_id = row_id

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: RowSource = EmptyRows()
        self._tops: list[int] = [0]  # the first line of each row, then the total
        self._laid_out_width = -1
        self._hover: int | None = None
        self._strips: LRUCache[tuple[int, int, str], list[Strip]] = LRUCache(256)
        self._rich_style: Style | None = None

    # -- content ------------------------------------------------------------------------

    def show(self, rows: RowSource, *, highlight: int | None = None) -> None:
        """Show `rows`, highlighting row `highlight` (or the first row that is not a heading)."""
        self.rows = rows
        self._hover = None
        self._layout()
        if highlight is None or not 0 <= highlight < len(rows):
            highlight = self._next_row(-1, 1, wrap=False)
        self.highlighted = highlight

    def redraw(self) -> None:
        """Draw the rows again (their content changed, not their heights)."""
        self._strips.clear()
        self.refresh()

    def clear(self) -> None:
        self.show(EmptyRows())

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted row, if any."""
        if self.highlighted is None:
            return None
        return self.rows.row_id(self.highlighted)

    def index_of(self, row_id: str) -> int | None:
        """The index of the row with `row_id` (a linear search; the panes keep their own maps)."""
        for index in range(len(self.rows)):
            if self.rows.row_id(index) == row_id:
                return index
        return None

    def row_text(self, index: int) -> Text:
        """Row `index` as it is drawn, its lines joined with newlines (for tests and tools)."""
        width = self._text_width
        lines = list(self.rows.row_lines(index, width))[: self.rows.row_height(index, width)]
        return Text("\n", end="").join(lines)

    # -- geometry -----------------------------------------------------------------------

    @property
    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _layout(self) -> None:
        width = self._text_width
        rows = self.rows
        self._laid_out_width = width
        heights = (max(1, rows.row_height(index, width)) for index in range(len(rows)))
        self._tops = [0, *accumulate(heights)]
        self._strips.clear()
        self.virtual_size = Size(width, self._tops[-1])
        self.refresh()

    def on_resize(self) -> None:
        if self._text_width != self._laid_out_width:
            self._layout()
        self.scroll_to_highlight()

    def _row_at_line(self, line: int) -> int:
        return bisect_right(self._tops, line) - 1

    def scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None or not self.is_mounted or not self.scrollable_content_region.height:
            return  # not laid out yet: scrolled to once it has a size
        top, bottom = self._tops[index], self._tops[index + 1]
        self.scroll_to_region(
            Region(0, top, self._text_width, bottom - top),
            force=True,
            animate=False,
            immediate=True,
        )

    # -- highlight and keys -------------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        count = len(self.rows)
        if index is None or count == 0:
            return None
        return min(max(index, 0), count - 1)

    def watch_highlighted(self) -> None:
        self.scroll_to_highlight()
        self.refresh()

    def _next_row(self, start: int, step: int, *, wrap: bool = True) -> int | None:
        """The first row after `start` going `step` that is not a heading."""
        count = len(self.rows)
        index = start
        for _ in range(count):
            index += step
            if not 0 <= index < count:
                if not wrap:
                    return None
                index %= count
            if self.rows.row_id(index) is not None:
                return index
        return None

    def action_cursor_down(self) -> None:
        found = self._next_row(-1 if self.highlighted is None else self.highlighted, 1)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        found = self._next_row(len(self.rows) if self.highlighted is None else self.highlighted, -1)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._next_row(-1, 1, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._next_row(len(self.rows), -1, wrap=False)
        if found is not None:
            self.highlighted = found

    def _move_page(self, step: int) -> None:
        if self.highlighted is None:
            if step < 0:
                self.action_first()
            else:
                self.action_last()
            return
        height = max(1, self.scrollable_content_region.height)
        line = self._tops[self.highlighted] + step * height
        line = min(max(line, 0), self._tops[-1] - 1)
        index = self._row_at_line(line)
        found: int | None = index
        if self.rows.row_id(index) is None:  # a heading: the next row the same way, or back
            found = self._next_row(index, step, wrap=False)
            if found is None:
                found = self._next_row(index, -step, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is None:
            return
        row_id = self.rows.row_id(index)
        if row_id is not None:
            self.post_message(self.Picked(self, index, row_id))

    # -- mouse --------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if (
            isinstance(index, int)
            and 0 <= index < len(self.rows)
            and self.rows.row_id(index) is not None
        ):
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("row")
        hover = index if isinstance(index, int) else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    # -- rendering ----------------------------------------------------------------------

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._rich_style = None

    def _base_style(self) -> Style:
        """`rich_style`, worked out once per style change (Textual walks the ancestors for it
        on every call)."""
        if self._rich_style is None:
            self._rich_style = self.rich_style
        return self._rich_style

    def render_line(self, y: int) -> Strip:
        width = self._text_width
        if width != self._laid_out_width:
            self._layout()
        line = int(self.scroll_y) + y
        if not 0 <= line < self._tops[-1]:
            return Strip.blank(width, self._base_style())
        index = self._row_at_line(line)
        return self._row_strips(index, width)[line - self._tops[index]]

    def _row_state(self, index: int) -> str:
        if self.rows.row_id(index) is None:
            return "heading"
        if index == self.highlighted:
            return "highlighted"
        if index == self._hover:
            return "hover"
        return ""

    def _row_strips(self, index: int, width: int) -> list[Strip]:
        state = self._row_state(index)
        key = (index, width, state)
        strips = self._strips.get(key)
        if strips is not None:
            return strips
        style = self._base_style()
        if state:
            style += self.get_component_rich_style(f"row-list--{state}")
        style += Style.from_meta({"row": index})
        height = self._tops[index + 1] - self._tops[index]
        lines = list(self.rows.row_lines(index, width))[:height]
        console = self.app.console
        strips = []
        for number in range(height):
            segments = list(lines[number].render(console)) if number < len(lines) else []
            strips.append(
                Strip(Segment.apply_style(segments, style)).crop_extend(0, width, style).simplify()
            )
        self._strips[key] = strips
        return strips


def list_bindings(prefix: str, pick: str) -> list[BindingType]:
    """The movement keys of a list, with ids under `prefix`; `pick` describes `enter`."""
    return [
        Binding("j,down", "cursor_down", "Down", id=f"{prefix}.down", show=False),
        Binding("k,up", "cursor_up", "Up", id=f"{prefix}.up", show=False),
        Binding("g,home", "first", "First", id=f"{prefix}.first", show=False),
        Binding("G,end", "last", "Last", id=f"{prefix}.last", show=False),
        Binding("pagedown", "page_down", "Page down", id=f"{prefix}.page-down", show=False),
        Binding("pageup", "page_up", "Page up", id=f"{prefix}.page-up", show=False),
        Binding("enter", "select", pick, id=f"{prefix}.pick"),
    ]
