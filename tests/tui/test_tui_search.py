"""Search in the article: `/`, matches highlighted as you type, `n`/`N`, scopes, smart case."""

from __future__ import annotations

import re

from support.tui_seed import frozen_seed, screen_text
from textual import events
from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.text.quote_marks import with_quote_marks
from reader.tui.text.search import SearchResults, find_matches, next_scope, parse_query
from reader.tui.text.spans import SpanIndex
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.quotes_pane import QuotesPane
from reader.tui.widgets.search_bar import SearchBar

SIZE = (120, 40)


def preset_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


def spans_of(word: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(re.escape(word), text, flags)]


def test_smart_case_and_scope_prefixes() -> None:
    text = "The cat. the CAT. Then a cat in a quote."
    assert find_matches(text, "the") == spans_of("the", text, re.IGNORECASE)
    assert find_matches(text, "The") == spans_of("The", text)
    assert find_matches(text, "CAT") == [(13, 16)]
    assert find_matches(text, "") == []
    quote = SpanIndex([(25, 39)])
    assert find_matches(text, "cat", quote) == [(25, 28)]
    assert parse_query("q:Kim") == ("quotes", "Kim")
    assert parse_query("e:kim") == ("entities", "kim")
    assert parse_query("kim: yes") == ("all", "kim: yes")
    assert next_scope("kim") == "q:kim"
    assert next_scope("q:kim") == "e:kim"
    assert next_scope("e:kim") == "kim"


def test_results_start_at_the_anchor_and_wrap() -> None:
    results = SearchResults([(0, 1), (10, 11), (20, 21)], anchor=5)
    assert results.counter == "2/3"
    assert results.step(1) == (20, 21)
    assert results.step(1) == (0, 1)
    assert results.step(-1) == (20, 21)
    assert SearchResults([(0, 1)], anchor=50).counter == "1/1"
    assert SearchResults([]).counter == "0/0"


async def test_slash_highlights_every_match_as_you_type_with_a_counter() -> None:
    app = preset_app()
    text = app.article.text
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        bar = app.screen.query_one(SearchBar)
        assert not bar.display
        await pilot.press("slash")
        assert bar.display and isinstance(app.focused, Input)
        await pilot.pause()
        lines = view.line_index
        await pilot.press(*"nort")
        assert view._spans.matches.spans == spans_of("nort", text, re.IGNORECASE)
        await pilot.press("h")
        north = spans_of("north", text, re.IGNORECASE)
        assert len(north) == 10
        assert view._spans.matches.spans == north
        assert view.current_match == north[0]
        # Highlighting is a span lookup: the text was not wrapped again.
        assert view.line_index is lines
        await pilot.pause()
        assert re.search(r"/north +1/10", screen_text(app))
        # In the bar, down / up (and shift+enter) step without leaving it.
        await pilot.press("down", "down")
        assert view.current_match == north[2] and bar.results.counter == "3/10"
        await pilot.press("up")
        assert view.current_match == north[1]
        await pilot.press("shift+enter")
        assert view.current_match == north[0]
        assert isinstance(app.focused, Input)


async def test_enter_gives_the_keys_back_and_n_N_step_the_matches() -> None:
    app = preset_app()
    text = app.article.text
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"korea", "enter")
        korea = spans_of("korea", text, re.IGNORECASE)
        assert isinstance(app.focused, ArticleView)
        assert view.current_match == korea[0]
        await pilot.press("n")
        assert view.current_match == korea[1]
        await pilot.pause()
        assert "2/19" in screen_text(app)
        await pilot.press("enter", "enter")
        assert view.current_match == korea[3]
        await pilot.press("N", "shift+enter")
        assert view.current_match == korea[1]
        # The last match is scrolled into view.
        await pilot.press("N", "N")
        assert view.current_match == korea[-1]
        assert view.line_index is not None
        assert view.line_index.line_at(korea[-1][0]) in view.visible_lines()
        # The quote keys still wait: n steps matches, not quotes.
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 5"


async def test_escape_ends_the_search_and_n_goes_back_to_quotes() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        bar = app.screen.query_one(SearchBar)
        await pilot.press("slash", *"kim", "enter", "escape")
        assert not bar.display
        assert not view._spans.matches and view.current_match is None
        await pilot.press("n")
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 1/5"
        # `/` starts a new query; escape straight from the bar also ends the search.
        await pilot.press("slash")
        assert bar.input.value == "" and not view._spans.matches
        await pilot.press(*"kim")
        assert len(view._spans.matches) == 6
        await pilot.press("escape")
        assert not bar.display and not view._spans.matches
        assert isinstance(app.focused, ArticleView)


async def test_smart_case_and_scopes_in_the_bar() -> None:
    app = preset_app()
    text = app.article.text
    analysis = app.analysis
    assert analysis is not None
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        bar = app.screen.query_one(SearchBar)
        await pilot.press("slash", *"the")
        assert view._spans.matches.spans == spans_of("the", text, re.IGNORECASE)
        await pilot.press("ctrl+a", "ctrl+k", *"The")
        assert view._spans.matches.spans == spans_of("The", text)
        assert len(spans_of("The", text)) < len(spans_of("the", text, re.IGNORECASE))
        # ctrl+t cycles the scope: quotes only, then entity mentions only, then everything.
        await pilot.press("ctrl+a", "ctrl+k", *"the", "ctrl+t")
        assert bar.input.value == "q:the"
        quotes = [with_quote_marks(text, q.start, q.end) for q in analysis.quotes]
        in_quotes = [
            (s, e)
            for s, e in spans_of("the", text, re.IGNORECASE)
            if any(qs <= s and e <= qe for qs, qe in quotes)
        ]
        assert 0 < len(in_quotes) < len(spans_of("the", text, re.IGNORECASE))
        assert view._spans.matches.spans == in_quotes
        await pilot.pause()
        assert f"quotes · 1/{len(in_quotes)}" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k", *"e:kim")
        mentions = [(m.start, m.end) for e in analysis.entities for m in e.mentions]
        assert len(view._spans.matches) == 6
        for start, end in view._spans.matches.spans:
            assert any(s <= start and end <= e for s, e in mentions)
        await pilot.press("ctrl+a", "ctrl+k", *"zzz")
        await pilot.pause()
        assert bar.has_class("-no-match") and "0/0" in screen_text(app)


async def test_keys_typed_straight_after_slash_go_into_the_query() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(SearchBar)
        # A burst, as a fast typist or a paste sends it: no pause between the keys.
        for character in "/korea":
            app.post_message(events.Key("slash" if character == "/" else character, character))
        await pilot.pause(0.2)
        assert bar.input.value == "korea"
        assert len(bar.results) == 19
        # `/` typed in the bar is text, not a new search.
        await pilot.press("slash")
        assert bar.input.value == "korea/"
        await pilot.press("backspace")
        # `enter` then `n` at once: the `n` goes to the next match, not into the query.
        for key in ("enter", "n", "n"):
            app.post_message(events.Key(key, None if key == "enter" else key))
        await pilot.pause(0.2)
        assert bar.input.value == "korea"
        assert bar.results.counter == "3/19"


async def test_the_bar_is_built_after_the_first_frame_yet_takes_the_first_keys() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(SearchBar)
        # The article's first frame is drawn without the bar's query (hidden until `/`).
        assert not bar.query(Input)
        # Keys sent straight away, before anything is drawn: `/` builds the bar if the
        # screen has not yet, and the query gets every key typed after it.
        for character in "/korea":
            app.post_message(events.Key("slash" if character == "/" else character, character))
        await pilot.pause(0.2)
        assert isinstance(app.focused, Input) and bar.input.value == "korea"
        assert len(bar.results) == 19 and len(bar.query(Input)) == 1
