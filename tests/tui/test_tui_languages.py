"""Articles in other languages and scripts in the real app, analysed by its real worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from support.scripts_texts import ARABIC, CHINESE_PARAGRAPHS
from support.tui_seed import screen_text
from textual.widgets import Static

from reader.analyze.languages import entity_notice
from reader.load import load
from reader.model import Article
from reader.tui.app import ReaderApp
from reader.tui.text.line_index import wrap_article, wrap_offsets
from reader.tui.text.measure import clamp_width
from reader.tui.text.search import find_matches

GERMAN = """Bibliothek im Zentrum wird bis zum Frühjahr saniert

Die Stadtverwaltung hat am Dienstag beschlossen, die Bibliothek im Zentrum bis zum Frühjahr zu
sanieren. „Wir wollen, dass die Bürgerinnen und Bürger bald wieder lesen können“, sagte
Bürgermeisterin Anna Schmidt am Abend in Leipzig.

Die Arbeiten sollen etwa drei Millionen Euro kosten, teilte die Stadt mit. Die neue Version des
Gebäudes bekommt einen Lesesaal. Wollen Sie mehr erfahren? Die Erzählung der Stadt beginnt im
Jahr 1905, als die erste Bibliothek eröffnet wurde.
"""

CHINESE = """市中心图书馆明年春天前完成翻修

市政府星期二决定在明年春天之前翻修市中心的图书馆。市长李明在记者会上说：「我们希望市民很快就能回来读书。」在此期间，市民可以到火车站附近的分馆借书。

一位住在附近的居民表示：「这是好消息，『图书馆』对我们一家人很重要。」工程预计耗资三千万元，由市政府和北京一家基金会共同出资。
"""


def status_text(app: ReaderApp) -> str:
    return str(app.screen.query_one("#entities-status", Static).render())


async def test_a_german_article_shows_no_entities_and_says_why(tmp_path: Path, nlp: Any) -> None:
    path = tmp_path / "bibliothek.txt"
    path.write_text(GERMAN, encoding="utf-8")
    app = ReaderApp(load(str(path), detect_language=False))  # as `reader FILE` loads it
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        analysis = app.screen.analysis
        assert analysis is not None and analysis.article.lang == "de"
        assert analysis.entities == ()
        notice = entity_notice("de")
        assert notice is not None and status_text(app) == notice
        assert " ".join(notice.split()[:3]) in screen_text(app)
        assert "Quotes 1" in screen_text(app)


async def test_a_chinese_article_opens_and_lists_its_quotes(tmp_path: Path, nlp: Any) -> None:
    path = tmp_path / "library.txt"
    path.write_text(CHINESE, encoding="utf-8")
    article = load(str(path), detect_language=False)
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        analysis = app.screen.analysis
        assert analysis is not None and analysis.article.lang == "zh"
        assert [quote.text for quote in analysis.quotes] == [
            "我们希望市民很快就能回来读书。",
            "这是好消息，『图书馆』对我们一家人很重要。",
        ]
        text = screen_text(app)
        assert "Quotes 2" in text
        assert "市政府星期二决定" in text  # the article itself, on screen


def test_a_chinese_paragraph_wraps_to_the_measure_in_cells() -> None:
    paragraph = CHINESE_PARAGRAPHS[0]
    for width in (clamp_width(40), 41, 80):
        lines = wrap_offsets(paragraph, width)
        assert "".join(paragraph[start:end] for start, end in lines) == paragraph
        cells = [cell_len(paragraph[start:end]) for start, end in lines]
        assert max(cells) <= width
        assert all(width - 1 <= used for used in cells[:-1])  # full lines, none left short
        assert len(lines) >= cell_len(paragraph) // width


def test_a_chinese_article_wraps_and_is_searched() -> None:
    article = Article.from_blocks("zh", [("paragraph", p) for p in CHINESE_PARAGRAPHS])
    index = wrap_article(article, 40)
    assert len(index) >= 2 * cell_len(CHINESE_PARAGRAPHS[0]) // 40
    matches = find_matches(article.text, "图书馆")
    assert len(matches) == 3
    assert all(article.text[start:end] == "图书馆" for start, end in matches)


def test_bidi_text_keeps_its_logical_order_when_wrapped() -> None:
    paragraph = [part for part in ARABIC.split("\n\n") if part.strip()][1]
    lines = wrap_offsets(paragraph, 30)
    assert " ".join(paragraph[start:end] for start, end in lines) == " ".join(paragraph.split())
