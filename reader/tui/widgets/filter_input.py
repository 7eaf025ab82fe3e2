"""The one-line filter of a list (the entity list, the choice lists): typing narrows the
list, `enter` goes back to it, `escape` clears the filter and goes back too."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    """A filter line, hidden until its list asks for it (the `-shown` class)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear the filter", id="filter.clear"),
    ]

    DEFAULT_CSS = """
    FilterInput {
        display: none;
        height: 1;
        border: none;
        padding: 0 1;
        &:focus { border: none; }
        &.-shown { display: block; }
    }
    """

    class Cleared(Message):
        """`escape`: the filter was emptied; the list should show everything again."""

        def __init__(self, filter_input: FilterInput) -> None:
            super().__init__()
            self.filter_input = filter_input

        @property
        def control(self) -> FilterInput:
            return self.filter_input

    def start(self, typed: str = "") -> None:
        """Show the filter, with `typed` in it, and take the focus."""
        self.add_class("-shown")
        if typed:
            self.value += typed
            self.cursor_position = len(self.value)
        self.call_after_refresh(self.focus)  # once shown: a hidden widget takes no focus

    def action_clear_filter(self) -> None:
        self.value = ""
        self.remove_class("-shown")
        self.post_message(self.Cleared(self))
