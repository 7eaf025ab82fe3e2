"""Keeping what you read, in the app driven by real keys: export, corrections, the library,
reading places, settings and the command palette. Databases and folders are temporary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.tui_seed import SEED, frozen_seed, screen_text

from reader.keep.correction_log import CorrectionLog
from reader.keep.corrections import rename
from reader.model import Analysis
from reader.store.config import Settings
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.dialogs.choice_prompt import ChoicePrompt
from reader.tui.dialogs.text_prompt import TextPrompt
from reader.tui.screens.library import ArticleTable, LibraryScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntityList
from reader.tui.widgets.quotes_pane import QuotesPane

SIZE = (120, 40)


@pytest.fixture
def seed() -> Analysis:
    return frozen_seed()


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "library.sqlite3")


def notes(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def move_to_entity(pilot, app: ReaderApp, entity_id: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("2")
    entity_list = app.screen.query_one(EntityList)
    while entity_list.highlighted_id != entity_id:
        before = entity_list.highlighted
        await pilot.press("j")
        assert entity_list.highlighted != before, f"{entity_id} not in the list"


# -- export ----------------------------------------------------------------------------


async def test_e_exports_markdown_to_the_export_folder_and_names_it(
    seed: Analysis, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    app = ReaderApp(seed.article, analysis=seed, settings=Settings(export_dir=folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("enter")  # the first choice: Markdown
        await pilot.pause()
        (written,) = folder.glob("*.md")
        assert str(written) in notes(app)
        text = written.read_text(encoding="utf-8")
        assert "### Grant Newsham" in text and "” — Grant Newsham, " in text


async def test_the_palette_exports_csv_into_the_current_folder(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(seed.article, analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"export as csv")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        names = sorted(path.name for path in tmp_path.glob("*.csv"))
        assert [name.rsplit("-", 1)[1] for name in names] == ["entities.csv", "quotes.csv"]


async def test_the_palette_lists_every_keyed_action_with_its_keys(seed: Analysis) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"next quote")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Next quote" in shown and "key: n" in shown
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 1/5"


# -- corrections -----------------------------------------------------------------------


async def test_rename_is_kept_and_applied_on_reopening(seed: Analysis, library: Library) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await move_to_entity(pilot, app, "person-grant-newsham")
        await pilot.press("r")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Grant F. Newsham", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.analysis is not None
        assert [q.speaker for q in screen.analysis.quotes].count("Grant F. Newsham") == 3
        assert "Grant F. Newsham" in screen_text(app)

    again = ReaderApp(frozen_seed().article, analysis=frozen_seed(), library=library)
    async with again.run_test(size=SIZE):
        assert "Grant F. Newsham" in screen_text(again)
        assert again.screen.analysis.quotes[1].speaker == "Grant F. Newsham"  # type: ignore[attr-defined]


async def test_merge_then_undo(seed: Analysis, library: Library) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await move_to_entity(pilot, app, "place-north-korea")
        await pilot.press("m")
        assert isinstance(app.screen, ChoicePrompt)
        # Entities of the same type come first; move to Pyongyang and choose it.
        choices = [key for key, _ in app.screen.choices]
        await pilot.press(*["j"] * choices.index("place-pyongyang"), "enter")
        await pilot.pause()
        analysis = app.screen.analysis  # type: ignore[attr-defined]
        assert analysis.entity("place-north-korea") is None
        assert "North Korea" in analysis.entity("place-pyongyang").aliases
        assert len(library.corrections(seed.article)) == 1
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.analysis.entity("place-north-korea") is not None  # type: ignore[attr-defined]
        assert library.corrections(seed.article) == []


async def test_s_sets_the_current_quotes_speaker(seed: Analysis, library: Library) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "s")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("G", "enter")  # the last choice: no speaker
        await pilot.pause()
        first = app.screen.analysis.quotes[0]  # type: ignore[attr-defined]
        assert first.speaker is None
        await pilot.press("s", "G", "k", "enter")  # someone else…
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"A White House aide", "enter")
        await pilot.pause()
        assert app.screen.analysis.quotes[0].speaker == "A White House aide"  # type: ignore[attr-defined]
        assert "A White House aide" in screen_text(app)


async def test_corrections_wait_for_the_analysis(seed: Analysis) -> None:
    app = ReaderApp(seed.article, analysis=None)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.workers.cancel_all()
        await pilot.press("r")
        assert isinstance(app.screen, ReaderScreen)
        assert any("still running" in note for note in notes(app))


# -- reading places and the library ----------------------------------------------------


async def test_the_reading_place_is_restored_at_another_width(
    seed: Analysis, library: Library
) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "space", "space")
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y > 0 and view.line_index is not None
        top = view.line_index[int(view.scroll_y)].start
        await pilot.press("q")
    assert library.position(seed.article) == top
    assert library.history()[0].quote_count == len(seed.quotes)

    again = ReaderApp(seed.article, analysis=seed, library=library)
    async with again.run_test(size=(110, 24)) as pilot:
        await pilot.pause(0.2)
        view = again.screen.query_one(ArticleView)
        assert view.line_index is not None
        line = view.line_index[int(view.scroll_y)]
        assert view.scroll_y > 0 and line.start <= top <= line.end


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.parent / "lisbon-free-trams.txt", folder / "lisbon-free-trams.txt")
    (folder / "broken.html").write_bytes(b"")
    return folder


async def test_library_lists_a_folder_then_opens_and_comes_back(
    folder: Path, library: Library
) -> None:
    from reader.store.cache import AnalysisCache

    cache = AnalysisCache(folder.parent / "cache.sqlite3")
    cache.put(frozen_seed())  # the seed was analysed before: its quote count is known
    app = ReaderApp(folder=folder, library=library, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        assert table.row_count == 3
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "South Korea Offers Talks" in shown and "VOA" in shown
        assert "cannot read" in shown
        seed_row = table.get_row(str(folder / SEED.name))
        trams_row = table.get_row(str(folder / "lisbon-free-trams.txt"))
        assert (seed_row[4].plain, trams_row[4].plain) == ("5", "—")
        await pilot.press("j", "j", "enter")  # sorted by name: the seed is third
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title and "South Korea" in app.screen.article.title
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("h")
        assert "History · 1 article" in screen_text(app)
    (entry,) = library.history()
    assert entry.source == str(folder / SEED.name)


async def test_escape_clears_a_selection_before_going_back(folder: Path, library: Library) -> None:
    from reader.store.cache import AnalysisCache

    cache = AnalysisCache(folder.parent / "cache.sqlite3")
    cache.put(frozen_seed())  # opened with its analysis at once
    app = ReaderApp(folder=folder, library=library, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await reader.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", "enter")
        assert reader.selected is not None
        await pilot.press("escape")
        assert app.screen is reader and reader.selected is None
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_no_folder_shows_the_history(seed: Analysis, library: Library) -> None:
    library.record_open(str(SEED), seed.article)
    library.save_quote_count(seed.article, 5)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE):
        shown = screen_text(app)
        assert "History · 1 article" in shown
        assert "South Korea Offers Talks" in shown


# -- settings --------------------------------------------------------------------------


async def test_config_theme_width_and_keymap_apply(seed: Analysis) -> None:
    settings = Settings(theme="nord", reading_width=60, keymap={"reader.next-quote": "ctrl+n"})
    app = ReaderApp(seed.article, analysis=seed, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "nord"
        assert app.reading_width == 60
        assert app.screen.query_one(ArticleView).text_width == 60
        await pilot.press("ctrl+n")
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 1/5"
        assert notes(app) == []
        # The help screen shows the keys as remapped.
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Ctrl+N" in help_text and "next quote" in help_text
        line = next(row for row in help_text.splitlines() if "next quote" in row)
        assert "Ctrl+N" in line


async def test_bad_settings_are_one_notification_each_and_no_crash(seed: Analysis) -> None:
    settings = Settings(theme="no-such-theme", keymap={"reader.nothing": "x"})
    app = ReaderApp(
        seed.article, analysis=seed, settings=settings, notices=["The config is not TOML."]
    )
    async with app.run_test(size=SIZE):
        shown = notes(app)
        assert shown[0] == "The config is not TOML."
        assert any("no-such-theme" in note for note in shown)
        assert any("'reader.nothing'" in note for note in shown)
        assert app.theme == "textual-dark"


async def test_a_theme_chosen_in_the_app_is_remembered_until_the_config_changes(
    seed: Analysis, library: Library
) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "gruvbox"
        app.reading_width = 64
        await pilot.pause()
    again = ReaderApp(seed.article, analysis=seed, library=library)
    async with again.run_test(size=SIZE):
        assert (again.theme, again.reading_width) == ("gruvbox", 64)
    edited = ReaderApp(seed.article, analysis=seed, library=library, settings=Settings("nord"))
    async with edited.run_test(size=SIZE):
        assert edited.theme == "nord"


# -- the correction log, without a screen ----------------------------------------------------


def test_the_correction_log_keeps_corrections_in_the_library(
    seed: Analysis, library: Library
) -> None:
    entity = seed.entities[0]
    log = CorrectionLog(seed.article, library)
    assert not log.undo()  # nothing read yet, nothing to undo
    assert log.corrected(seed) == seed and log.loaded and log.raw is seed
    assert log.add(rename(entity, "Someone Else"))
    assert log.corrected(seed).entity(entity.id).name == "Someone Else"  # type: ignore[union-attr]
    again = CorrectionLog(seed.article, library)  # the article opened again
    assert again.corrected(seed).entity(entity.id).name == "Someone Else"  # type: ignore[union-attr]
    assert again.undo() and not again.undo()
    assert CorrectionLog(seed.article, library).corrected(seed) == seed
