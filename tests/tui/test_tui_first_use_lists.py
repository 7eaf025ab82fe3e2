"""What a new user tripped over in the lists, fixed: quote entries that fill their lines,
markers and messages of the focus filter, the quote card's keys and the speaker's other
quotes, type-to-filter in the entity list and the pickers. Real keys through Pilot."""

from __future__ import annotations

from support.tui_seed import screen_text

from reader.model import Analysis, Article, Quote
from reader.tui.app import ReaderApp
from reader.tui.widgets.quotes_pane import QUOTE_LINES

WORDS = [
    "although",
    "international",
    "coalition",
    "representatives",
    "repeatedly",
    "described",
    "humanitarian",
    "conditions",
    "throughout",
    "southeastern",
    "provinces",
    "as",
    "deteriorating,",
    "independent",
    "observers",
    "documented",
    "considerable",
    "improvements",
    "following",
    "negotiations",
]


def quotes_article(lengths: list[int]) -> Analysis:
    """One paragraph per quote, each quote `lengths[n]` words long, all by one speaker."""
    parts: list[tuple[str, str]] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for number, length in enumerate(lengths):
        words = [WORDS[(number + index) % len(WORDS)] for index in range(length)]
        said = " ".join(words)
        paragraph = f"“{said},” Sean Robertson said."
        spans.append((offset + 1, offset + 1 + len(said), said))
        parts.append(("paragraph", paragraph))
        offset += len(paragraph) + 2
    article = Article.from_blocks("quotes.txt", parts, title="Quotes")
    quotes = []
    for number, (start, end, said) in enumerate(spans):
        assert article.text[start:end] == said
        quotes.append(Quote(f"q{number}", said, start, end, speaker="Sean Robertson"))
    return Analysis(article, (), tuple(quotes))


async def test_every_quote_entry_fills_its_two_lines_however_long_the_quote() -> None:
    """`quote_prompt` cut long quotes by `overflow // 6` words at once: the longer the quote,
    the fewer words it showed (`Sean Robertson: “The` / `United…”`)."""
    analysis = quotes_article([12, 40, 120, 400, 1500])
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        quote_list = app.screen.quotes_pane.quote_list
        width = quote_list.scrollable_content_region.width
        shown = screen_text(app)
        for index, quote in enumerate(analysis.quotes):
            lines = [line.plain for line in quote_list.rows.row_lines(index, width)]
            assert len(lines) == QUOTE_LINES
            assert lines[1].rstrip().endswith("…”"), lines
            words_shown = " ".join(lines).replace("Sean Robertson: “", "").rstrip("…” ").split()
            next_word = quote.text.split()[len(words_shown)]
            # Not one more word would have fitted on the second line.
            assert len(lines[1].rstrip()) + 1 + len(next_word) > width - 1, lines
            assert len(words_shown) >= 3, lines
            if index < 3:  # on screen, as drawn
                assert lines[0].strip() in shown and lines[1].strip() in shown
