"""The reader keeps every article it analyses in the archive, as the reader corrected it, off
the UI thread; an archive that cannot be used is said once and the reader goes on."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from support.tui_seed import frozen_seed, screen_text

from reader.archive.ingest import Archiver
from reader.archive.queries import find_quotes
from reader.archive.store import Archive
from reader.keep.corrections import rename
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.screens import analysis_feed

SIZE = (120, 40)


async def wait_for(pilot: Any, condition: Any, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never held")
        await pilot.pause(0.05)


async def test_an_opened_article_is_archived_with_its_corrections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The archiving waits a second after the first paint; on a busy machine the first paint
    # and the look at the screen below can take that long, so the wait is made longer here.
    monkeypatch.setattr(analysis_feed, "ARCHIVE_AFTER_PAINT", 10.0)
    seed = frozen_seed()
    kim = next(e for e in seed.entities if e.name == "Kim Jong Un")
    library = Library.open(tmp_path / "library.sqlite3")
    library.add_correction(seed.article, rename(kim, "Kim Jong-un"))
    archiver = Archiver(tmp_path / "archive.sqlite3")
    app = ReaderApp(seed.article, analysis=seed, library=library, archiver=archiver)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Kim Jong-un" in screen_text(app)
        assert archiver.archived == 0  # not while the first paint is out
        await wait_for(pilot, lambda: archiver.archived == 1)
    archiver.close()
    library.close()
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        [article_id] = archive.article_ids()
        kept = archive.analysis(article_id)
        assert kept is not None and kept.article.text == seed.article.text
        said = find_quotes(archive, speaker="Kim Jong-un")
        assert said and {q.quote.speaker for q in said} == {"Kim Jong-un"}
        assert len(kept.quotes) == len(seed.quotes)


async def test_an_article_analysed_in_the_reader_is_archived_when_done(tmp_path: Path) -> None:
    seed = frozen_seed()
    archiver = Archiver(tmp_path / "archive.sqlite3")
    app = ReaderApp(seed.article, archiver=archiver)  # no cache: the child process analyses
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.analysis is not None)
        await wait_for(pilot, lambda: archiver.archived == 1)
        shown = len(app.screen.analysis.quotes)
    archiver.close()
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        [article_id] = archive.article_ids()
        kept = archive.analysis(article_id)
        assert kept is not None and len(kept.quotes) == shown > 0


async def test_an_unusable_archive_is_said_once_and_the_reader_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    seed = frozen_seed()
    archiver = Archiver(blocker / "archive.sqlite3")
    app = ReaderApp(seed.article, analysis=seed, archiver=archiver)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: archiver.said)
        await pilot.pause()
        assert "archive is not available" in screen_text(app)
        app.screen.keep_in_archive()  # again: not said twice
        await pilot.pause(0.3)
        said = [n for n in app._notifications if "archive" in n.message]
        assert len(said) == 1
        await pilot.press("j")  # the reader still answers
        await pilot.press("2")
        assert app.screen.focused is not None
    archiver.close()
