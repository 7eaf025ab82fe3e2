"""The library: the articles in a folder, or the articles read before, in a table.

The table paints at once with the file names; a thread worker then reads each file and fills
in its title, site, date and word count, and its quote count when the analysis cache (or the
history) knows it. `enter` opens the highlighted article in the reader; `escape` there comes
back here. `h` switches between the folder and the history.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.pipeline import cached_analysis
from reader.sanitize import clean_lines, clean_name
from reader.store.db import StoreUnavailable
from reader.store.library import source_key
from reader.tui.context import ReaderContext

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache
    from reader.store.library import Library

#: What a cell shows while unknown.
UNKNOWN = "—"
TITLE_CELLS = 60


class ArticleTable(DataTable[Text], inherit_bindings=False):
    """One article a row; `enter` opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="library.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="library.up", show=False),
        Binding("g,home", "scroll_top", "First", id="library.first", show=False),
        Binding("G,end", "scroll_bottom", "Last", id="library.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="library.page-down", show=False),
        Binding("pageup", "page_up", "Page up", id="library.page-up", show=False),
        Binding("enter", "select_cursor", "Open article", id="library.open"),
    ]


@dataclass(frozen=True, slots=True)
class RowFacts:
    """What the worker read from one file."""

    title: str
    site: str | None = None
    published: str | None = None
    words: int | None = None
    quotes: int | None = None
    problem: str | None = None


class LibraryScreen(Screen[None]):
    """The articles in `folder` (or, with no folder, the history of articles opened)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "toggle_history", "History / folder", id="library.history"),
        Binding("P", "app.people", "People", id="library.people"),
        Binding("H", "app.highlights", "All highlights", id="library.highlights", show=False),
        Binding("question_mark", "app.help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    DEFAULT_CSS = """
    LibraryScreen {
        & > #library-title { padding: 0 1; text-style: bold; color: $text-primary; }
        & > #library-status { padding: 0 1; color: $text-muted; }
        & > ArticleTable { height: 1fr; }
    }
    """

    class RowRead(Message):
        """The worker read the file behind row `source`."""

        def __init__(self, source: str, facts: RowFacts) -> None:
            super().__init__()
            self.source = source
            self.facts = facts

    class ArticleOpened(Message):
        """An article from the table was read and is ready to show."""

        def __init__(self, article: Article, analysis: Analysis | None) -> None:
            super().__init__()
            self.article = article
            self.analysis = analysis

    def __init__(self, folder: Path | None, context: ReaderContext | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.context = context or ReaderContext()
        self.showing_history = folder is None
        self.sources: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", markup=False)
        yield Static(id="library-status", markup=False)
        yield ArticleTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    @property
    def library(self) -> Library | None:
        return self.context.library

    def on_mount(self) -> None:
        table = self.table
        for label, key in [
            ("Title", "title"),
            ("Site", "site"),
            ("Date", "date"),
            ("Words", "words"),
            ("Quotes", "quotes"),
        ]:
            table.add_column(label, key=key)
        self.fill()
        table.focus()

    def on_screen_resume(self) -> None:
        """Back from the reader: quote counts and history may have changed."""
        if self.is_mounted and self.showing_history:
            self.fill()

    def fill(self) -> None:
        """List the history or the folder's files (then read them in a worker)."""
        self.table.clear()
        if self.showing_history:
            self._fill_history()
        elif self.folder is not None:
            self._fill_folder(self.folder)

    def _say(self, title: str, status: str = "") -> None:
        self.query_one("#library-title", Static).update(Text(clean_name(title)))
        status_line = self.query_one("#library-status", Static)
        status_line.update(Text(clean_lines(status)))
        status_line.display = bool(status)

    def _fill_history(self) -> None:
        entries = []
        if self.library is not None:
            with contextlib.suppress(StoreUnavailable):
                entries = self.library.history()
        self.sources = [entry.source for entry in entries]
        self._say(
            f"History · {_articles(len(entries))}",
            "" if entries else "No articles opened yet: open one with reader FILE or a folder.",
        )
        for entry in entries:
            self._add_row(
                entry.source,
                RowFacts(
                    title=entry.title or entry.source,
                    site=entry.site,
                    published=entry.published,
                    words=entry.word_count,
                    quotes=entry.quote_count,
                ),
            )

    def _fill_folder(self, folder: Path) -> None:
        from reader.load import article_files

        try:
            files = [source_key(path) for path in article_files(str(folder))]
        except ReaderError as error:
            files = []
            self._say(str(folder), str(error))
        else:
            self._say(f"{folder} · {_articles(len(files))}", "reading…")
        self.sources = files
        for source in files:
            self._add_row(source, RowFacts(title=Path(source).name))
        if files:
            self.read_files(files, self._known_quote_counts(), self.context.cache)

    def _known_quote_counts(self) -> dict[str, int]:
        if self.library is None:
            return {}
        try:
            return self.library.quote_counts()
        except StoreUnavailable:
            return {}

    def _add_row(self, source: str, facts: RowFacts) -> None:
        self.table.add_row(*_cells(facts), key=source)

    @work(thread=True, exclusive=True, group="library")
    def read_files(
        self, sources: list[str], known_quotes: dict[str, int], cache: AnalysisCache | None
    ) -> None:
        """Read each file's metadata off the UI thread, posting a `RowRead` for each.

        A quote count comes from the analysis cache, else from the history, else is "—".
        """
        from reader.load import load

        worker = get_current_worker()
        for source in sources:
            if worker.is_cancelled:
                return
            try:
                article = load(source, detect_language=False)
            except ReaderError as error:
                facts = RowFacts(title=Path(source).name, problem=str(error))
            else:
                quotes = known_quotes.get(source)
                cached = cached_analysis(article, cache)
                if cached is not None:
                    quotes = len(cached.quotes)
                facts = RowFacts(
                    title=article.title or Path(source).name,
                    site=article.site,
                    published=article.published,
                    words=article.word_count,
                    quotes=quotes,
                )
            self.post_message(self.RowRead(source, facts))

    def on_library_screen_row_read(self, message: RowRead) -> None:
        if message.source not in self.sources or self.showing_history:
            return
        for key, cell in zip(
            ("title", "site", "date", "words", "quotes"), _cells(message.facts), strict=True
        ):
            self.table.update_cell(message.source, key, cell, update_width=True)
        if message.source == self.sources[-1]:
            self.query_one("#library-status", Static).display = False

    # -- opening ------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#library-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.open_source(event.row_key.value)

    @work(thread=True, exclusive=True, group="library-open", exit_on_error=False)
    def open_source(self, source: str) -> None:
        """Read `source` off the UI thread; the app shows it (or says why it cannot)."""
        from reader.load import load

        try:
            article = load(source, detect_language=False)
        except ReaderError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        analysis = cached_analysis(article, self.context.cache)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleOpened(article, analysis))

    def action_toggle_history(self) -> None:
        """Switch between the folder and the history."""
        if self.folder is None:
            self.notify("No folder is open: this is the history.", markup=False)
            return
        self.showing_history = not self.showing_history
        self.workers.cancel_group(self, "library")
        self.fill()


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def _cells(facts: RowFacts) -> tuple[Text, ...]:
    """The row's cells. Every one is cleaned (`sanitize.clean_name`): a title may be a file
    name or a path, a history entry was written by an older reader, and none of it may
    reach the terminal as control."""
    facts = RowFacts(
        title=clean_name(facts.title),
        site=facts.site and clean_name(facts.site),
        published=facts.published and clean_name(facts.published),
        words=facts.words,
        quotes=facts.quotes,
        problem=facts.problem,
    )
    title = facts.title if len(facts.title) <= TITLE_CELLS else facts.title[: TITLE_CELLS - 1] + "…"
    if facts.problem:
        return (
            Text(title),
            Text("cannot read", style="italic"),
            Text(UNKNOWN),
            Text(UNKNOWN),
            Text(UNKNOWN),
        )
    return (
        Text(title),
        Text(facts.site or UNKNOWN),
        Text(facts.published or UNKNOWN),
        Text(UNKNOWN if facts.words is None else f"{facts.words:,}", justify="right"),
        Text(UNKNOWN if facts.quotes is None else str(facts.quotes), justify="right"),
    )
