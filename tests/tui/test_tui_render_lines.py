"""The article view asks for the lines on screen and nothing else, however long the article."""

from __future__ import annotations

from support.tui_seed import frozen_seed, screen_text
from textual.strip import Strip

from reader.model import Analysis, Article
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView


def long_article(seed: Article) -> Article:
    """The seed's blocks 400 times over: some 15,000 lines at 120 columns."""
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks] * 400
    return Article.from_blocks("long.txt", parts, title="Long")


async def test_a_long_article_renders_only_the_visible_lines() -> None:
    seed = frozen_seed().article
    article = long_article(seed)
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        rendered: list[int] = []
        render_line = view.render_line

        def counting(y: int) -> Strip:
            rendered.append(int(view.scroll_y) + y)
            return render_line(y)

        view.render_line = counting  # type: ignore[method-assign]
        assert view.line_index is not None and len(view.line_index) > 15_000
        height = view.scrollable_content_region.height
        for keys in (["G"], ["g"], ["space"] * 3, ["j"]):
            rendered.clear()
            before = set(view.visible_lines())
            await pilot.press(*keys)
            await pilot.pause()
            assert rendered, keys
            # Each line asked for was on screen: where the view was, or where it went.
            assert set(rendered) <= before | set(view.visible_lines()) or len(keys) > 1, keys
            assert len(rendered) <= 2 * height * len(keys), keys
        assert seed.block_text(seed.blocks[0])[:20] in screen_text(app) or view.scroll_y > 0


async def test_a_long_article_is_on_screen_before_it_is_all_wrapped() -> None:
    seed = frozen_seed().article
    article = long_article(seed)
    last_words = seed.block_text(seed.blocks[-1]).split()[-3:]
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(ArticleView)
        index = view.line_index
        assert index is not None and not index.complete  # the first screen only, so far
        assert index.wrapped < 1000
        assert seed.block_text(seed.blocks[0])[:20] in screen_text(app)
        for _ in range(200):  # the rest is wrapped in short steps between keys
            if index.complete and view.virtual_size.height == index.wrapped:
                break
            await pilot.pause(0.02)
        assert index.complete and view.virtual_size.height == len(index) > 15_000
        await pilot.press("G")
        await pilot.pause()
        assert " ".join(last_words) in " ".join(screen_text(app).split())


async def test_the_end_of_a_long_article_is_reached_before_the_wrapping_finishes() -> None:
    seed = frozen_seed().article
    article = long_article(seed)
    last_words = seed.block_text(seed.blocks[-1]).split()[-3:]
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")  # wraps the rest at once: a jump needs the true line count
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.line_index is not None and view.line_index.complete
        assert view.scroll_y == view.max_scroll_y > 15_000
        assert " ".join(last_words) in " ".join(screen_text(app).split())


async def test_moving_the_current_quote_redraws_only_its_lines() -> None:
    """`n` to a quote on the same screen: the lines of the quote left and of the quote
    reached are drawn again; the rest of the screen comes from the cache."""
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("n", "n", "n")  # quotes 2 and 3 share a paragraph, on screen
        await pilot.pause()
        drawn: list[int] = []
        render_text_line = view._render_text_line

        def counting(number: int) -> Strip:
            drawn.append(number)
            return render_text_line(number)

        view._render_text_line = counting  # type: ignore[method-assign]
        scroll_y = view.scroll_y
        await pilot.press("p")
        await pilot.pause()
        assert view.scroll_y == scroll_y  # no scroll: the quote was on screen
        assert view.line_index is not None
        second, third = analysis.quotes[1], analysis.quotes[2]
        lines: set[int] = set()
        for quote in (second, third):  # its lines, and one either side for its quote marks
            first, last = view.line_index.lines_of(quote.start, quote.end)
            lines.update(range(first - 1, last + 2))
        assert drawn and set(drawn) <= lines, (drawn, lines)
