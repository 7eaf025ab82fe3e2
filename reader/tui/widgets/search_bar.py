"""The search bar under the article: `/` opens it, matches highlight as you type.

The bar owns the query and its results; the screen shows them in the article (posting
`SearchBar.MatchesChanged` and `SearchBar.CurrentChanged` up, never reaching into the view).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input

from reader.tui.text.search import SearchResults, find_matches, next_scope, parse_query
from reader.tui.text.spans import SpanIndex


class SearchBar(Horizontal):
    """`/ query … 2/7`: a smart-case search of the article, its quotes or its mentions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority for the keys that move the focus, so the keys typed after them follow it.
        Binding(
            "enter",
            "confirm",
            "Back to the article (n / N step)",
            id="search.confirm",
            priority=True,
        ),
        Binding("down", "step(1)", "Next match", id="search.next", show=False),
        Binding("shift+enter,up", "step(-1)", "Previous match", id="search.previous", show=False),
        Binding("ctrl+t", "cycle_scope", "Scope: all, q: quotes, e: entities", id="search.scope"),
        Binding("escape", "close", "Close search", id="search.close", priority=True),
    ]

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        height: 1;
        background: $panel;
        &.-open { display: block; }
        & > #search-prompt { width: 2; padding: 0 0 0 1; color: $text-accent; }
        & > Input {
            width: 1fr;
            height: 1;
            border: none;
            padding: 0;
            background: $panel;
            &:focus { border: none; background-tint: transparent; }
        }
        & > #search-counter { width: auto; padding: 0 1; color: $text-muted; }
        &.-no-match > #search-counter { color: $text-error; }
    }
    """

    class MatchesChanged(Message):
        """The query changed: these are every match now (empty to clear the highlights)."""

        def __init__(self, matches: list[tuple[int, int]]) -> None:
            super().__init__()
            self.matches = matches

    class CurrentChanged(Message):
        """The current match moved (None: there is none)."""

        def __init__(self, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.span = span

    class Confirmed(Message):
        """`enter`: keep the matches and give the keys back to the article."""

    class Closed(Message):
        """`escape`: the search is over; `had_focus` if the keys were in the bar."""

        def __init__(self, had_focus: bool) -> None:
            super().__init__()
            self.had_focus = had_focus

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.scopes: dict[str, SpanIndex] = {}
        self.results = SearchResults([])
        self.search_from = 0
        """The offset matches are counted from (the top of the view when the bar opened)."""
        self._built = False
        """Whether the prompt, the query and the counter are in (see `build`)."""

    def build(self) -> None:
        """Put the prompt, the query and the counter in the bar, unless they are in already.

        The bar is hidden until `/`, so the screen builds it once the article is on screen
        (the three widgets were some 7 ms of the first paint); anything that needs the query
        (`open`, through `input`) builds it first if `/` came sooner. That is soon enough for
        the keys: the widgets are in the DOM at once, and keys sent to the query wait in its
        queue until it has mounted.
        """
        if self._built or not self.is_attached:  # not when the app quit before the first frame
            return
        self._built = True
        from textual.widgets import Label  # with the bar, after the first frame

        self.mount(
            Label("/", id="search-prompt"),
            Input(
                placeholder="search  (q: quotes, e: entities)",
                id="search-input",
                select_on_focus=False,
            ),
            Label("", id="search-counter", markup=False),
        )

    @property
    def input(self) -> Input:
        self.build()
        return self.query_one(Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def set_text(self, text: str, *, quotes: SpanIndex, entities: SpanIndex) -> None:
        """What to search: the article text, and the spans of the `q:` and `e:` scopes."""
        self.text = text
        self.scopes = {"quotes": quotes, "entities": entities}
        if self.is_open:
            # New scopes (the analysis finished): search again, from the current match.
            current = self.results.current
            if current is not None:
                self.search_from = current[0]
            self._search()

    def open(self, anchor: int) -> None:
        """Show the bar, empty, with the keys in it; matches are counted from offset `anchor`."""
        self.search_from = anchor
        self.add_class("-open")
        self.input.value = ""
        # Now, not after the next refresh: keys typed straight after `/` go into the query.
        self.screen.set_focus(self.input)

    def close(self) -> None:
        """Hide the bar and clear the highlights."""
        self.remove_class("-open")
        self.results = SearchResults([])
        self.post_message(self.MatchesChanged([]))
        self.post_message(self.CurrentChanged(None))

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._search()

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def _search(self) -> None:
        scope, needle = parse_query(self.input.value)
        within = self.scopes.get(scope, SpanIndex()) if scope != "all" else None
        self.results = SearchResults(find_matches(self.text, needle, within), self.search_from)
        self.post_message(self.MatchesChanged(self.results.matches))
        self.post_message(self.CurrentChanged(self.results.current))
        self._show_counter()

    def _show_counter(self) -> None:
        scope, needle = parse_query(self.input.value)
        counter = self.results.counter if needle else ""
        if scope != "all":
            counter = f"{scope} · {counter}" if counter else scope
        from textual.widgets import Label

        self.query_one("#search-counter", Label).update(counter)
        self.set_class(bool(needle) and not self.results, "-no-match")

    def step(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) match, round the ends."""
        if self.results.step(step) is None:
            self.app.bell()
            return
        self.post_message(self.CurrentChanged(self.results.current))
        self._show_counter()

    def action_step(self, step: int) -> None:
        self.step(step)

    def action_confirm(self) -> None:
        # Let go of the keys now (the screen gives them to the article): a key typed straight
        # after `enter` must not land in the query.
        self.screen.set_focus(None)
        self.post_message(self.Confirmed())

    def action_cycle_scope(self) -> None:
        search_input = self.input
        search_input.value = next_scope(search_input.value)
        search_input.cursor_position = len(search_input.value)

    def action_close(self) -> None:
        had_focus = self.has_focus_within
        if had_focus:
            self.screen.set_focus(None)
        self.close()
        self.post_message(self.Closed(had_focus))
