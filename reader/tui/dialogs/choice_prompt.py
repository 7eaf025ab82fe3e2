"""A small modal list to pick one of several choices: `enter` picks, `escape` gives None."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.tui.widgets.pick_list import PickList, list_bindings


class ChoiceList(PickList):
    """The choices; `j`/`k` or arrows move, `enter` picks."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("choice", "Choose")


class ChoicePrompt(ModalScreen[str | None]):
    """Pick one of `choices` (`(id, label)` pairs); dismiss with the chosen id or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel"),
    ]

    DEFAULT_CSS = """
    ChoicePrompt {
        align: center middle;
        background: $background 60%;
        & > #choices {
            width: 60;
            max-width: 95%;
            height: auto;
            max-height: 80%;
            padding: 0 1;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
            & > ChoiceList { height: auto; max-height: 30; }
        }
    }
    """

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], *, current: str | None = None
    ) -> None:
        """`current`, if one of the choice ids, is highlighted first."""
        super().__init__()
        self.prompt_title = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choices") as box:
            box.border_title = Text(self.prompt_title)  # names in it are data
            box.border_subtitle = "enter: choose · esc: cancel"
            yield ChoiceList(id="choice-list")

    def on_mount(self) -> None:
        choice_list = self.query_one(ChoiceList)
        choice_list.add_options(Option(Text(label), id=key) for key, label in self.choices)
        ids = [key for key, _ in self.choices]
        choice_list.highlighted = ids.index(self.current) if self.current in ids else 0
        choice_list.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
