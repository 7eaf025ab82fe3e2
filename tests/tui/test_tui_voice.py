"""Who gets a voice, as a panel: `W` in an article and on the people screen, `x` for CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from support.archive_helpers import story
from support.tui_seed import frozen_seed, screen_text

from reader.archive.store import Archive
from reader.store.config import Settings
from reader.store.dirs import archive_path
from reader.tui.app import ReaderApp
from reader.tui.dialogs.voice_panel import VoicePanel
from reader.tui.screens.people import PeopleScreen

SIZE = (120, 50)


async def test_w_shows_who_gets_a_voice_in_the_article_and_x_writes_it(tmp_path: Path) -> None:
    seed = frozen_seed()
    app = ReaderApp(seed.article, analysis=seed, settings=Settings(export_dir=tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, VoicePanel)
        text = screen_text(app)
        assert "Who gets a voice: South Korea Offers Talks" in text
        assert "Quotes per speaker" in text and "Grant Newsham" in text and "█" in text
        await pilot.press("x")
        await pilot.pause()
        [written] = list(tmp_path.glob("*-voices.csv"))
        rows = list(csv.DictReader(written.open(encoding="utf-8")))
        newsham = next(
            r for r in rows if r["section"] == "speaker" and r["name"] == "Grant Newsham"
        )
        said = [q for q in seed.quotes if q.speaker == "Grant Newsham"]
        assert int(newsham["count"]) == len(said)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, VoicePanel)


async def test_w_on_the_people_screen_covers_the_archive() -> None:
    with Archive.open(archive_path()) as archive:
        archive.add(story(1, "Ana Ruiz", "One", site="Post"))
        archive.add(story(2, "Ana Ruiz", "Two", site="Herald"))
    app = ReaderApp(people=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, VoicePanel)
        text = screen_text(app)
        assert "the whole archive" in text and "2 articles" in text
        assert "Ana Ruiz" in text and "only mentioned" in text
