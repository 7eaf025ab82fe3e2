"""What the page made of its body, on screen: the lines it broke with `<br>` on rows of their
own, its bold and italic words drawn bold and italic. A real page read by the real
extractor, the real app through Pilot."""

from __future__ import annotations

from pathlib import Path

from support.tui_seed import screen_text

from reader.load import load
from reader.model import Analysis
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

PAGE = """<!DOCTYPE html><html><head><title>The poem in the park</title></head><body>
<article><h1>The poem in the park</h1>
<p>The city unveiled a stone on <b>Tuesday</b> that carries a <em>short</em> poem by a local
writer, who read it aloud to a small crowd gathered near the fountain in the rain.</p>
<p>Roses are red,<br>violets are blue,<br>the park is open<br>and so are you.</p>
<p>The stone will stay in the park for at least ten years, the council said, and a second
poem will be chosen by a competition open to every school in the city next spring.</p>
</article></body></html>"""


async def test_br_lines_show_on_rows_of_their_own_and_emphasis_is_drawn(tmp_path: Path) -> None:
    source = tmp_path / "poem.html"
    source.write_text(PAGE, encoding="utf-8")
    article = load(str(source))
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "violets are blue," in screen_text(app)
        view = app.screen.query_one(ArticleView)
        lines = [list(view.render_line(y)) for y in range(view.size.height)]
        rows = ["".join(segment.text for segment in line).strip() for line in lines]
        at = rows.index("Roses are red,")  # the whole row: the next line is not run into it
        assert rows[at + 1 : at + 4] == ["violets are blue,", "the park is open", "and so are you."]
        segments = [segment for line in lines for segment in line]
        bold = "".join(s.text for s in segments if s.style is not None and s.style.bold)
        italic = "".join(s.text for s in segments if s.style is not None and s.style.italic)
        assert "Tuesday" in bold and "short" not in bold and "stone" not in bold
        assert italic.strip() == "short"
