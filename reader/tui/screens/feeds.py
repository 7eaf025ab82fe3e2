"""The feeds screen: feeds with unread counts on the left, the chosen feed's items on the right.

`enter` on an item fetches its full article and opens it in the reader (`escape` comes back);
the analysis cache is looked in first, so a prefetched or already read item opens with its
entities and quotes. `r` refreshes the highlighted feed, `R` every feed, in a thread worker
that opens its own connection to the library database and posts one message per feed
stored; a progress line says how far it got, and the UI never waits for it. `m` toggles an
item read, `/` filters the items (see `reader.feeds.search`).
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.feeds.prefetch import PER_REFRESH
from reader.feeds.prefetch import command as prefetch_command
from reader.feeds.search import analysis_summary, filtered
from reader.feeds.store import FeedStore, Item
from reader.pipeline import cached_analysis
from reader.store.db import StoreUnavailable
from reader.tui.context import ReaderContext
from reader.tui.widgets.feed_lists import ALL_FEEDS, FeedList, FeedRows, ItemList, ItemRows
from reader.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.feeds.refresh import Outcome
    from reader.model import Analysis, Article


class FeedsScreen(Screen[None]):
    """Every subscribed feed and its items, from the library database."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh_feed", "Refresh feed", id="feeds.refresh"),
        Binding("R", "refresh_all", "Refresh all", id="feeds.refresh-all"),
        Binding("m", "toggle_read", "Read / unread", id="feeds.toggle-read"),
        Binding("slash", "filter", "Filter", id="feeds.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="feeds.clear-filter", show=False),
        Binding("question_mark", "app.help", "Help", id="feeds.help"),
        Binding("q", "app.quit", "Quit", id="feeds.quit"),
    ]

    DEFAULT_CSS = """
    FeedsScreen {
        & > #feeds-status { padding: 0 1; color: $text-muted; height: 1; }
        & > Horizontal { height: 1fr; }
        & FeedList { width: 32; border-right: tall $panel; }
        & ItemList { width: 1fr; }
        & > #feeds-filter { display: none; }
        & > #feeds-filter.-shown { display: block; }
    }
    """

    class ArticleOpened(Message):
        """An item's article was fetched and is ready to read."""

        def __init__(self, article: Article, analysis: Analysis | None, item_id: int) -> None:
            super().__init__()
            self.article = article
            self.analysis = analysis
            self.item_id = item_id

    class Refreshed(Message):
        """The refresh worker stored one feed."""

        def __init__(self, outcome: Outcome, done: int, total: int) -> None:
            super().__init__()
            self.outcome = outcome
            self.done = done
            self.total = total

    class PrefetchEnded(Message):
        """The prefetch process finished: items may now show their quotes."""

    class RefreshEnded(Message):
        def __init__(self, problem: str | None = None) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, context: ReaderContext | None = None) -> None:
        super().__init__()
        self.context = context or ReaderContext()
        library = self.context.library
        self.store = FeedStore(library) if library is not None else None
        self.items: list[Item] = []
        self.query_text = ""
        self.chosen_feed: str = ALL_FEEDS
        self.refreshing = threading.Event()
        self.opened: tuple[int, Article] | None = None
        self.problems: list[str] = []
        self.new_items: list[int] = []
        self.prefetch_limit = PER_REFRESH
        """Items prefetched after a refresh (0: none)."""
        self.prefetching: subprocess.Popen[bytes] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="feeds-status", markup=False)
        with Horizontal():
            yield FeedList(id="feeds-list")
            yield ItemList(id="feeds-items")
        yield Input(placeholder="filter: words, e:person, q:speaker", id="feeds-filter")
        yield Footer()

    @property
    def feed_list(self) -> FeedList:
        return self.query_one(FeedList)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    def on_mount(self) -> None:
        if self.store is None:
            self._status("The library database is not available, so no feeds can be shown.")
            return
        self.load_feeds()
        if not self.feed_list.rows or len(self.feed_list.rows) == 1:
            self._status("No feeds yet: add one with reader feeds add URL, or import an OPML file.")
        self.item_list.focus()

    def on_screen_resume(self) -> None:
        """Back from the reader: note what its article holds, for the list and the filter."""
        if self.opened is not None and self.store is not None:
            item_id, article = self.opened
            self.opened = None
            analysis = cached_analysis(article, self.context.cache)
            if analysis is not None:
                with contextlib.suppress(StoreUnavailable):
                    self.store.set_analysis(item_id, analysis_summary(analysis))
            self.load_items(keep=True)

    def _status(self, text: str) -> None:
        self.query_one("#feeds-status", Static).update(text)

    # -- filling the lists --------------------------------------------------------------

    def load_feeds(self) -> None:
        if self.store is None:
            return
        try:
            feeds = self.store.feeds()
        except StoreUnavailable as error:
            self._status(f"The feeds cannot be read just now ({error}).")
            return
        keep = self.feed_list.highlighted_id or ALL_FEEDS
        rows = FeedRows(feeds)
        index = next((n for n in range(len(rows)) if rows.row_id(n) == keep), 0)
        self.feed_list.show(rows, highlight=index)

    def load_items(self, *, keep: bool = False) -> None:
        if self.store is None:
            return
        feed_id = None if self.chosen_feed == ALL_FEEDS else int(self.chosen_feed)
        try:
            self.items = self.store.items(feed_id)
        except StoreUnavailable as error:
            self._status(f"The items cannot be read just now ({error}).")
            return
        self._show_items(keep=keep)

    def _show_items(self, *, keep: bool = False) -> None:
        shown = filtered(self.items, self.query_text) if self.query_text else self.items
        previous = self.item_list.highlighted_id if keep else None
        rows = ItemRows(shown)
        index = 0
        if previous is not None:
            index = next((n for n, item in enumerate(shown) if str(item.id) == previous), 0)
        self.item_list.show(rows, highlight=index)

    @on(FeedList.Highlighted)
    def _feed_highlighted(self, message: FeedList.Highlighted) -> None:
        chosen = message.row_id or ALL_FEEDS
        if chosen != self.chosen_feed or not self.items:
            self.chosen_feed = chosen
            self.load_items()

    @on(RowList.Picked, "#feeds-list")
    def _feed_picked(self, event: RowList.Picked) -> None:
        event.stop()
        self.item_list.focus()

    # -- items --------------------------------------------------------------------------

    def _highlighted_item(self) -> Item | None:
        row_id = self.item_list.highlighted_id
        if row_id is None:
            return None
        return next((item for item in self.items if str(item.id) == row_id), None)

    def action_toggle_read(self) -> None:
        item = self._highlighted_item()
        if item is None or self.store is None:
            return
        try:
            self.store.set_read(item.id, not item.read)
        except StoreUnavailable as error:
            self.notify(f"Not marked: {error}.", severity="error", markup=False)
            return
        self.load_feeds()
        self.load_items(keep=True)

    @on(RowList.Picked, "#feeds-items")
    def _item_picked(self, event: RowList.Picked) -> None:
        event.stop()
        item = self._highlighted_item()
        if item is None:
            return
        if not item.link:
            self.notify("This item has no web address to open.", markup=False)
            return
        self._status(f"Fetching {item.link}")
        self.open_item(item.id, item.link)

    @work(thread=True, exclusive=True, group="feeds-open", exit_on_error=False)
    def open_item(self, item_id: int, link: str) -> None:
        """Fetch and extract the item's full article off the UI thread."""
        from reader.load import load

        try:
            article = load(link, detect_language=False)  # the analysis finds it
        except ReaderError as error:
            self.app.call_from_thread(self._open_failed, str(error))
            return
        analysis = cached_analysis(article, self.context.cache)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleOpened(article, analysis, item_id))

    def _open_failed(self, sentence: str) -> None:
        self._status("")
        self.notify(sentence, severity="error", markup=False)

    def on_feeds_screen_article_opened(self, message: ArticleOpened) -> None:
        """Mark it read; the app then shows it (the message bubbles up to the app)."""
        self._status("")
        self.opened = (message.item_id, message.article)
        if self.store is not None:
            with contextlib.suppress(StoreUnavailable):
                self.store.set_read(message.item_id)
            self.load_feeds()
            self.load_items(keep=True)

    # -- the filter ---------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#feeds-filter", Input)
        field.add_class("-shown")
        field.focus()

    @on(Input.Changed, "#feeds-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._show_items()
        shown = self.item_list.row_count
        if event.value:
            self._status(f"{shown:,} of {len(self.items):,} items match {event.value!r}")
        else:
            self._status("")

    @on(Input.Submitted, "#feeds-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.item_list.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#feeds-filter", Input)
        field.value = ""
        field.remove_class("-shown")
        self.query_text = ""
        self._show_items(keep=True)
        self._status("")
        self.item_list.focus()

    # -- refreshing ---------------------------------------------------------------------

    def action_refresh_feed(self) -> None:
        if self.chosen_feed == ALL_FEEDS:
            self.action_refresh_all()
        else:
            self._refresh([int(self.chosen_feed)])

    def action_refresh_all(self) -> None:
        self._refresh(None)

    def _refresh(self, feed_ids: list[int] | None) -> None:
        if self.store is None:
            return
        if self.refreshing.is_set():
            self.notify("A refresh is already running.", markup=False)
            return
        self.refreshing.set()
        self.problems = []
        self.new_items = []
        self._status("Refreshing…")
        self.refresh_worker(self.store.path, feed_ids)

    @work(thread=True, exclusive=True, group="feeds-refresh", exit_on_error=False)
    def refresh_worker(self, path: object, feed_ids: list[int] | None) -> None:
        """Refresh in this thread, with its own connection: the UI keeps its own."""
        from pathlib import Path

        from reader.feeds.refresh import refresh

        try:
            store = FeedStore.open(Path(str(path)))
        except StoreUnavailable as error:
            self.post_message(self.RefreshEnded(f"No refresh: {error}."))
            return
        try:
            feeds = store.feeds()
            if feed_ids is not None:
                feeds = [feed for feed in feeds if feed.id in feed_ids]

            def tell(outcome: Outcome, done: int, total: int) -> None:
                self.post_message(self.Refreshed(outcome, done, total))

            refresh(store, feeds, on_outcome=tell)
            self.post_message(self.RefreshEnded())
        except StoreUnavailable as error:
            self.post_message(self.RefreshEnded(f"The refresh stopped: {error}."))
        finally:
            store.close()

    def on_feeds_screen_refreshed(self, message: Refreshed) -> None:
        outcome = message.outcome
        if outcome.sentence and outcome.status == "problem":
            self.problems.append(outcome.sentence)
        self.new_items += outcome.new
        self._status(
            f"Refreshing: {message.done} of {message.total} feeds · {outcome.feed.name}"
            + (f" · {len(outcome.new)} new" if outcome.new else "")
        )
        if outcome.new or outcome.updated or outcome.status == "problem":
            self.load_feeds()
            if self.chosen_feed in (ALL_FEEDS, str(outcome.feed.id)):
                self.load_items(keep=True)

    def on_feeds_screen_refresh_ended(self, message: RefreshEnded) -> None:
        self.refreshing.clear()
        self.load_feeds()
        self.load_items(keep=True)
        if message.problem:
            self._status(message.problem)
        elif self.problems:
            self._status(f"Refreshed; {len(self.problems)} could not be: {self.problems[0]}")
        else:
            self._status("Refreshed.")
        self.start_prefetch()

    # -- prefetch -----------------------------------------------------------------------

    def start_prefetch(self) -> None:
        """New items' articles, analysed into the cache by a low-priority process."""
        cache = self.context.cache
        if not self.new_items or cache is None or self.store is None or not self.prefetch_limit:
            return
        if self.prefetching is not None and self.prefetching.poll() is None:
            return  # one at a time: the next refresh's items wait for the next refresh
        args = prefetch_command(self.store.path, cache.path, self.new_items, self.prefetch_limit)
        self.new_items = []
        self.wait_for_prefetch(args)

    @work(thread=True, exclusive=True, group="feeds-prefetch", exit_on_error=False)
    def wait_for_prefetch(self, args: list[str]) -> None:
        try:
            process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError:
            return
        self.prefetching = process
        process.wait()
        self.post_message(self.PrefetchEnded())

    def on_feeds_screen_prefetch_ended(self, message: PrefetchEnded) -> None:
        self.load_items(keep=True)

    def on_unmount(self) -> None:
        process = self.prefetching
        if process is not None and process.poll() is None:
            process.terminate()
