"""A small modal list to pick one of several choices: `enter` picks, `escape` gives None.

A long list (the merge and speaker pickers list every entity) is narrowed by typing: a key
the list does not use, or `/`, starts the filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.tui.text.search import words_match
from reader.tui.widgets.filter_input import FilterInput
from reader.tui.widgets.pick_list import PickList, list_bindings


class ChoiceList(PickList):
    """The choices; `j`/`k` or arrows move, `enter` picks, other letters filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("choice", "Choose"),
        Binding("slash", "filter", "Filter", id="choice.filter"),
    ]

    class Typed(Message):
        """A key the list does not use was typed: it starts the filter."""

        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    def on_key(self, event: Key) -> None:
        if not event.is_printable or event.character is None or event.character == " ":
            return
        if event.key in self._bindings.key_to_bindings:  # j, k, g, G (or as remapped)
            return
        event.stop()
        event.prevent_default()
        self.post_message(self.Typed(event.character))

    def action_filter(self) -> None:
        self.post_message(self.Typed(""))


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
            & > FilterInput { margin-bottom: 1; }
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
            box.border_subtitle = "type to filter · enter: choose · esc: cancel"
            yield FilterInput(placeholder="filter", id="choice-filter")
            yield ChoiceList(id="choice-list")

    def on_mount(self) -> None:
        self._fill("")
        choice_list = self.query_one(ChoiceList)
        ids = [key for key, _ in self.choices]
        choice_list.highlighted = ids.index(self.current) if self.current in ids else 0
        choice_list.focus()

    def _fill(self, typed: str) -> None:
        """List the choices whose label has every word typed (all of them for none)."""
        choice_list = self.query_one(ChoiceList)
        shown = [(key, label) for key, label in self.choices if words_match(typed, label)]
        choice_list.clear_options()
        choice_list.add_options(Option(Text(label), id=key) for key, label in shown)
        if shown:
            choice_list.highlighted = 0
        box = self.query_one("#choices")
        title = Text(self.prompt_title)  # names in it are data
        if typed:
            title.append(f" · {len(shown)} of {len(self.choices)}")
        box.border_title = title

    @on(ChoiceList.Typed)
    def _typed(self, message: ChoiceList.Typed) -> None:
        self.query_one(FilterInput).start(message.character)

    @on(Input.Changed, "#choice-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#choice-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """`enter` in the filter: the first choice left, if it is the only one; else the list."""
        event.stop()
        choice_list = self.query_one(ChoiceList)
        if choice_list.option_count == 1:
            self.dismiss(choice_list.get_option_at_index(0).id)
            return
        choice_list.focus()

    @on(FilterInput.Cleared)
    def _filter_cleared(self) -> None:
        self._fill("")
        self.query_one(ChoiceList).focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
