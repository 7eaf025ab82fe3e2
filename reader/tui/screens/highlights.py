"""The highlights screen: every highlight kept, across all articles, newest first.

`/` filters by the passage, the note, the article's title (every word must appear) and
`tag:name`; `enter` opens the article at the highlight; `d` deletes one, `n` edits its note
and tags, `x` writes the ones listed as Markdown notes (one file per article) into the
export folder. Reached with `H` from the reader and the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.keep.highlights import Highlight, matches, note_and_tags, note_prompt_value
from reader.pipeline import cached_analysis
from reader.store.db import StoreUnavailable
from reader.tui.context import ReaderContext
from reader.tui.widgets.highlight_list import HighlightList, HighlightRows
from reader.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.highlights import HighlightStore


class HighlightsScreen(Screen[None]):
    """Every highlight in the library, filterable; opens the article at one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter: words, tag:name", id="highlights.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="highlights.clear-filter"),
        Binding("escape,H", "close", "Back", id="highlights.close"),
        Binding("d,delete", "delete", "Delete highlight", id="highlights.delete"),
        Binding("n", "edit_note", "Edit note and tags", id="highlights.edit-note"),
        Binding("x", "export", "Export as Markdown", id="highlights.export"),
        Binding("question_mark", "app.help", "Help", id="highlights.help"),
        Binding("q", "app.quit", "Quit", id="highlights.quit"),
    ]

    DEFAULT_CSS = """
    HighlightsScreen {
        & > #highlights-title { padding: 0 1; text-style: bold; color: $text-primary; }
        & > #highlights-status { padding: 0 1; color: $text-muted; }
        & > #highlights-filter { display: none; }
        & > #highlights-filter.-shown { display: block; }
    }
    """

    class ArticleOpened(Message):
        """The article of a highlight was read: show it at `span`."""

        def __init__(self, article: Article, analysis: Analysis | None, span: tuple[int, int]):
            super().__init__()
            self.article = article
            self.analysis = analysis
            self.span = span

    def __init__(self, context: ReaderContext | None = None) -> None:
        super().__init__()
        self.context = context or ReaderContext()
        self.highlights: list[Highlight] = []
        self.shown: list[Highlight] = []
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static("Highlights", id="highlights-title", markup=False)
        yield Static(id="highlights-status", markup=False)
        yield HighlightList(id="highlights-list")
        yield Input(placeholder="filter: words, tag:name", id="highlights-filter")
        yield Footer()

    @property
    def highlight_list(self) -> HighlightList:
        return self.query_one(HighlightList)

    def _store(self) -> HighlightStore | None:
        from reader.store.highlights import HighlightStore

        library = self.context.library
        return None if library is None else HighlightStore(library)

    def _status(self, text: str) -> None:
        self.query_one("#highlights-status", Static).update(text)

    def on_mount(self) -> None:
        self.load()
        self.highlight_list.focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load(keep=True)  # back from an article, where highlights may have been kept

    def load(self, *, keep: bool = False) -> None:
        store = self._store()
        if store is None:
            self._status("The library is not available, so no highlights can be shown.")
            return
        try:
            self.highlights = store.all()
        except StoreUnavailable as error:
            self._status(f"The highlights cannot be read ({error}).")
            return
        self._show(keep=keep)

    def _show(self, *, keep: bool = False) -> None:
        listing = self.highlight_list
        before = listing.highlighted_id if keep else None
        self.shown = [h for h in self.highlights if matches(h, self.query_text)]
        listing.show(HighlightRows(self.shown))
        index = listing.index_of(before) if before is not None else None
        if index is not None:
            listing.highlighted = index
        total = len(self.highlights)
        if not total:
            self._status("No highlights yet: in an article, v selects a passage and a keeps it.")
        elif self.query_text:
            self._status(f"{len(self.shown):,} of {total:,} highlights match {self.query_text!r}")
        else:
            self._status(f"{total:,} highlight{'' if total == 1 else 's'}")

    def _current(self) -> Highlight | None:
        index = self.highlight_list.highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return bool(self.query_text) or self.query_one("#highlights-filter").has_focus
        return True

    # -- the filter ---------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#highlights-filter", Input)
        field.add_class("-shown")
        field.focus()
        self.refresh_bindings()

    @on(Input.Changed, "#highlights-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._show()
        self.refresh_bindings()

    @on(Input.Submitted, "#highlights-filter")
    def _filter_submitted(self) -> None:
        self.highlight_list.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#highlights-filter", Input)
        field.value = ""
        field.remove_class("-shown")
        self.query_text = ""
        self._show(keep=True)
        self.highlight_list.focus()
        self.refresh_bindings()

    def action_close(self) -> None:
        self.app.pop_screen()

    # -- one highlight --------------------------------------------------------------------

    def action_delete(self) -> None:
        highlight, store = self._current(), self._store()
        if highlight is None or highlight.id is None or store is None:
            self.app.bell()
            return
        try:
            store.delete(highlight.id)
        except StoreUnavailable as error:
            self.notify(f"Not deleted ({error}).", severity="warning", markup=False)
            return
        self.notify(f"Deleted the highlight of {highlight.article_title}.", markup=False)
        self.load(keep=True)

    def action_edit_note(self) -> None:
        highlight = self._current()
        if highlight is None or highlight.id is None:
            self.app.bell()
            return
        from reader.tui.dialogs.text_prompt import TextPrompt

        highlight_id = highlight.id

        def edited(answer: str | None) -> None:
            store = self._store()
            if answer is None or store is None:
                return
            note, tags = note_and_tags(answer)
            try:
                store.set_note(highlight_id, note, tags)
            except StoreUnavailable as error:
                self.notify(f"The note was not kept ({error}).", severity="warning",
                            markup=False)  # fmt: skip
                return
            self.load(keep=True)

        prompt = TextPrompt(
            "Note",
            "The highlight's note; #words are its tags.",
            note_prompt_value(highlight),
            optional=True,  # an empty answer clears the note
        )
        self.app.push_screen(prompt, edited)

    def action_export(self) -> None:
        """The highlights listed, as Markdown notes (one file per article)."""
        from reader.keep.export.highlights import write_highlights

        if not self.shown:
            self.app.bell()
            return
        folder = self.context.export_folder
        try:
            written = write_highlights(self.shown, folder)
        except OSError as error:
            self.notify(f"Cannot write into {folder}: {error.strerror or error}.",
                        severity="error", markup=False)  # fmt: skip
            return
        files = f"{len(written)} file{'' if len(written) == 1 else 's'}"
        self.notify(f"{files} of highlights written to {folder}.", markup=False)

    @on(RowList.Picked, "#highlights-list")
    def _picked(self, event: RowList.Picked) -> None:
        event.stop()
        highlight = self._current()
        if highlight is not None:
            self.open_highlight(highlight)

    @work(thread=True, exclusive=True, group="highlights-open", exit_on_error=False)
    def open_highlight(self, highlight: Highlight) -> None:
        """Read the highlight's article off the UI thread; the app shows it at the passage."""
        from reader.load import load

        if highlight.source in ("", "-"):
            self.app.call_from_thread(
                self.notify, "That article came from a pipe and cannot be opened again.",
                severity="warning", markup=False,
            )  # fmt: skip
            return
        try:
            article = load(highlight.source, detect_language=False)
        except ReaderError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        analysis = cached_analysis(article, self.context.cache)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleOpened(article, analysis, highlight.span))
