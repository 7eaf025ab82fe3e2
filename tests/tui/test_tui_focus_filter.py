"""The focus filter: `f` shows only the paragraphs with the selected entity (or with quotes)."""

from __future__ import annotations

from support.tui_seed import frozen_seed, screen_text

from reader.model import Article, Block
from reader.tui.app import ReaderApp
from reader.tui.text.focus_filter import blocks_touching
from reader.tui.widgets.article_view import ArticleView

SIZE = (100, 30)


def shown_blocks(view: ArticleView, article: Article) -> set[Block]:
    assert view.line_index is not None
    return {
        block
        for line in view.line_index.lines
        if line.kind != "blank"
        for block in article.blocks
        if block.start <= line.start < block.end or line.start == block.start
    }


def test_blocks_touching_picks_the_blocks_that_hold_a_span() -> None:
    article = Article.from_blocks(
        "t.txt", [("paragraph", "One."), ("paragraph", "Two."), ("paragraph", "Three.")]
    )
    first, second, third = article.blocks
    assert blocks_touching(article, [(second.start + 1, second.start + 2)]) == (second,)
    assert blocks_touching(article, [(first.start, third.start + 1)]) == (first, second, third)
    assert blocks_touching(article, []) == ()


async def test_f_shows_only_the_entitys_paragraphs_and_again_the_whole_article() -> None:
    analysis = frozen_seed()
    article = analysis.article
    app = ReaderApp(article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("2", "j", "enter")
        newsham = analysis.entity("person-grant-newsham")
        assert newsham is not None and app.screen.selected == newsham
        whole = view.line_index
        await pilot.press("f")
        await pilot.pause()
        assert view.filtered
        expected = set(blocks_touching(article, [(m.start, m.end) for m in newsham.mentions]))
        assert len(expected) == 2
        assert shown_blocks(view, article) == expected
        assert view.line_index is not None and len(view.line_index) < len(whole)
        text = screen_text(app)
        assert "Focus: Grant Newsham · 2 of 12 paragraphs" in text
        assert "Grant Newsham, a senior research fellow" in text
        assert "South Korea offered Tuesday" not in text
        # Same text, same offsets: the mention keys still land on the mentions.
        await pilot.press("right_square_bracket")
        second = newsham.mentions[1]
        assert view.current_mention == (second.start, second.end)
        assert view.line_index.line_at(second.start) in view.visible_lines()
        top = view.line_index[int(view.scroll_y)].start
        await pilot.press("f")
        await pilot.pause()
        assert not view.filtered
        assert len(view.line_index) == len(whole)
        assert view.line_index.line_at(top) in view.visible_lines()
        assert "Focus:" not in screen_text(app)


async def test_with_no_entity_f_keeps_the_paragraphs_with_quotes_and_escape_restores() -> None:
    analysis = frozen_seed()
    article = analysis.article
    app = ReaderApp(article, analysis=analysis)
    async with app.run_test(size=(90, 20)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("f")
        await pilot.pause()
        expected = set(blocks_touching(article, [(q.start, q.end) for q in analysis.quotes]))
        assert shown_blocks(view, article) == expected
        assert f"Focus: quotes · {len(expected)} of 12 paragraphs" in screen_text(app)
        # Scrolled in the filtered view, the whole article comes back with that line on top.
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3 and view.line_index is not None
        top = view.line_index[int(view.scroll_y)].start
        await pilot.press("escape")
        assert not view.filtered
        assert view.line_index.line_at(top) == int(view.scroll_y)


async def test_escape_unfilters_before_it_clears_the_selection() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("2", "j", "enter", "f", "escape")
        assert not view.filtered
        assert app.screen.selected is not None
        await pilot.press("escape")
        assert app.screen.selected is None
