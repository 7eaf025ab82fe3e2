"""The Textual app: `ReaderApp(article, analysis=...)`, and `python -m reader.tui.app SOURCE`.

Importing this module is cheap: the NLP (spaCy) is imported by the analysis worker, and the
loaders only by `main()`.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.reactive import var
from textual.screen import Screen

from reader.model import Analysis, Article
from reader.pipeline import cached_analysis
from reader.sanitize import clean_lines, clean_name
from reader.store.config import Settings
from reader.tui.context import ReaderContext
from reader.tui.navigate import Navigation
from reader.tui.runtime.collector import first_frame_out
from reader.tui.screens.lists import is_a_list
from reader.tui.screens.reader import ReaderScreen
from reader.tui.session import ReadingSession
from reader.tui.text.contrast import reader_colours
from reader.tui.text.measure import DEFAULT_WIDTH, WIDTH_STEP, clamp_width
from reader.tui.text.window_title import POP_TITLE, PUSH_TITLE, title_sequence, window_title

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from reader.archive.ingest import Archiver
    from reader.store.cache import AnalysisCache
    from reader.store.library import Library
    from reader.tui.screens.feeds import FeedsScreen
    from reader.tui.screens.highlights import HighlightsScreen
    from reader.tui.screens.people import PeopleScreen
    from reader.tui.text.history import History
    from reader.tui.text.selecting import Span


class ReaderApp(Navigation, App[None]):
    """Read one article; if no `analysis` is given, analyse it in a worker after first paint."""

    CSS_PATH = "reader.tcss"
    TITLE = "article-reader"

    reading_width: var[int] = var(DEFAULT_WIDTH)
    """The text column's width in cells (`+` / `-`), clamped to 40–160; settings may persist it."""

    def validate_reading_width(self, width: int) -> int:
        return clamp_width(width)

    def action_change_reading_width(self, steps: int) -> None:
        """Widen (`steps` > 0) or narrow the text column by `WIDTH_STEP` cells a step, from
        the width on screen: the setting may be wider than the pane has room for, and a key
        that changed only the setting would change nothing the reader sees."""
        screen = self.screen
        room = screen.article_view.widest_text if isinstance(screen, ReaderScreen) else None
        shown = self.reading_width if room is None else min(self.reading_width, room)
        wanted = clamp_width(shown + steps * WIDTH_STEP)
        if steps > 0 and room is not None and shown >= room:
            self.bell()
            self.notify("The text fills the pane: a wider window makes room for a wider column.")
        elif wanted == shown:
            self.bell()
            limit = "widest" if steps > 0 else "narrowest"
            self.notify(f"The text column is at its {limit}: {shown} characters.")
        else:
            self.reading_width = wanted

    last_key_at: float = float("-inf")
    """When the last key came (`time.monotonic`): new results wait for a pause in the keys."""

    def __init__(
        self,
        article: Article | None = None,
        *,
        analysis: Analysis | None = None,
        cache: AnalysisCache | None = None,
        folder: Path | None = None,
        settings: Settings | None = None,
        library: Library | None = None,
        notices: Iterable[str] = (),
        feeds: bool = False,
        archiver: Archiver | None = None,
        people: bool = False,
    ) -> None:
        """Open `article`, or with none the library of `folder` (no folder: the history).

        `settings` come from the config file; `notices` are sentences to show at start (what
        was wrong with the config); `library` keeps history, reading places and corrections
        (None: nothing is kept). `feeds` opens the feeds screen instead of the library.
        `archiver` keeps every article analysed in the archive (None: none is archived);
        `people` opens the people screen (everyone across the archive).
        """
        super().__init__(driver_class=_quick_exit_driver())
        self.article = article
        self.cache = cache
        """Where a finished analysis is stored, and looked up first (None: no cache)."""
        if article is not None and analysis is None:
            analysis = cached_analysis(article, cache)
        self.analysis = analysis
        self.folder = folder
        self.feeds = feeds
        self.people = people
        self.notices = list(notices)
        settings = settings or Settings()
        self.session = ReadingSession(self, settings, library)
        self.context = ReaderContext(
            cache=cache,
            library=library,
            export_dir=settings.export_dir,
            keymap=dict(settings.keymap),
            note_quote_count=self.session.save_quote_count,
            archiver=archiver,
        )
        """What the screens are handed: they read the stores and settings here."""
        if article is not None:
            self.title = clean_name(article.title or article.source)

    @functools.cached_property
    def history(self) -> History:
        """The articles left by following links, and those gone back from: made by the first
        link followed or the first step back (not by the first frame)."""
        from reader.tui.text.history import History

        return History()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and the reader's own `$reader-*` colours worked out from
        them so that text is readable in every theme (`text.contrast`)."""
        variables = super().get_css_variables()
        variables.update(reader_colours(variables, dark=self.current_theme.dark))
        return variables

    @property
    def library(self) -> Library | None:
        return self.context.library

    @property
    def export_folder(self) -> Path:
        return self.context.export_folder

    def get_default_screen(self) -> Screen:
        if self.article is None and self.people:
            from reader.tui.screens.people import PeopleScreen

            return PeopleScreen(self.context)
        if self.article is None and self.feeds:
            from reader.tui.screens.feeds import FeedsScreen

            return FeedsScreen(self.context)
        if self.article is None:
            from reader.tui.screens.library import LibraryScreen

            return LibraryScreen(self.folder, self.context)
        return ReaderScreen(self.article, self.context, analysis=self.analysis)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, from every screen and widget, comes here: its text often names
        a path, an address or a setting, so it is cleaned (`sanitize.clean_lines`) before it
        reaches the terminal."""
        super().notify(
            clean_lines(message),
            title=clean_name(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.context.last_key_at = time.monotonic()
        await super().on_event(event)

    terminal_title: str = ""
    """The title last given to the terminal (OSC 2): the article's, sanitised."""

    def watch_title(self, title: str) -> None:
        self._show_terminal_title(title)

    def _show_terminal_title(self, title: str) -> None:
        if not title or title == self.TITLE:
            return
        self.terminal_title = window_title(title)
        self._write_to_terminal(title_sequence(title))

    def _write_to_terminal(self, sequence: str) -> None:
        driver = self._driver
        if driver is not None and not self.is_headless:
            driver.write(sequence)

    def on_mount(self) -> None:
        self.call_after_refresh(first_frame_out)  # the collector, paused by `launch`, runs again
        self._write_to_terminal(PUSH_TITLE)  # the terminal's own title, back at the end
        self._show_terminal_title(self.title)
        problems = self.notices + self.session.start()
        for problem in problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10, markup=False)
        if isinstance(self.screen, ReaderScreen):
            self.call_after_refresh(self.session.begin_reading, self.screen)

    # -- the library ----------------------------------------------------------------------

    def on_feeds_screen_article_opened(self, message: FeedsScreen.ArticleOpened) -> None:
        """An item's full article, fetched from the feeds screen: read it; `escape` goes back."""
        self._read(message.article, message.analysis)

    def on_highlights_screen_article_opened(self, message: HighlightsScreen.ArticleOpened) -> None:
        """A highlight's article, from the highlights list: read it at the highlight."""
        self._read(message.article, message.analysis, message.span)

    def _read(
        self, article: Article, analysis: Analysis | None, span: Span | None = None
    ) -> ReaderScreen:
        """Read `article` over the list it was chosen in (at the highlight `span`)."""
        screen = ReaderScreen(article, self.context, analysis=analysis)
        self.push_screen(screen)
        self.title = article.title or article.source

        def settle() -> None:
            self.session.begin_reading(screen)
            if span is not None:
                screen.go_to_highlight(span)

        self.call_after_refresh(settle)
        return screen

    def action_highlights(self) -> None:
        """Every highlight kept, across the articles (`H` in the reader and the library)."""
        from reader.tui.screens.highlights import HighlightsScreen

        self.push_screen(HighlightsScreen(self.context))

    def on_people_screen_quote_opened(self, message: PeopleScreen.QuoteOpened) -> None:
        """A quote chosen on the people screen: its article, as archived, at the quote."""
        screen = self._read(message.analysis.article, message.analysis)
        self.call_after_refresh(screen.go_to_quote, message.quote)

    def action_people(self) -> None:
        """Everyone quoted or named across the archive (`P` in the library)."""
        from reader.tui.screens.people import PeopleScreen

        self.push_screen(PeopleScreen(self.context))

    async def action_back(self) -> None:
        """Leave the article for the list it was opened from."""
        self.session.save_place()
        self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        stack = self.screen_stack
        if action == "back":
            return len(stack) > 1 and is_a_list(stack[-2])
        if action == "close_list":  # the library shown over an article (`h`)
            return len(stack) > 1 and isinstance(stack[-2], ReaderScreen)
        return True

    def action_help(self) -> None:
        """Every key, in a dialog: built here from the bindings, with the user's keymap."""
        from reader.tui.dialogs.help import HelpScreen
        from reader.tui.keys import key_sections

        self.push_screen(HelpScreen(key_sections(self.context.keymap)))

    async def action_quit(self) -> None:
        self.session.save_place()
        self._write_to_terminal(POP_TITLE)
        await super().action_quit()

    # -- the command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, the exports, then every action that has a key on `screen`."""
        from reader.tui.palette import binding_commands, export_commands

        commands = list(super().get_system_commands(screen))
        commands += export_commands(screen, self.export_folder)
        commands += binding_commands(screen)
        seen: set[str] = set()
        for command in commands:
            if command.title not in seen:
                seen.add(command.title)
                yield command


def _quick_exit_driver() -> type[Driver] | None:
    """On POSIX terminals, Textual's driver with an input thread that stops at once (quitting
    no longer waits for its 100 ms polls); elsewhere, or when the Textual internals it builds
    on are not there, Textual's own choice (None)."""
    if sys.platform == "win32":
        return None
    from reader.tui.runtime.quick_exit_driver import quick_exit_driver

    return quick_exit_driver()


def main(argv: list[str] | None = None) -> int:
    """Open SOURCE in the reader; a source that cannot be read prints one sentence, exit 1."""
    from reader.errors import LoadError
    from reader.load import load

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.tui.app SOURCE", file=sys.stderr)
        return 2
    try:
        stdin = sys.stdin.buffer if args[0] == "-" else None
        article = load(args[0], stdin=stdin, detect_language=False)
    except LoadError as error:
        print(error, file=sys.stderr)
        return 1
    ReaderApp(article).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
