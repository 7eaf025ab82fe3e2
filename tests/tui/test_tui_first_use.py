"""What a new user tripped over, fixed: less and vim scroll keys, keys at the ends that say
so, a mention counter, search matches of their own colour, apostrophes folded in search, the
terminal's title. Real keys through Pilot on the seed's frozen real analysis."""

from __future__ import annotations

from support.tui_seed import frozen_seed, screen_text

from reader.model import Analysis, Article, Quote
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

SIZE = (100, 30)


def long_article() -> Article:
    seed = frozen_seed().article
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks] * 4
    return Article.from_blocks("long.txt", parts, title="Long")


async def test_ctrl_d_u_f_b_scroll_as_in_less_and_vim() -> None:
    article = long_article()
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        height = view.scrollable_content_region.height
        await pilot.press("ctrl+d")
        half = view.scroll_y
        assert half == height // 2
        await pilot.press("ctrl+f")
        assert view.scroll_y == half + height - 1
        await pilot.press("ctrl+b")
        assert view.scroll_y == half
        await pilot.press("ctrl+u")
        assert view.scroll_y == 0


def seed_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


def notices(app: ReaderApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_keys_at_the_ends_say_so_and_mentions_are_counted() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        count = len(app.screen.quotes_pane.quotes)
        await pilot.press(*["n"] * count)
        assert not notices(app)
        await pilot.press("n")
        assert notices(app)[-1] == f"No quote after this one ({count} of {count})."
        await pilot.press(*["p"] * (count - 1))
        await pilot.press("p")
        assert notices(app)[-1] == f"No quote before this one (1 of {count})."
        await pilot.press("right_square_bracket")
        assert notices(app)[-1].startswith("No entity is selected")
        await pilot.press("2", "j", "enter")  # Grant Newsham, two mentions
        await pilot.pause()
        pane = app.screen.entities_pane
        assert str(pane.border_title).endswith("Grant Newsham 1/2")
        await pilot.press("1", "right_square_bracket")
        assert str(pane.border_title).endswith("Grant Newsham 2/2")
        await pilot.press("right_square_bracket")
        assert notices(app)[-1] == "No mention of Grant Newsham after this one (2 of 2)."
        await pilot.press("escape")
        assert str(pane.border_title) == f"Entities {len(app.screen.analysis.entities)}"


def _distance(one: object, two: object) -> float:
    (r1, g1, b1), (r2, g2, b2) = one, two  # type: ignore[misc]
    return ((r1 - r2) ** 2 + (g1 - g2) ** 2 + (b1 - b2) ** 2) ** 0.5


async def test_search_matches_in_the_current_quote_have_their_own_colour() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g", "n", "slash", *"korea", "enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        quote = view.current_span
        assert quote is not None
        match_colours, quote_colours = [], []
        for y in range(view.size.height):
            for segment in view.render_line(y):
                if segment.style is None or segment.style.bgcolor is None:
                    continue
                if segment.text == "Korea":
                    match_colours.append(segment.style.bgcolor.get_truecolor())
                elif "pressures" in segment.text or "Soldiers" in segment.text:
                    quote_colours.append(segment.style.bgcolor.get_truecolor())
        assert match_colours and quote_colours
        nearest = min(_distance(m, q) for m in match_colours for q in quote_colours)
        assert nearest > 80, (match_colours[:2], quote_colours[:2])


async def test_search_folds_apostrophes_and_quote_marks_in_every_scope() -> None:
    text = "Disney’s park opened. “Magic,” she said of Disney's park. ‘Disney’s’ again."
    article = Article.from_blocks("disney.txt", [("paragraph", text)], title="Disney")
    start = text.index("Magic")
    quote = Quote("q1", "Magic,", start, start + len("Magic,"))
    app = ReaderApp(article, analysis=Analysis(article, quotes=(quote,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"disney's")
        await pilot.pause()
        bar = app.screen.search_bar
        assert "1/3" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k", *'q:"magic,"')
        await pilot.pause()
        assert "1/1" in screen_text(app), bar


async def test_the_terminal_title_is_the_article_title_sanitised() -> None:
    title = "Harbour\x1b]0;owned\x07 bridge\nopens \u202e" + "at last " * 30
    article = Article.from_blocks("t.txt", [("paragraph", "The bridge opened.")], title=title)
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = app.terminal_title
        assert shown.startswith("Harbour bridge opens at last at last")
        assert shown.isprintable() and "owned" not in shown and "\u202e" not in shown
        assert len(shown) <= 120 and shown.endswith("…")
