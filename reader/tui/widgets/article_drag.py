"""Selecting a passage of the article view with the mouse: a drag posts `Dragged` with the
offsets it went from and to (a mixin typed by the `DragHost` Protocol). A press and release
without a move stays a click (`ArticleView.Clicked`). Over a blank line between paragraphs
the drag holds at the end of the paragraph above; beside a line, at its first or last word.
Textual's own screen selection is off for the view (it would start on the same press and
draw nothing there): this selection is the one."""

from __future__ import annotations

from typing import ClassVar, Protocol

from textual import events
from textual.message import Message

from reader.tui.text.line_index import LineIndex
from reader.tui.widgets.article_messages import Dragged


class DragHost(Protocol):
    """What the drag needs of the view it is mixed into."""

    _drag_from: int | None
    _dragged: bool
    line_index: LineIndex | None

    @property
    def scroll_y(self) -> float: ...

    @property
    def left_margin(self) -> int: ...

    def offset_at(self, x: int, y: int) -> int | None: ...

    def capture_mouse(self, capture: bool = True) -> None: ...

    def release_mouse(self) -> None: ...

    def post_message(self, message: Message) -> bool: ...


class ArticleDrag:
    """The mouse drag over the text, mixed into the article view (a `DragHost`)."""

    ALLOW_SELECT: ClassVar[bool] = False
    _drag_from: int | None = None
    _dragged: bool = False

    def _offset_of(self: DragHost, event: events.MouseEvent) -> int | None:
        where = event.get_content_offset(self)  # type: ignore[arg-type]
        if where is None:
            return None
        offset = self.offset_at(where.x, where.y)
        index, number = self.line_index, int(self.scroll_y) + where.y
        if offset is None and index is not None and index.has_line(number):
            line = index[number]
            if line.kind == "blank":  # between blocks: the gap before the next block
                offset = max(0, line.start - 1)
            else:  # left of the words: their first; right of them: their last
                offset = line.start if where.x < self.left_margin else max(line.start, line.end - 1)
        return offset

    def on_mouse_down(self: DragHost, event: events.MouseDown) -> None:
        self._dragged = False
        self._drag_from = ArticleDrag._offset_of(self, event)
        if self._drag_from is not None:
            self.capture_mouse()

    def on_mouse_move(self: DragHost, event: events.MouseMove) -> None:
        start = self._drag_from
        if start is None or not event.button:
            return
        offset = ArticleDrag._offset_of(self, event)
        if offset is not None and offset != start:
            self._dragged = True
            self.post_message(Dragged(start, offset))

    def on_mouse_up(self: DragHost, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()

    def take_drag(self: DragHost) -> bool:
        """Whether the press that ends now was a drag (its click is then no click)."""
        dragged, self._dragged = self._dragged, False
        return dragged
