"""The help screen: every key, generated from the bindings (see `reader.tui.keys`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def keys_table(keymap: Mapping[str, str] | None = None) -> Table:
    """All keys, one section per place they work, as a Rich table; `keymap` (binding id ->
    keys) holds the user's remapped keys."""
    from reader.tui.keys import key_sections

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for number, (where, rows) in enumerate(key_sections(keymap)):
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

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as help_box:
            help_box.border_title = "Keys"
            help_box.border_subtitle = "esc closes"
            # The app's keymap (Textual keeps it as set by `App.set_keymap`, from the config).
            yield Static(keys_table(getattr(self.app, "_keymap", None)))

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help", VerticalScroll)
        box.scroll_relative(y=1 if direction == "down" else -1, animate=False)
