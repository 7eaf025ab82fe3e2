"""Every link of the article, with its text and host, filtered by what is typed: `enter`
opens the highlighted one (its index is the answer), `escape` gives None."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.tui.widgets.pick_list import PickList


class LinkList(PickList):
    """The links shown; the dialog's `↓`/`↑` move in it (typing goes to the filter)."""

    BINDINGS: ClassVar[list[BindingType]] = []


class LinksList(ModalScreen[int | None]):
    """Pick one of `links` (`(text, host)` pairs); dismiss with its index or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="links.cancel"),
        Binding("down", "move(1)", "Next link", id="links.next", show=False, priority=True),
        Binding("up", "move(-1)", "Previous link", id="links.previous", show=False, priority=True),
        Binding("enter", "open", "Open the link", id="links.open", priority=True),
    ]

    DEFAULT_CSS = """
    LinksList {
        align: center middle;
        background: $background 60%;
        & > #links-box {
            width: 90;
            max-width: 95%;
            height: auto;
            max-height: 85%;
            padding: 0 1;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
            & > Input { border: none; height: 1; padding: 0 1; margin-bottom: 1; }
            & > LinkList { height: auto; max-height: 30; }
        }
    }
    """

    def __init__(self, links: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.links = list(links)
        self.shown: list[int] = list(range(len(self.links)))

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box") as box:
            box.border_title = f"Links ({len(self.links)})"
            box.border_subtitle = "type to filter · enter: open · esc: close"
            yield Input(placeholder="filter by text or host", id="links-filter")
            yield LinkList(id="link-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, typed: str) -> None:
        words = typed.casefold().split()
        self.shown = [
            index
            for index, (text, host) in enumerate(self.links)
            if all(word in f"{text} {host}".casefold() for word in words)
        ]
        options = self.query_one(LinkList)
        options.clear_options()
        options.add_options(Option(_row(*self.links[index]), id=str(index)) for index in self.shown)
        if self.shown:
            options.highlighted = 0
        box = self.query_one("#links-box")
        box.border_title = f"Links ({len(self.shown)} of {len(self.links)})"

    @on(Input.Changed, "#links-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one(LinkList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_open(self) -> None:
        options = self.query_one(LinkList)
        if options.highlighted is None or not self.shown:
            self.app.bell()
            return
        self.dismiss(self.shown[options.highlighted])

    @on(OptionList.OptionSelected, "#link-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _row(text: str, host: str) -> Text:
    """One link as a row: its words, then its host dimmed (both data, never markup)."""
    row = Text(text)
    row.append(f"  {host}", style="dim")
    return row
