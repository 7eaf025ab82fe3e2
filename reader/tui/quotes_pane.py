"""The quotes panel: every quotation with its speaker; its title counts them (`Quotes 3/5`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static
from textual.widgets.option_list import Option

from reader.model import Quote
from reader.tui.pick_list import PickList, list_bindings
from reader.tui.scroll_spy import with_gutter

#: Lines each quote may take in the list.
QUOTE_LINES = 2

_MEASURING_CONSOLE = Console(width=200, color_system=None, file=None, legacy_windows=False)


class QuoteList(PickList):
    """The quotes in article order; `enter` jumps the article to the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("quotes", "Go to quote and show it whole"),
        Binding("space", "go", "Go to quote (no card)", id="quotes.go", show=False),
        Binding(
            "i",
            "toggle_reported",
            "Reported speech",
            id="quotes.toggle-reported",
            tooltip="Show or hide reported speech (said without quote marks)",
        ),
    ]

    class Go(Message):
        """`space`: go to the highlighted quote without opening its card."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_go(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Go(self.highlighted))

    def action_toggle_reported(self) -> None:
        """Show or hide the reported (indirect) speech; hidden at first."""
        pane = self.parent
        if isinstance(pane, QuotesPane):
            pane.show_reported = not pane.show_reported


def quote_prompt(quote: Quote, width: int) -> Text:
    """`Speaker: “words…”`, cut at a word to fit `QUOTE_LINES` lines of `width` cells."""
    speaker = quote.speaker or "unattributed"
    words = quote.text.split()
    shown = len(words)
    while True:
        prompt = Text(end="")
        prompt.append(speaker, style="bold" if quote.speaker else "italic dim")
        prompt.append(": ")
        cut = shown < len(words)
        words_shown = " ".join(words[:shown]) + ("…" if cut else "")
        if quote.kind == "indirect":  # reported, not their words: no quote marks
            prompt.append("reported: ", style="dim")
            prompt.append(words_shown, style="italic")
        else:
            prompt.append("“" + words_shown + "”")
        if shown <= 1 or _line_count(prompt, width) <= QUOTE_LINES:
            return prompt
        # Drop roughly the overflow in one step, then word by word.
        overflow = cell_len(prompt.plain) - QUOTE_LINES * width
        shown = max(1, shown - max(1, overflow // 6))


def _line_count(text: Text, width: int) -> int:
    """How many lines `text` takes when word-wrapped to `width` cells."""
    return len(text.wrap(_MEASURING_CONSOLE, width))


def quotes_title(count: int, position: int | None, speaker: str | None) -> str:
    """The panel's title: `Quotes 5`, `Quotes 3/5`, `Quotes 1/2 · Grant Newsham`."""
    title = f"Quotes {position + 1}/{count}" if position is not None else f"Quotes {count}"
    return f"{title} · {speaker}" if speaker else title


class QuotesPane(Vertical):
    """The quote list, or a sentence saying why there is none."""

    DEFAULT_CSS = """
    QuotesPane {
        & > #quotes-status { color: $text-muted; padding: 0 1; }
        &.-listed > #quotes-status { display: none; }
        & QuoteList > .option-list--option { padding: 0 0 0 0; }
        & QuoteList { padding: 0; }
    }
    """

    class QuoteChosen(Message):
        """The reader picked a quote: `enter` or a click (`card`), or `space` (no card)."""

        def __init__(self, quote: Quote, *, card: bool = True) -> None:
            super().__init__()
            self.quote = quote
            self.card = card

    class ReportedToggled(Message):
        """Reported speech was shown or hidden; the article tints what the list shows."""

        def __init__(self, shown: bool) -> None:
            super().__init__()
            self.shown = shown

    current_id: var[str | None] = var(None)
    """The current quote (set by the screen); the list highlight follows it."""

    in_view: var[frozenset[str]] = var(frozenset())
    """Quotes with words on screen in the article (scroll-spy), set by the screen."""

    show_reported: var[bool] = var(False)
    """Whether reported speech without quote marks (kind "indirect") is listed too."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: tuple[Quote, ...] = ()
        self.given: tuple[Quote, ...] = ()  # every quote handed in, reported speech included
        self.speaker: str | None = None
        self._width = 12
        self.border_title = "Quotes"

    def compose(self) -> ComposeResult:
        yield Static("analysing…", id="quotes-status", markup=False)
        yield QuoteList(id="quote-list")

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def position(self) -> int | None:
        """Where the current quote is in the list shown, if it is there."""
        for number, quote in enumerate(self.quotes):
            if quote.id == self.current_id:
                return number
        return None

    @property
    def highlighted_quote(self) -> Quote | None:
        """The quote under the list's highlight, if any."""
        highlighted = self.quote_list.highlighted
        if highlighted is None or not 0 <= highlighted < len(self.quotes):
            return None
        return self.quotes[highlighted]

    def show_status(self, message: str) -> None:
        """Say `message` (progress, failure) in place of the list."""
        self.query_one("#quotes-status", Static).update(message)
        self.remove_class("-listed")

    def show_quotes(self, quotes: Sequence[Quote], *, speaker: str | None = None) -> None:
        """List `quotes`; `speaker` names the filter in the title when the list is filtered.
        Reported speech is left out unless `show_reported` is on."""
        self.given = tuple(quotes)
        self.quotes = tuple(q for q in self.given if self.show_reported or q.kind != "indirect")
        self.speaker = speaker
        if not self.quotes:
            self.quote_list.clear_options()
            self.show_status(f"no quotes by {speaker}" if speaker else "no quotes found")
        else:
            self.add_class("-listed")
            self._fill()
        self._update_title()

    def watch_show_reported(self, shown: bool) -> None:
        if self.given or self.quotes:
            self.show_quotes(self.given, speaker=self.speaker)
        self.post_message(self.ReportedToggled(shown))

    def watch_in_view(self, before: frozenset[str], now: frozenset[str]) -> None:
        """Re-draw only the quotes whose mark changed."""
        quote_list = self.quote_list
        for quote in self.quotes:
            if (quote.id in before) != (quote.id in now) and quote_list.options:
                quote_list.replace_option_prompt(quote.id, self._prompt(quote))

    def _prompt(self, quote: Quote) -> Text:
        """The quote's entry: a one-cell gutter, marked when it is in view, then the quote."""
        return with_gutter(
            quote_prompt(quote, self._width - 1).wrap(_MEASURING_CONSOLE, self._width - 1),
            marked=quote.id in self.in_view,
            style=self.quote_list.get_component_rich_style("pick-list--in-view"),
        )

    def watch_current_id(self) -> None:
        position = self.position
        if position is not None:
            self.quote_list.highlighted = position
        self._update_title()

    def _update_title(self) -> None:
        # A Text, not a str: a str title is parsed as markup, and the speaker's name is data.
        self.border_title = Text(quotes_title(len(self.quotes), self.position, self.speaker))

    def on_resize(self) -> None:
        if self.quotes:
            self._fill()

    def _fill(self) -> None:
        quote_list = self.quote_list
        keep = quote_list.highlighted
        width = max(12, quote_list.scrollable_content_region.width or self.size.width - 2)
        self._width = width
        quote_list.set_options(Option(self._prompt(quote), id=quote.id) for quote in self.quotes)
        position = self.position
        quote_list.highlighted = position if position is not None else (keep or 0)

    @on(QuoteList.OptionSelected, "#quote-list")
    def _picked(self, event: QuoteList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.QuoteChosen(self.quotes[event.option_index]))

    @on(QuoteList.Go)
    def _go(self, event: QuoteList.Go) -> None:
        event.stop()
        if 0 <= event.index < len(self.quotes):
            self.post_message(self.QuoteChosen(self.quotes[event.index], card=False))
