"""A small modal that asks for one line of text: `enter` gives it, `escape` gives None."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static


class TextPrompt(ModalScreen[str | None]):
    """Ask `question`, with `value` filled in; dismiss with the stripped answer or None.

    With `optional`, an empty answer is an answer (`""`), and only `escape` gives None. A
    `suggester` offers a completion as the answer is typed (→ or End takes it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    DEFAULT_CSS = """
    TextPrompt {
        align: center middle;
        background: $background 60%;
        & > #prompt {
            width: 60;
            max-width: 95%;
            height: auto;
            padding: 0 1;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
            & > Static { color: $text-muted; }
        }
    }
    """

    def __init__(
        self,
        title: str,
        question: str,
        value: str = "",
        *,
        optional: bool = False,
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.question = question
        self.value = value
        self.optional = optional
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt") as box:
            box.border_title = Text(self.prompt_title)  # names in it are data
            box.border_subtitle = "enter: done · esc: cancel"
            yield Static(self.question, markup=False)
            yield Input(
                self.value, id="answer", select_on_focus=True, suggester=self.suggester
            )

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        self.dismiss(answer if answer or self.optional else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
