"""Links in the reader: drawn as terminal hyperlinks, numbered by `o`, listed by `L`, followed
to pages of a real server on 127.0.0.1, and back and forward between the articles read.

Real keys through Pilot; every page is fetched with the bounded fetch and analysed by spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.http_server import LINKED_ONE_TITLE, LINKED_TWO_TITLE, serve
from support.tui_seed import screen_text

from reader.load import load_url
from reader.model import Analysis, Article
from reader.tui.app import ReaderApp
from reader.tui.dialogs.links_list import LinksList
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView

SIZE = (100, 30)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def _title(app: ReaderApp) -> str | None:
    screen = app.screen
    return screen.article.title if isinstance(screen, ReaderScreen) else None


async def _until(pilot: object, condition: object, seconds: float = 15.0) -> None:
    """Wait (pausing the app) until `condition()` holds."""
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("the reader did not get there in time")


def _notices(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_links_are_drawn_as_terminal_hyperlinks(base: str) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        hrefs = {
            segment.style.link
            for y in range(view.size.height)
            for segment in view.render_line(y)
            if segment.style is not None and segment.style.link
        }
        assert hrefs == {f"{base}/linked/two", f"{base}/missing", "mailto:trams@example.org"}
        underlined = [
            segment.text
            for y in range(view.size.height)
            for segment in view.render_line(y)
            if segment.style is not None and segment.style.link == f"{base}/linked/two"
        ]
        assert "".join(underlined).split() == ["residents", "welcomed", "the", "first", "trams"]


async def test_follow_a_hint_then_back_and_forward_keep_the_places(base: str) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "127.0.0.1" in screen_text(app)  # the header shows where the article is from
        await pilot.press("o")
        await pilot.pause()
        text = screen_text(app)
        assert "1esidents welcomed" in text and "2till being planned" in text  # the hints
        await pilot.press("1")
        await _until(pilot, lambda: _title(app) == LINKED_TWO_TITLE)
        assert "Hundreds of harbour residents" in screen_text(app)
        # Down the second article, then back: the first is where it was left (the top).
        await pilot.press("backspace")
        await _until(pilot, lambda: _title(app) == LINKED_ONE_TITLE)
        view = app.screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause()
        bottom = view.top_offset()
        assert bottom and bottom > 0
        await pilot.press("ctrl+o")  # nothing before the first article: it says so
        await pilot.pause()
        assert any("No article before" in n for n in _notices(app))
        await pilot.press("shift+backspace")
        await _until(pilot, lambda: _title(app) == LINKED_TWO_TITLE)
        await pilot.press("backspace")
        await _until(pilot, lambda: _title(app) == LINKED_ONE_TITLE)
        view = app.screen.query_one(ArticleView)
        await _until(pilot, lambda: view.top_offset() == bottom)


async def test_a_broken_link_and_a_mail_link_say_one_sentence_and_the_article_stays(
    base: str,
) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o", "2")  # still being planned -> /missing, a 404
        await _until(pilot, lambda: any("404" in n or "not" in n for n in _notices(app)[1:]))
        await pilot.pause(0.2)
        assert _title(app) == LINKED_ONE_TITLE
        failure = _notices(app)[-1]
        assert failure.count(". ") == 0 and "Traceback" not in failure
        await pilot.press("o", "3")  # by mail -> mailto: not read in the reader
        await pilot.pause()
        assert "press O to open mailto:trams@example.org in the browser" in _notices(app)[-1]
        assert _title(app) == LINKED_ONE_TITLE


async def test_escape_ends_the_hints_and_digits_move_panes_again(base: str) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("o")
        assert view.hinting
        await pilot.press("escape")
        assert not view.hinting
        assert "1esidents" not in screen_text(app)
        await pilot.press("2")
        assert app.focused is not None and app.focused.id == "entity-list"


async def test_the_links_list_filters_and_opens(base: str) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LinksList)
        text = screen_text(app)
        assert "residents welcomed the first trams" in text and "127.0.0.1" in text
        assert "Links (3 of 3)" in text
        await pilot.press(*"welcomed")
        await pilot.pause()
        assert "Links (1 of 3)" in screen_text(app)
        await pilot.press("enter")
        await _until(pilot, lambda: _title(app) == LINKED_TWO_TITLE)


async def test_o_opens_the_original_page_in_the_browser(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("O")
        await _until(pilot, lambda: bool(opened))
        assert opened == [f"{base}/linked/one"]
        await pilot.press("o", "O", "1")  # in the hints, O sends the link to the browser
        await _until(pilot, lambda: len(opened) == 2)
        assert opened[1] == f"{base}/linked/two"
        assert _title(app) == LINKED_ONE_TITLE


async def test_a_file_without_links_says_so() -> None:
    article = Article.from_blocks("plain.txt", [("paragraph", "No links in this text at all.")])
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert "No links on this article." in _notices(app)
        await pilot.press("O")
        await pilot.pause()
        assert "no web address" in _notices(app)[-1]
        assert "plain.txt" in screen_text(app)




async def test_the_terminal_title_follows_the_article_read(base: str) -> None:
    article = load_url(f"{base}/linked/one")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.terminal_title == LINKED_ONE_TITLE
        await pilot.press("o", "1")
        await _until(pilot, lambda: app.terminal_title == LINKED_TWO_TITLE)
        await pilot.press("backspace")
        await _until(pilot, lambda: app.terminal_title == LINKED_ONE_TITLE)
