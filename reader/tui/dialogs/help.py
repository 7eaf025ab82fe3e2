"""The help screen: every key, in the sections it is handed (the app builds them from the
bindings with `reader.tui.keys.key_sections`, so the dialog knows nothing of the registry)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Per place the keys work (`Anywhere`, `Article`, ...), its `(keys, description, binding id)`.
KeySections = Sequence[tuple[str, Sequence[tuple[str, str, str]]]]


def keys_table(sections: KeySections) -> Table:
    """All keys, one section per place they work, as a Rich table."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for number, (where, rows) in enumerate(sections):
        if number:
            table.add_row("", "")
        table.add_row(Text(where, style="bold underline"), "")
        for keys, description, _ in rows:
            table.add_row(Text(keys), Text(description.lower()))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; `escape`, `q` or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", id="help.down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", id="help.up", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
        & > #help {
            width: 64;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            padding: 0 2;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
            & > Static { width: 100%; }
        }
    }
    """

    def __init__(self, sections: KeySections) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as help_box:
            help_box.border_title = "Keys"
            help_box.border_subtitle = "esc closes"
            yield Static(keys_table(self.sections))

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help", VerticalScroll)
        box.scroll_relative(y=1 if direction == "down" else -1, animate=False)
