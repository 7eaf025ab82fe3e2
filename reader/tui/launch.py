"""How `reader` starts the app: settings read, library opened, then an article or a list.

Problems with either are one sentence on stderr (seen after the app closes) and a
notification in the app; neither stops the reader.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.record import MutableRecord
from reader.store.config import Settings, load_settings
from reader.store.db import StoreUnavailable
from reader.store.library import Library
from reader.tui.runtime.collector import first_frame_out, pause_until_first_frame

if TYPE_CHECKING:
    from reader.model import Article
    from reader.tui.app import ReaderApp

#: The library state key of the folder `reader DIR` opened last.
LAST_FOLDER = "last_folder"


def _run_then_wind_down(app: ReaderApp) -> None:
    """Run `app`; once it has closed (the terminal restored), get ready for the process to end.

    The reader's process ends right after its app: freezing the objects left keeps the
    interpreter's exit from running its garbage collections over them (0.2 s with a long
    article open), so the reader is gone as soon as `q` is pressed. Objects are still freed,
    and exit handlers still run; only unreachable cycles are left for the exit to drop.
    """
    try:
        app.run()
    finally:
        first_frame_out()  # if the app ended before its first frame
        if app.context.archiver is not None:
            app.context.archiver.close()  # what was handed to it is written first
    gc.freeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the app is imported, made and draws its first frame; then
    what was made is frozen (`runtime.collector.first_frame_out`, called by the app).

    The modules (Textual's and ours), the article and its cached analysis live as long as the
    process, and so do the widgets of the first frame. Collecting while they are made finds
    nothing to free, and once there, every full collection walks them again: the first one
    fell on the first frame (some 20 ms of a first paint that a minimal Textual app does in
    140), and the young collections while the first frame was made cost a few ms more.
    Frozen, they are left out of collections.
    """
    pause_until_first_frame()
    try:
        yield
    except BaseException:
        first_frame_out()  # no app to draw a frame
        raise


def _say(sentence: str) -> None:
    print(f"reader: {sentence}", file=sys.stderr)


@dataclass(eq=False, repr=False)
class Launch(MutableRecord):
    """The settings and library one run of the reader works with."""

    settings: Settings
    library: Library | None
    notices: list[str] = field(default_factory=list)

    @classmethod
    def prepare(cls, config: str | None = None) -> Launch:
        """Read the settings (`config`, else the user's config file) and open the library."""
        settings, problem = load_settings(Path(config).expanduser() if config else None)
        notices = []
        if problem:
            _say(problem)
            notices.append(problem)
        try:
            library: Library | None = Library.open()
        except StoreUnavailable as error:
            library = None
            sentence = f"History, reading places and corrections are not kept this time ({error})."
            _say(sentence)
            notices.append(sentence)
        return cls(settings, library, notices)

    def run_library(self, folder: str | None, **app_options: Any) -> bool:
        """List `folder`'s articles; with no folder, the last one listed, else the history.

        Returns False, without starting the app, when there is nothing to list.
        """
        library = self.library
        chosen: Path | None = None
        try:
            if folder is not None:
                chosen = Path(folder).expanduser().absolute()
                if library is not None:
                    library.set(LAST_FOLDER, str(chosen))
            else:
                last = library.get(LAST_FOLDER) if library is not None else None
                if last and Path(last).is_dir():
                    chosen = Path(last)
                elif library is None or not library.history(limit=1):
                    return False
        except StoreUnavailable as error:
            _say(f"The library is not available this time ({error}).")
            if folder is None:
                return False
        _run_then_wind_down(self.app(folder=chosen, **app_options))
        return True

    def run_feeds(self, **app_options: Any) -> None:
        """The feeds screen: subscribed feeds and their items."""
        _run_then_wind_down(self.app(feeds=True, **app_options))

    def run_people(self, **app_options: Any) -> None:
        """The people screen: everyone quoted or named across the archive."""
        _run_then_wind_down(self.app(people=True, **app_options))

    def run_article(self, article: Article, **app_options: Any) -> None:
        _run_then_wind_down(self.app(article=article, **app_options))

    def app(self, **app_options: Any) -> ReaderApp:
        with _collector_paused():
            from reader.archive.ingest import Archiver
            from reader.tui.app import ReaderApp

            app_options.setdefault("archiver", Archiver())
            return ReaderApp(
                settings=self.settings, library=self.library, notices=self.notices, **app_options
            )
