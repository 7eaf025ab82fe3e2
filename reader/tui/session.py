"""What the app keeps between runs, seen from the app: settings, history, reading places.

`ReadingSession` applies the settings (theme, reading width, key remaps; a remembered choice
made in the app wins until the config changes), notes each article opened in the history,
puts the reader back where they left off (a text offset, so a new width keeps the place), and
saves the place as they read. Without a library database it applies the settings and keeps
nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from reader.store.config import Settings
from reader.store.db import StoreUnavailable
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from reader.model import Article
    from reader.store.library import Library

#: How often the reading place is saved while reading, in seconds.
SAVE_EVERY = 1.0


def scroll_to_offset(view: ArticleView, offset: int, tries: int = 50) -> None:
    """Put the line holding `offset` at the top of the view, once the view is laid out."""
    index = view.line_index
    laid_out = view.scrollable_content_region.height > 0
    if index is None or index.is_empty or not laid_out or view.virtual_size.height != len(index):
        if tries:
            view.set_timer(0.02, lambda: scroll_to_offset(view, offset, tries - 1))
        return
    view.scroll_to(y=index.line_at(offset), animate=False, immediate=True, force=True)


class ReadingSession:
    """The app's settings and library, applied and kept up to date."""

    def __init__(self, app: App[None], settings: Settings, library: Library | None) -> None:
        self.app = app
        self.settings = settings
        self.library = library
        self._saved: dict[int, tuple[int, int | None]] = {}
        self._library_failed = False

    @property
    def export_folder(self) -> Path:
        return self.settings.export_dir or Path.cwd()

    def _use_library(self) -> Library | None:
        return None if self._library_failed else self.library

    def _library_trouble(self, error: StoreUnavailable) -> None:
        """Say once that the database is not available, then carry on without it."""
        if not self._library_failed:
            self._library_failed = True
            self.app.notify(
                f"History and reading places are not kept this time ({error}).",
                severity="warning",
                markup=False,
            )

    # -- settings -----------------------------------------------------------------------

    def start(self) -> list[str]:
        """Apply the settings; return a sentence for each that could not be applied."""
        problems: list[str] = []
        theme = self._choice("theme", self.settings.theme)
        if theme is not None:
            if theme in self.app.available_themes:
                self.app.theme = theme
            else:
                problems.append(
                    f"There is no theme called {theme!r}; "
                    "press ctrl+p and choose Theme to see the themes."
                )
        width = self._choice(
            "reading_width",
            None if self.settings.reading_width is None else str(self.settings.reading_width),
        )
        if width is not None and width.isdigit():
            self.app.reading_width = int(width)  # type: ignore[attr-defined]
        if self.settings.keymap:
            from reader.tui.keys import key_rows

            known = {binding_id for _, _, binding_id in key_rows()}
            unknown = sorted(set(self.settings.keymap) - known)
            if unknown:
                problems.append(
                    f"The keymap names no binding {', '.join(map(repr, unknown))}; "
                    "the binding ids are in the key table (press ?)."
                )
            self.app.set_keymap(dict(self.settings.keymap))
        self.app.theme_changed_signal.subscribe(self.app, self._theme_changed)
        self.app.watch(self.app, "reading_width", self._width_changed, init=False)
        if self.library is not None:
            self.app.set_interval(SAVE_EVERY, self.save_place)
        return problems

    def _choice(self, name: str, configured: str | None) -> str | None:
        library = self._use_library()
        if library is None:
            return configured
        try:
            return library.choice(name, configured)
        except StoreUnavailable as error:
            self._library_trouble(error)
            return configured

    def _remember(self, name: str, value: str, configured: str | None) -> None:
        library = self._use_library()
        if library is None:
            return
        try:
            library.remember_choice(name, value, configured)
        except StoreUnavailable as error:
            self._library_trouble(error)

    def _theme_changed(self, theme: object) -> None:
        self._remember("theme", self.app.theme, self.settings.theme)

    def _width_changed(self, width: int) -> None:
        configured = self.settings.reading_width
        self._remember("reading_width", str(width), None if configured is None else str(configured))

    # -- history and places -------------------------------------------------------------

    def begin_reading(self, screen: ReaderScreen) -> None:
        """Note the article in the history and go back to where it was left."""
        library = self._use_library()
        if library is None:
            return
        article = screen.article
        try:
            library.record_open(article.source, article)
            if screen.analysis is not None:  # shown before the history row existed
                library.save_quote_count(article, screen.analysis.quote_count)
            offset = library.position(article)
        except StoreUnavailable as error:
            self._library_trouble(error)
            return
        self._saved[id(screen)] = (offset, None)
        views = screen.query(ArticleView)
        if offset and views:
            scroll_to_offset(views.first(), offset)

    def save_place(self) -> None:
        """Save where the reader is in the article on screen, if it moved."""
        screen = self.app.screen
        library = self._use_library()
        if library is None or not isinstance(screen, ReaderScreen):
            return
        views = screen.query(ArticleView)
        offset = views.first().top_offset() if views else None
        if offset is None:
            return
        place = (offset, views.first().progress)  # where, and how far read (in percent)
        if self._saved.get(id(screen)) == place:
            return
        try:
            library.save_position(screen.article, *place)
        except StoreUnavailable as error:
            self._library_trouble(error)
            return
        self._saved[id(screen)] = place

    def save_quote_count(self, article: Article, count: int) -> None:
        library = self._use_library()
        if library is None:
            return
        try:
            library.save_quote_count(article, count)
        except StoreUnavailable as error:
            self._library_trouble(error)
