"""Putting analysed articles into the archive, from the reader, the feeds and `reader extract`.

`keep` adds one analysis and turns every way the archive can fail (busy, read-only, a full
disk, a damaged file that could not be replaced) into one sentence, so whoever archives
carries on. `Archiver` does the same on a thread of its own that owns the archive's
connection, for the terminal reader: archiving never runs on the UI thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reader.store.db import StoreUnavailable

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from reader.archive.store import Archive
    from reader.model import Analysis
    from reader.store.library import Library


def unavailable(error: Exception) -> str:
    """The one sentence said when the archive cannot take an article."""
    return f"The archive is not available, so this is not archived ({error})."


def open_archive(path: Path | None = None) -> tuple[Archive | None, str | None]:
    """The archive at `path` (default: the data folder's), or None and the sentence why not."""
    from reader.archive.store import Archive

    try:
        return Archive.open(path), None
    except StoreUnavailable as error:
        return None, unavailable(error)


def keep(archive: Archive, analysis: Analysis, library: Library | None = None) -> str | None:
    """Add `analysis` (with the corrections `library` holds) to `archive`; None, or the
    sentence why not."""
    from reader.pipeline import archived

    try:
        archived(analysis, archive, library)
    except (StoreUnavailable, sqlite3.Error) as error:
        return unavailable(error)
    return None


class Archiver:
    """The archive, written from one thread of its own; opened on the first article."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._archive: Archive | None = None
        self._problem: str | None = None
        self._pool: ThreadPoolExecutor | None = None
        """The archive's thread, started with the first article (not on the way to the
        reader's first paint)."""
        self._closed = False
        self.said = False
        """Whether the reader was told the archive is unavailable (it is said once a run)."""
        self.archived = 0
        """How many analyses were archived this run."""
        self._pending = 0
        self._lock = threading.Lock()

    def submit(self, analysis: Analysis) -> Future[str | None]:
        """Archive `analysis` (corrected already) on the archive's thread; the future's value
        is None, or the sentence why it is not archived."""
        with self._lock:
            self._pending += 1
            if self._pool is None:
                if self._closed:
                    self._pending -= 1
                    raise RuntimeError("cannot schedule new futures after shutdown")
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive")
        return self._pool.submit(self._keep, analysis)

    def _keep(self, analysis: Analysis) -> str | None:
        try:
            if self._archive is None and self._problem is None:
                self._archive, self._problem = open_archive(self.path)
            if self._archive is None:
                return self._problem
            problem = keep(self._archive, analysis)
            if problem is None:
                self.archived += 1
            return problem
        finally:
            with self._lock:
                self._pending -= 1
                idle = self._pending == 0
            if idle and self._archive is not None and self._pool is not None:
                # After this article's future is done, unless more came meanwhile.
                with contextlib.suppress(RuntimeError):  # closing: SQLite checkpoints then
                    self._pool.submit(self._checkpoint_if_idle)

    def _checkpoint_if_idle(self) -> None:
        """Nothing waits: the WAL goes back into the file, so that adding an article seldom
        has to (`Archive.checkpoint`)."""
        with self._lock:
            idle = self._pending == 0
        if idle and self._archive is not None:
            self._archive.checkpoint()

    def close(self) -> None:
        """Finish what was handed in, then close the archive."""
        with self._lock:
            pool = self._pool
            self._closed = True
        if pool is None:  # nothing was handed in: the archive was never opened
            return
        pool.submit(self._close)
        pool.shutdown(wait=True)

    def _close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None


class ArchiveSaving:
    """`reader extract --save`: each analysis kept in the archive, with the corrections the
    library holds for it. When the archive cannot be used, `save` gives the sentence once
    (then "" for each article not archived); the extraction goes on."""

    def __init__(
        self, archive: Archive | None, library: Library | None, problem: str | None
    ) -> None:
        self.archive, self.library, self.problem = archive, library, problem
        self.said = False

    @classmethod
    def open(cls, path: Path | None = None) -> ArchiveSaving:
        from reader.store.library import Library

        archive, problem = open_archive(path)
        library: Library | None = None
        if archive is not None:
            try:
                library = Library.open()
            except StoreUnavailable:
                library = None  # archived as analysed, without the reader's corrections
        return cls(archive, library, problem)

    def save(self, analysis: Analysis) -> str | None:
        """None when `analysis` is archived; else the sentence why not (the first time) or ""."""
        if self.archive is not None:
            self.problem = keep(self.archive, analysis, self.library)
            if self.problem is None:
                # The next article's analysis is the idle moment: its WAL pages go back into
                # the file now, a hundred at a time, not ten thousand inside some later add.
                self.archive.checkpoint()
        if self.problem is None:
            return None
        if self.said:
            return ""
        self.said = True
        return self.problem

    def close(self) -> None:
        for store in (self.archive, self.library):
            if store is not None:
                store.close()
