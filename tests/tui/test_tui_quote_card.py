"""The quote card: `enter` on a quote goes to it and shows it whole; `space` only goes."""

from __future__ import annotations

from support.tui_seed import frozen_seed, screen_text

from reader.model import Quote
from reader.tui.app import ReaderApp
from reader.tui.dialogs.quote_card import QuoteCard, place_in_article, same_speaker
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView

SIZE = (100, 30)


def test_place_and_speaker() -> None:
    analysis = frozen_seed()
    article = analysis.article
    second = analysis.quotes[1]
    number, blocks, percent = place_in_article(article, second)
    block = article.blocks[number - 1]
    assert block.start <= second.start < block.end and blocks == 12
    assert percent == round(100 * second.start / len(article.text))
    assert same_speaker(second, analysis.quotes[2])
    assert not same_speaker(second, analysis.quotes[0])
    assert not same_speaker(Quote("a", "x", 0, 1), Quote("b", "y", 2, 3))


async def test_enter_on_a_quote_goes_to_it_and_shows_it_whole() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("3", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuoteCard)
        second = analysis.quotes[1]
        assert reader.selection.quote == second
        text = screen_text(app)
        assert "Quote 2 of 5" in text
        assert "“somehow reaching a deal”" in text
        assert "— Grant Newsham  (tells VOA)" in text
        number, blocks, percent = place_in_article(analysis.article, second)
        assert f"Paragraph {number} of {blocks} · {percent}% into the article" in text
        assert "Also by Grant Newsham (2):" in text
        assert "• “There's even a sense in this group" in text
        assert "Donald Trump" not in text.split("Also by")[1].split("╰")[0]
        await pilot.press("escape")
        assert app.screen is reader
        view = reader.query_one(ArticleView)
        assert view.line_index is not None
        assert view.line_index.line_at(second.start) in view.visible_lines()
        # The card closes with enter too; y copies the quote with its citation.
        await pilot.press("j", "j", "enter")
        assert isinstance(app.screen, QuoteCard)
        await pilot.press("y")
        fourth = analysis.quotes[3]
        assert app.clipboard.startswith(f"“{' '.join(fourth.text.split())}” — Grant Newsham")
        await pilot.press("enter")
        assert app.screen is reader


async def test_a_quote_with_nothing_else_by_its_speaker_says_so() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "— Donald Trump  (said)" in text
        assert "No other quote by Donald Trump." in text


async def test_space_goes_to_the_quote_without_the_card() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        await pilot.press("3", "j", "j", "space")
        assert app.screen is reader
        assert reader.selection.quote == analysis.quotes[2]
