"""The article view asks for the lines on screen and nothing else, however long the article."""

from __future__ import annotations

from textual.strip import Strip
from tui_seed import frozen_seed, screen_text

from reader.model import Analysis, Article
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView


async def test_a_long_article_renders_only_the_visible_lines() -> None:
    seed = frozen_seed().article
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks] * 400
    article = Article.from_blocks("long.txt", parts, title="Long")
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
