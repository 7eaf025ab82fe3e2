"""What a new user tripped over, fixed: less and vim scroll keys, keys at the ends that say
so, a mention counter, search matches of their own colour, apostrophes folded in search, the
terminal's title. Real keys through Pilot on the seed's frozen real analysis."""

from __future__ import annotations

from support.tui_seed import frozen_seed

from reader.model import Analysis, Article
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
