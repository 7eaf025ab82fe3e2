"""Getting around from the app: links followed, back and forward, `:` (open a file or a web
address), and `h` (the history and the library over the article), a mixin of `ReaderApp`.

Whatever is opened from an article joins back and forward as a followed link does: the
article left stays below, at its place, for `backspace`. A failure is one sentence and the
article on screen stays.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import Screen

from reader.model import Analysis, Article
from reader.pipeline import cached_analysis
from reader.tui.screens.link_hints import LinkChosen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.text.links import followable

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.worker import Worker

    from reader.store.cache import AnalysisCache
    from reader.tui.context import ReaderContext
    from reader.tui.screens.library import LibraryScreen
    from reader.tui.session import ReadingSession
    from reader.tui.text.history import History, Place


class NavigationHost(Protocol):
    """What the navigation needs of the app it is mixed into."""

    cache: AnalysisCache | None
    context: ReaderContext
    folder: Path | None
    history: History
    session: ReadingSession
    title: str

    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def push_screen(self, screen: Screen[Any], callback: Any = None) -> Any: ...

    def pop_screen(self) -> Any: ...

    def bell(self) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...

    def run_worker(self, work: Any, *, thread: bool = ..., exclusive: bool = ...,
                   group: str = ...) -> Worker[Any]: ...  # fmt: skip

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def _fetch(self, source: str) -> None: ...

    def _follow(self, article: Article, analysis: Analysis | None = None) -> None: ...

    def _place_here(self) -> Place | None: ...

    def _show_place(self, place: Place) -> None: ...

    def _no_history(self, which: str) -> None: ...

    def _read(self, article: Article, analysis: Analysis | None) -> None: ...


class Navigation:
    """Links, back and forward, `:` and `h`; the host app (a `NavigationHost`) owns the
    screens and the history."""

    # -- links ------------------------------------------------------------------------------

    def on_link_chosen(self: NavigationHost, message: LinkChosen) -> None:
        """A link chosen in an article: fetched and read here, or handed to the browser."""
        href = message.href
        if message.browser:
            self.run_worker(lambda: _open_in_browser(href), thread=True, group="browser")
            self.notify(f"Opening {href} in the browser.", markup=False)
            return
        if not followable(href):
            self.notify(
                f"The reader opens only web pages; press O to open {href} in the browser.",
                severity="warning",
                markup=False,
            )
            return
        self.notify(f"Opening {href}…", markup=False, timeout=3)
        self.run_worker(lambda: self._fetch(href), thread=True, exclusive=True, group="link")

    def _fetch(self: NavigationHost, source: str) -> None:
        """In a worker thread: read `source` (a web address through the bounded fetch, or a
        file), extract, then follow; a failure is one sentence and the article stays."""
        from reader.errors import LoadError
        from reader.load import load

        try:
            article = load(source)
        except LoadError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        except Exception:  # noqa: BLE001 - whatever a page does, the reader stays
            sentence = f"{source} could not be read; the article stays open."
            self.call_from_thread(self.notify, sentence, severity="error", markup=False)
            return
        self.call_from_thread(self._follow, article)

    def _follow(self: NavigationHost, article: Article, analysis: Analysis | None = None) -> None:
        """Read `article` over the one on screen, which goes into the history (its screen
        stays below, at its place, for `backspace`)."""
        here = self._place_here()
        if here is None:
            return
        self.history.went_to(here)
        if analysis is None:
            analysis = cached_analysis(article, self.cache)
        self._show_place(type(here)(article, analysis, None))

    # -- back and forward -------------------------------------------------------------------

    def action_history_back(self: NavigationHost) -> None:
        """The article before, at the place it was left."""
        here = self._place_here()
        if here is None or self.history.step(here, -1) is None:
            self._no_history("before")
            return
        self.pop_screen()  # the article before is the screen below, where it was left
        if isinstance(self.screen, ReaderScreen):
            self.title = self.screen.article.title or self.screen.article.source

    def action_history_forward(self: NavigationHost) -> None:
        """The article gone back from, at the place it was left."""
        here = self._place_here()
        place = None if here is None else self.history.step(here, 1)
        if place is None:
            self._no_history("after")
            return
        self._show_place(place)

    def _no_history(self: NavigationHost, which: str) -> None:
        self.bell()
        self.notify(f"No article {which} this one in the history.", markup=False)

    def _place_here(self: NavigationHost) -> Place | None:
        """The article on screen and where the reader is in it (None: not reading)."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return None
        from reader.tui.text.history import Place  # on the first link or step, not at start

        self.session.save_place()
        return Place(screen.article, screen.analysis, screen.article_view.top_offset())

    def _show_place(self: NavigationHost, place: Place) -> None:
        from reader.tui.session import scroll_to_offset

        screen = ReaderScreen(place.article, self.context, analysis=place.analysis)
        self.push_screen(screen)
        self.title = place.article.title or place.article.source

        def settle() -> None:
            self.session.begin_reading(screen)
            if place.offset:
                scroll_to_offset(screen.article_view, place.offset)

        self.call_after_refresh(settle)

    # -- `:` and `h` ------------------------------------------------------------------------

    def action_open_source(self: NavigationHost) -> None:
        """Ask for a file or a web address (Tab completes a path) and read it over this
        article, as a followed link."""
        from reader.tui.dialogs.open_prompt import OpenPrompt

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            if answer == "-":
                self.notify(
                    "Standard input cannot be read from inside the reader; "
                    "give a file or a web address.",
                    severity="warning",
                    markup=False,
                )
                return
            source = answer if "://" in answer else str(Path(answer).expanduser())
            self.notify(f"Opening {answer}…", markup=False, timeout=3)
            self.run_worker(
                lambda: self._fetch(source), thread=True, exclusive=True, group="link"
            )

        self.push_screen(OpenPrompt(), chosen)

    def action_show_library(self: NavigationHost) -> None:
        """The history (and, with a folder open, the library) over the article; `enter`
        there reads the article chosen, `escape` comes back to this one at its place."""
        from reader.tui.screens.library import LibraryScreen

        self.session.save_place()
        self.push_screen(LibraryScreen(self.folder, self.context, history_first=True))

    def on_library_screen_article_opened(
        self: NavigationHost, message: LibraryScreen.ArticleOpened
    ) -> None:
        """An article chosen in the library: read it; `escape` goes back to the list. Over
        an article (`h`), the list goes away and the article chosen joins back and forward."""
        stack = self.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], ReaderScreen):
            self.pop_screen()
            self._follow(message.article, message.analysis)
            return
        self._read(message.article, message.analysis)

    def action_close_list(self: NavigationHost) -> None:
        """Back from the history or library shown over an article, to where it was left."""
        self.pop_screen()


def _open_in_browser(href: str) -> None:
    """`href` in the system browser (`webbrowser`, which honours `$BROWSER`)."""
    import webbrowser

    webbrowser.open(href)
