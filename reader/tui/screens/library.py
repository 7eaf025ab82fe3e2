"""The library: the articles in a folder, or the articles read before, in a table.

The table paints at once with the file names; a thread worker then reads each file and fills
in its title, site, date and word count, and its quote count when the analysis cache (or the
history) knows it; a file in which the extractor finds no article leaves the list. `enter`
opens the highlighted article in the reader; `escape` there comes back here. `h` switches
between the folder and the history, `s` sorts, `/` filters, `d` takes an article out of the
history. Shown over an article (`h` there), `escape` goes back to it (once the filter, if
any, is cleared).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from reader.errors import NoArticleError, ReaderError
from reader.pipeline import cached_analysis
from reader.sanitize import clean_lines, clean_name
from reader.store.db import StoreUnavailable
from reader.store.library import source_key
from reader.tui.context import ReaderContext
from reader.tui.widgets.article_table import ArticleTable, RowFacts, sort_label

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache
    from reader.store.library import Library

__all__ = ["ArticleTable", "LibraryScreen", "RowFacts"]


class LibraryScreen(Screen[None]):
    """The articles in `folder` (or, with no folder, the history of articles opened)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "toggle_history", "History / folder", id="library.history"),
        Binding(
            "slash",
            "filter",
            "Filter",
            id="library.filter",
            tooltip="Keep the articles whose title, site or file name match what you type",
        ),
        Binding(
            "d,delete",
            "forget",
            "Delete",
            id="library.delete",
            tooltip="Take the highlighted article out of the history (the file stays)",
        ),
        Binding("escape", "clear_filter", "Clear the filter", id="library.clear-filter"),
        Binding("escape", "app.close_list", "Back to the article", id="library.back"),
        Binding("P", "app.people", "People", id="library.people"),
        Binding("H", "app.highlights", "All highlights", id="library.highlights", show=False),
        Binding("question_mark", "app.help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    #: The reader's readable colours (`$reader-*`, see `reader.tcss`) for the title, the
    #: status and the table: here rather than in the app's sheet, so that they are read when
    #: a list is first shown, not before every article's first frame. Each table rule is
    #: more specific than DataTable's own (which it overrides) by the screen's name.
    DEFAULT_CSS = """
    LibraryScreen {
        & > #library-title { padding: 0 1; text-style: bold; color: $reader-heading; }
        & > #library-status { padding: 0 1; color: $reader-caption; }
        & > #library-filter { display: none; height: 1; border: none; padding: 0 1; }
        & > #library-filter.-shown { display: block; }
        & > ArticleTable { height: 1fr; }
        & DataTable {
            color: $reader-body;
            & > .datatable--header { color: $reader-title; }
            & > .datatable--cursor {
                color: $reader-cursor-blurred;
                background: $reader-cursor-blurred-bg;
            }
            &:focus > .datatable--cursor {
                color: $reader-cursor;
                background: $reader-cursor-bg;
            }
            /* Textual's own header tint in the ANSI themes (bright blue) hides the
               terminal's text on a light terminal; the quotes' tint keeps it readable. */
            &:ansi > .datatable--header {
                color: $reader-title;
                background: $reader-quote-bg;
            }
        }
    }
    """

    class RowRead(Message):
        """The worker read the file behind row `source` (`facts` None: it holds no article)."""

        def __init__(self, source: str, facts: RowFacts | None) -> None:
            super().__init__()
            self.source = source
            self.facts = facts

    class ArticleOpened(Message):
        """An article from the table was read and is ready to show."""

        def __init__(self, article: Article, analysis: Analysis | None) -> None:
            super().__init__()
            self.article = article
            self.analysis = analysis

    def __init__(
        self,
        folder: Path | None,
        context: ReaderContext | None = None,
        *,
        history_first: bool = False,
    ) -> None:
        """The folder's articles (with `history_first`, or no folder: the history first)."""
        super().__init__()
        self.folder = folder
        self.context = context or ReaderContext()
        self.showing_history = folder is None or history_first
        self.sources: list[str] = []
        self._heading = ""

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", markup=False)
        yield Static(id="library-status", markup=False)
        yield Input(placeholder="filter: title, site or file name", id="library-filter")
        yield ArticleTable(id="library-table")
        yield Footer()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    @property
    def filter_bar(self) -> Input:
        return self.query_one("#library-filter", Input)

    @property
    def library(self) -> Library | None:
        return self.context.library

    def on_mount(self) -> None:
        self.fill()
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Back from the reader: quote counts and history may have changed."""
        if self.is_mounted and self.showing_history:
            self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "forget":
            return self.showing_history  # the folder's files are not deleted here
        if action == "clear_filter":
            return bool(self.table.needle) or self.filter_bar.has_class("-shown")
        return True

    def fill(self) -> None:
        """List the history or the folder's files (then read them in a worker)."""
        if self.showing_history:
            self._fill_history()
        elif self.folder is not None:
            self._fill_folder(self.folder)
        self.refresh_bindings()

    def _say(self, title: str, status: str = "") -> None:
        self._heading = clean_name(title)
        self._show_heading()
        status_line = self.query_one("#library-status", Static)
        status_line.update(Text(clean_lines(status)))
        status_line.display = bool(status)

    def _show_heading(self) -> None:
        """The title line: what is listed, how many, in what order, and the filter."""
        table = self.table
        parts = [self._heading]
        if table.needle:
            parts.append(f"{len(table.shown)} of {len(table.listed)} match “{table.needle}”")
        if table.sort_key is not None:
            parts.append(sort_label(table.sort_key))
        self.query_one("#library-title", Static).update(Text(clean_name(" · ".join(parts))))

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
        rows = [
            (
                entry.source,
                RowFacts(
                    title=entry.title or entry.source,
                    site=entry.site,
                    published=entry.published,
                    words=entry.word_count,
                    quotes=entry.quote_count,
                    opened_at=entry.opened_at,
                    read_percent=entry.read_percent,
                ),
            )
            for entry in entries
        ]
        self.table.show_rows(rows, history=True)
        self._show_heading()

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
        self.table.show_rows(
            [(source, RowFacts(title=Path(source).name)) for source in files], history=False
        )
        self._show_heading()
        if files:
            # A copy: the screen drops a file that holds no article from `self.sources`
            # while the worker goes through the list, which made it skip the next file.
            self.read_files(list(files), self._known_quote_counts(), self.context.cache)

    def _known_quote_counts(self) -> dict[str, int]:
        if self.library is None:
            return {}
        try:
            return self.library.quote_counts()
        except StoreUnavailable:
            return {}

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
            facts: RowFacts | None
            try:
                article = load(source, detect_language=False)
            except NoArticleError:
                facts = None  # read, but not an article: it leaves the list
            except ReaderError as error:
                facts = RowFacts(title=Path(source).name, problem=str(error))
            except Exception as error:  # noqa: BLE001 - one unreadable file is one row's problem
                facts = RowFacts(title=Path(source).name, problem=f"Could not read it: {error}")
            else:
                quotes = known_quotes.get(source)
                cached = cached_analysis(article, cache)
                if cached is not None:
                    quotes = cached.quote_count
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
        last = message.source == self.sources[-1]
        if message.facts is None:
            self.sources.remove(message.source)
            self.table.forget(message.source)
            if self.folder is not None:
                self._heading = clean_name(f"{self.folder} · {_articles(len(self.sources))}")
                self._show_heading()
        else:
            self.table.update_facts(message.source, message.facts)
        if last:
            self.query_one("#library-status", Static).display = False

    # -- sorting, filtering, deleting ---------------------------------------------------

    @on(ArticleTable.SortChanged)
    def _sorted(self, message: ArticleTable.SortChanged) -> None:
        self._show_heading()
        label = sort_label(message.key)
        self.notify(label[0].upper() + label[1:] + ".", markup=False, timeout=3)

    def action_filter(self) -> None:
        """`/`: type to keep the articles that match; `enter` goes to them, `esc` clears."""
        bar = self.filter_bar
        bar.add_class("-shown")
        self.call_after_refresh(bar.focus)  # once shown: a hidden widget takes no focus
        self.refresh_bindings()

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)
        self._show_heading()
        self.refresh_bindings()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.filter_bar.remove_class("-shown")
        self.table.focus()

    def action_clear_filter(self) -> None:
        bar = self.filter_bar
        bar.value = ""  # posts Changed: the table lists everything again
        bar.remove_class("-shown")
        self.table.set_filter("")
        self._show_heading()
        self.table.focus()
        self.refresh_bindings()

    def action_forget(self) -> None:
        """`d`: take the highlighted article out of the history."""
        source = self.table.highlighted_source
        if source is None or self.library is None:
            return
        try:
            self.library.forget(source)
        except StoreUnavailable as error:
            self.notify(f"The history is not available ({error}).", markup=False)
            return
        title = self.table.facts[source].title
        self.sources.remove(source)
        self.table.forget(source)
        self._heading = f"History · {_articles(len(self.sources))}"
        self._show_heading()
        self.notify(f"Deleted from the history: {clean_name(title)}", markup=False)

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
