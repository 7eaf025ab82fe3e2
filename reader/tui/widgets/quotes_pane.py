"""The quotes panel: every quotation with its speaker; its title counts them (`Quotes 3/5`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console
from rich.containers import Lines
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static

from reader.model import Quote
from reader.tui.text.scroll_spy import gutter_lines
from reader.tui.widgets.row_list import RowList, list_bindings

#: Lines each quote may take in the list.
QUOTE_LINES = 2

#: How many row heights `QuotesPane.row_heights` keeps before it starts again.
MAX_KEPT_HEIGHTS = 50_000

_MEASURING_CONSOLE = Console(width=200, color_system=None, file=None, legacy_windows=False)


class QuoteList(RowList):
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


def _prompt_parts(quote: Quote, words: list[str], shown: int) -> list[tuple[str, str]]:
    """The pieces of a quote's entry, with their styles, showing its first `shown` words."""
    cut = shown < len(words)
    words_shown = " ".join(words[:shown]) + ("…" if cut else "")
    parts = [(quote.speaker or "unattributed", "bold" if quote.speaker else "italic dim")]
    if quote.unsure:
        parts.append(("?", "dim"))  # a speaker the model was not sure of
    parts.append((": ", ""))
    if quote.kind == "indirect":  # reported, not their words: no quote marks
        parts += [("reported: ", "dim"), (words_shown, "italic")]
    else:
        parts += [("“", ""), (words_shown, ""), ("”", "")]
    return parts


def quote_prompt(quote: Quote, width: int) -> Text:
    """`Speaker: “words…”`, cut at a word to fit `QUOTE_LINES` lines of `width` cells: as many
    words as fit, so that a long quote fills its lines as a short one does."""
    words = quote.text.split()

    def prompt_for(shown: int) -> Text:
        prompt = Text(end="")
        for part, style in _prompt_parts(quote, words, shown):
            prompt.append(part, style=style)
        return prompt

    whole = prompt_for(len(words))
    if len(words) <= 1 or _line_count(whole, width) <= QUOTE_LINES:
        return whole
    # No more words fit than fill the lines' cells end to end: the search starts below that,
    # so a quote of a thousand words costs no more than one of fifty.
    room = QUOTE_LINES * width
    most, cells = 0, 0
    while most < len(words) - 1 and cells <= room:
        cells += _cells(words[most]) + 1
        most += 1
    # The most words that still fit (more words never take fewer lines): a binary search.
    low, high = 1, most
    while low < high:
        middle = (low + high + 1) // 2
        if _line_count(prompt_for(middle), width) <= QUOTE_LINES:
            low = middle
        else:
            high = middle - 1
    return prompt_for(low)


def quote_prompt_lines(quote: Quote, width: int) -> int:
    """How many lines `quote_prompt(quote, width)` takes, without wrapping it: one if the
    whole entry fits in `width` cells, else `QUOTE_LINES` (the prompt is cut to fit them)."""
    words = quote.text.split()
    length = sum(_cells(part) for part, _ in _prompt_parts(quote, words, len(words)))
    return 1 if length <= width else QUOTE_LINES


def _cells(text: str) -> int:
    """The cells `text` takes: its length when it is ASCII (most of it; `cell_len` is slow)."""
    return len(text) if text.isascii() else cell_len(text)


def _line_count(text: Text, width: int) -> int:
    """How many lines `text` takes when word-wrapped to `width` cells."""
    return len(text.wrap(_MEASURING_CONSOLE, width))


class QuoteRows:
    """The rows of the quote list: a one-cell gutter (marked when the quote is in view), then
    the quote cut to `QUOTE_LINES` lines."""

    def __init__(self, quotes: Sequence[Quote], pane: QuotesPane) -> None:
        self.quotes = quotes
        self.pane = pane
        # The wrapped prompts by (row, width): a mark that comes or goes as the article
        # scrolls redraws the rows on screen without wrapping their quotes again.
        self._wrapped: LRUCache[tuple[int, int], Lines] = LRUCache(512)

    def __len__(self) -> int:
        return len(self.quotes)

    def row_id(self, index: int) -> str | None:
        return self.quotes[index].id

    def row_height(self, index: int, width: int) -> int:
        quote = self.quotes[index]
        # Known heights are kept by what they depend on: a long article's partial results
        # list the same quotes again and again, each time with more.
        key = (quote.text, quote.speaker, quote.kind, width)
        heights = self.pane.row_heights
        height = heights.get(key)
        if height is None:
            if len(heights) >= MAX_KEPT_HEIGHTS:
                heights.clear()
            height = heights[key] = quote_prompt_lines(quote, max(1, width - 1))
        return height

    def row_lines(self, index: int, width: int) -> list[Text]:
        quote = self.quotes[index]
        lines = self._wrapped.get((index, width))
        if lines is None:
            text_width = max(1, width - 1)
            lines = quote_prompt(quote, text_width).wrap(_MEASURING_CONSOLE, text_width)
            self._wrapped[index, width] = lines
        marked = quote.id in self.pane.in_view
        style = self.pane.quote_list.get_component_rich_style("row-list--in-view")
        return gutter_lines(lines, marked=marked, style=style)


def quotes_title(count: int, position: int | None, speaker: str | None) -> str:
    """The panel's title: `Quotes 5`, `Quotes 3/5`, `Quotes 1/2 · Grant Newsham`; `Quotes`
    while there are none (yet: the panel says why)."""
    if count == 0 and speaker is None:
        return "Quotes"
    title = f"Quotes {position + 1}/{count}" if position is not None else f"Quotes {count}"
    return f"{title} · {speaker}" if speaker else title


class QuotesPane(Vertical):
    """The quote list, or a sentence saying why there is none."""

    DEFAULT_CSS = """
    QuotesPane {
        & > #quotes-status { color: $text-muted; padding: 0 1; }
        &.-listed > #quotes-status { display: none; }
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
        self._positions: dict[str, int] = {}
        self.row_heights: dict[tuple[str, str | None, str, int], int] = {}
        """The list's row heights by quote text, speaker, kind and width (see `QuoteRows`)."""
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
        return None if self.current_id is None else self._positions.get(self.current_id)

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
        self._positions = {quote.id: number for number, quote in enumerate(self.quotes)}
        self.speaker = speaker
        if not self.quotes:
            self.quote_list.clear()
            self.show_status(f"no quotes by {speaker}" if speaker else "no quotes found")
        else:
            self.add_class("-listed")
            keep = self.quote_list.highlighted
            position = self.position
            self.quote_list.show(
                QuoteRows(self.quotes, self), highlight=position if position is not None else keep
            )
        self._update_title()

    def watch_show_reported(self, shown: bool) -> None:
        if self.given or self.quotes:
            self.show_quotes(self.given, speaker=self.speaker)
        self.post_message(self.ReportedToggled(shown))

    def watch_in_view(self, before: frozenset[str], now: frozenset[str]) -> None:
        """Draw the list again when a quote on it gained or lost its mark (only the rows on
        screen are drawn)."""
        if any(quote_id in self._positions for quote_id in before ^ now):
            self.quote_list.redraw()

    def watch_current_id(self) -> None:
        position = self.position
        if position is not None:
            self.quote_list.highlighted = position
        self._update_title()

    def _update_title(self) -> None:
        # A Text, not a str: a str title is parsed as markup, and the speaker's name is data.
        self.border_title = Text(quotes_title(len(self.quotes), self.position, self.speaker))

    @on(QuoteList.Picked, "#quote-list")
    def _picked(self, event: QuoteList.Picked) -> None:
        event.stop()
        self.post_message(self.QuoteChosen(self.quotes[event.index]))

    @on(QuoteList.Go)
    def _go(self, event: QuoteList.Go) -> None:
        event.stop()
        if 0 <= event.index < len(self.quotes):
            self.post_message(self.QuoteChosen(self.quotes[event.index], card=False))
