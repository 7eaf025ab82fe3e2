"""Getting around from any article: `:` opens a file (Tab completes its path) or a web address
(fetched from a real server on 127.0.0.1), `h` shows the history over the article, and shift
with a hint's number sends that link to the browser. Every article opened joins back and
forward. Real keys through Pilot, a real library database, real files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.http_server import LINKED_ONE_TITLE, LINKED_TWO_TITLE, serve
from support.tui_seed import SEED, frozen_seed, screen_text
from textual.widgets import Input

from reader.load import load, load_url
from reader.model import Analysis
from reader.store.library import Library, source_key
from reader.tui.app import ReaderApp
from reader.tui.dialogs.open_prompt import OpenPrompt
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.text.path_completion import complete_path
from reader.tui.widgets.article_view import ArticleView

SIZE = (100, 30)
TRAMS = "# Trams Reach the Old Harbour\n\nThe first tram reached the old harbour on Sunday.\n"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def _title(app: ReaderApp) -> str | None:
    screen = app.screen
    return screen.article.title if isinstance(screen, ReaderScreen) else None


def _notices(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _until(pilot: object, condition: object, seconds: float = 15.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("the reader did not get there in time")


def seed_app(**kwargs: object) -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis, **kwargs)  # type: ignore[arg-type]


def test_a_path_completes_as_far_as_the_names_agree(tmp_path: Path) -> None:
    (tmp_path / "harbour-trams.md").write_text(TRAMS, encoding="utf-8")
    (tmp_path / "harbour-ferries.md").write_text(TRAMS, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / ".hidden.md").write_text(TRAMS, encoding="utf-8")
    assert complete_path(f"{tmp_path}/harbour-t") == f"{tmp_path}/harbour-trams.md"
    assert complete_path(f"{tmp_path}/harb") == f"{tmp_path}/harbour-"  # the part they share
    assert complete_path(f"{tmp_path}/ne") == f"{tmp_path}/news/"  # a folder gets its slash
    assert complete_path("harbour-", cwd=tmp_path) == "harbour-ferries.md"  # the first, a hint
    assert complete_path(f"{tmp_path}/") == f"{tmp_path}/harbour-ferries.md"  # no hidden ones
    assert complete_path(f"{tmp_path}/.h") == f"{tmp_path}/.hidden.md"
    assert complete_path(f"{tmp_path}/nothing") is None
    assert complete_path("https://example.org/ha") is None


async def test_colon_opens_a_file_tab_completes_its_path_and_back_returns(
    tmp_path: Path,
) -> None:
    (tmp_path / "harbour-trams.md").write_text(TRAMS, encoding="utf-8")
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seed_title = _title(app)
        await pilot.press("G")
        bottom = app.screen.query_one(ArticleView).top_offset()
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, OpenPrompt)
        answer = app.screen.query_one("#answer", Input)
        await pilot.press(*f"{tmp_path}/harb")
        await _until(pilot, lambda: answer._suggestion.endswith("harbour-trams.md"))
        await pilot.press("tab")
        assert answer.value == f"{tmp_path}/harbour-trams.md"
        assert isinstance(app.screen, OpenPrompt)  # tab completed; it did not move the focus
        await pilot.press("enter")
        await _until(pilot, lambda: _title(app) == "Trams Reach the Old Harbour")
        assert "The first tram reached the old harbour" in screen_text(app)
        await pilot.press("backspace")  # it joined back and forward, as a followed link
        await _until(pilot, lambda: _title(app) == seed_title)
        view = app.screen.query_one(ArticleView)
        await _until(pilot, lambda: view.top_offset() == bottom)
        await pilot.press("shift+backspace")
        await _until(pilot, lambda: _title(app) == "Trams Reach the Old Harbour")


async def test_colon_opens_a_web_address_and_a_bad_one_says_one_sentence(
    base: str, tmp_path: Path
) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for bad in (f"{tmp_path}/no-such-file.html", f"{base}/missing", "ftp://example.org/a"):
            count = len(_notices(app))
            await pilot.press("colon", *bad, "enter")

            def answered(count: int = count) -> bool:
                return len(_notices(app)) > count and "Opening" not in _notices(app)[-1]

            await _until(pilot, answered)
            failure = _notices(app)[-1]
            assert failure.count(". ") == 0 and "Traceback" not in failure, failure
            assert _title(app) == LINKED_ONE_TITLE
        await pilot.press("colon", *f"{base}/linked/two", "enter")
        await _until(pilot, lambda: _title(app) == LINKED_TWO_TITLE)
        await pilot.press("colon", "escape")  # escape: nothing opens
        await pilot.pause()
        assert _title(app) == LINKED_TWO_TITLE
        await pilot.press("backspace")
        await _until(pilot, lambda: _title(app) == LINKED_ONE_TITLE)


async def test_h_shows_the_history_over_any_article(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    other_path = SEED.parent / "lisbon-free-trams.txt"
    other = load(str(other_path), detect_language=False)
    library.record_open(source_key(str(other_path)), other)
    app = seed_app(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seed_title = _title(app)
        await pilot.press("space", "space")
        place = app.screen.query_one(ArticleView).top_offset()
        await pilot.press("h")
        await _until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        text = screen_text(app)
        # The title's start: the history's columns (read on, read %) leave it 44 cells here.
        assert "History · 2 articles" in text and other.title[:40] in text
        await pilot.press("escape")  # back to the article, where it was left
        await _until(pilot, lambda: _title(app) == seed_title)
        assert app.screen.query_one(ArticleView).top_offset() == place
        await pilot.press("h")
        await _until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        table = app.screen.query_one("#library-table")
        row = [str(k.value) for k in table.rows].index(source_key(str(other_path)))  # type: ignore[attr-defined]
        await pilot.press(*["j"] * row, "enter")
        await _until(pilot, lambda: _title(app) == other.title)
        assert len(app.screen_stack) == 2  # the list went away: the seed is below
        await pilot.press("backspace")  # the article chosen joined back and forward
        await _until(pilot, lambda: _title(app) == seed_title)
        assert app.screen.query_one(ArticleView).top_offset() == place


async def test_shift_and_a_hint_number_open_the_link_in_the_browser(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # What a terminal sends for shift+1 on a US keyboard: `!` (Textual: exclamation_mark).
        await pilot.press("o", "exclamation_mark")
        await _until(pilot, lambda: len(opened) == 1)
        assert opened == [f"{base}/linked/two"]
        # A terminal that reports modifiers (the kitty protocol) sends shift+2.
        await pilot.press("o", "shift+2")
        await _until(pilot, lambda: len(opened) == 2)
        assert opened[1] == f"{base}/missing"
        assert _title(app) == LINKED_ONE_TITLE  # the reader stayed on the article
        await pilot.press("o", "at")  # `@`, shift+2: a second link, in the browser
        await _until(pilot, lambda: len(opened) == 3)
        assert not app.screen.query_one(ArticleView).hinting


