"""The row list behind the entities and quotes panes: it draws only the rows on screen."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text
from support.tui_seed import frozen_seed, screen_text
from textual.app import App, ComposeResult

from reader.model import Analysis, Article, Entity, Mention, Quote
from reader.tui.app import ReaderApp
from reader.tui.widgets.quotes_pane import QUOTE_LINES, QuotesPane, quote_prompt, quote_prompt_lines
from reader.tui.widgets.row_list import RowList, list_bindings


class CountingRows:
    """`count` rows, every tenth a heading; row `n` takes `n % 3 + 1` lines; counts drawing."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.drawn: list[int] = []

    def __len__(self) -> int:
        return self.count

    def row_id(self, index: int) -> str | None:
        return None if index % 10 == 0 else f"row-{index}"

    def row_height(self, index: int, width: int) -> int:
        return index % 3 + 1

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        self.drawn.append(index)
        return [Text(f"row {index} line {line}") for line in range(index % 3 + 1)]


class KeyedList(RowList):
    BINDINGS = list_bindings("test", "Pick")


class ListApp(App[None]):
    def __init__(self, rows: CountingRows) -> None:
        super().__init__()
        self.rows = rows
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyedList(id="rows")

    def on_mount(self) -> None:
        self.query_one(KeyedList).show(self.rows)
        self.query_one(KeyedList).focus()

    def on_row_list_picked(self, event: RowList.Picked) -> None:
        self.picked.append(event.row_id)


async def test_a_long_list_draws_only_the_rows_on_screen() -> None:
    rows = CountingRows(50_000)
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        row_list = app.query_one(KeyedList)
        # 50,000 rows are 100,000 lines; only those on screen were drawn.
        assert row_list.virtual_size.height == sum(n % 3 + 1 for n in range(50_000))
        assert rows.drawn and max(rows.drawn) < 12
        assert row_list.highlighted == 1  # row 0 is a heading
        rows.drawn.clear()
        await pilot.press("G")
        await pilot.pause()
        assert row_list.highlighted == 49_999
        assert rows.drawn and min(rows.drawn) > 49_999 - 12
        assert row_list.scroll_y == row_list.max_scroll_y


async def test_keys_skip_headings_and_enter_picks() -> None:
    rows = CountingRows(40)
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        row_list = app.query_one(KeyedList)
        await pilot.press(*["j"] * 9)
        assert row_list.highlighted == 11  # 10 is a heading: skipped
        await pilot.press("k")
        assert row_list.highlighted == 9
        await pilot.press("enter")
        await pilot.pause()
        assert app.picked == ["row-9"]
        await pilot.press("pagedown")
        assert row_list.highlighted is not None and row_list.highlighted > 9
        assert rows.row_id(row_list.highlighted) is not None
        top = row_list._tops[row_list.highlighted]  # the highlight is on screen
        assert row_list.scroll_y <= top < row_list.scroll_y + row_list.size.height
        await pilot.press("g")
        assert row_list.highlighted == 1
        await pilot.press("k")  # up from the first row wraps to the last
        assert row_list.highlighted == 39


async def test_a_click_picks_the_row_under_the_mouse() -> None:
    rows = CountingRows(40)
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        # Row 3 starts on line 1 + 2 + 3 = 6 (rows 0, 1, 2 take 1, 2, 3 lines); column 0
        # is the list's left padding.
        await pilot.click(KeyedList, offset=(3, 6))
        await pilot.pause()
        assert app.picked == ["row-3"]
        assert app.query_one(KeyedList).highlighted == 3
        await pilot.click(KeyedList, offset=(3, 0))  # a heading: nothing
        await pilot.pause()
        assert app.picked == ["row-3"]


def many_quotes(count: int) -> Analysis:
    """An article of `count` quoted paragraphs, each attributed, with its analysis."""
    speakers = ["Ana Ruiz", "Ben Okoro", "Chen Wei"]
    parts = [
        ("paragraph", f'"Point number {n} stands," {speakers[n % 3]} said on day {n}.')
        for n in range(count)
    ]
    article = Article.from_blocks("many.txt", parts, title="Many quotes")
    quotes = []
    for number, block in enumerate(article.blocks):
        start = block.start + 1
        end = article.text.index(',"', start)
        quotes.append(
            Quote(
                id=f"q{number}",
                text=article.text[start:end],
                start=start,
                end=end,
                speaker=speakers[number % 3],
                speaker_id=f"person-{number % 3}",
            )
        )
    entities = tuple(
        Entity(
            id=f"person-{n}",
            name=name,
            type="PERSON",
            mentions=tuple(
                Mention(start, start + len(name))
                for block in article.blocks[n::3]
                for start in [article.text.index(name, block.start)]
            ),
        )
        for n, name in enumerate(speakers)
    )
    return Analysis(article, entities=entities, quotes=tuple(quotes))


async def test_thousands_of_quotes_are_listed_without_drawing_them_all() -> None:
    analysis = many_quotes(5_000)
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(QuotesPane)
        quote_list = pane.quote_list
        assert quote_list.row_count == 5_000
        # Each quote takes one or two lines; only the rows on screen are drawn.
        assert 5_000 < quote_list.virtual_size.height <= 10_000
        assert 0 < len(quote_list._strips) <= quote_list.size.height
        await pilot.press("3", "G", "space")
        await pilot.pause()
        assert str(pane.border_title) == "Quotes 5000/5000"
        assert "Ben Okoro: “Point number 4999" in screen_text(app)
        assert len(quote_list._strips) <= 2 * quote_list.size.height
        # The article went to the last quote.
        assert app.screen.selection.quote == analysis.quotes[-1]


def test_a_quote_row_height_is_known_without_wrapping_it() -> None:
    """The list lays out rows by `quote_prompt_lines` and draws them by `quote_prompt`:
    the two must agree, or rows would be cut or padded."""
    quotes = [*frozen_seed().quotes, *many_quotes(30).quotes]
    wide = "日本語の引用文は ここにあります"
    quotes.append(Quote(id="wide", text=wide, start=0, end=1, speaker="李"))
    quotes.append(Quote(id="rep", text="the talks would go on", start=0, end=1, kind="indirect"))
    console = Console(width=200, color_system=None, file=None, legacy_windows=False)
    for width in range(12, 60):
        for quote in quotes:
            drawn = len(quote_prompt(quote, width).wrap(console, width))
            assert quote_prompt_lines(quote, width) == min(drawn, QUOTE_LINES), (quote, width)


async def test_n_and_p_step_from_the_view_once_the_current_quote_is_scrolled_away() -> None:
    analysis = many_quotes(600)
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("n")
        assert screen.selection.quote == analysis.quotes[0]
        await pilot.press("n")
        assert screen.selection.quote == analysis.quotes[1]  # on screen: from the current one
        await pilot.press("G")  # far from it now
        await pilot.pause()
        start, _ = screen.article_view.visible_span()
        await pilot.press("p")
        # The last quote above the view, not the quote before the first.
        before = [quote for quote in analysis.quotes if quote.start < start]
        assert screen.selection.quote == before[-1]
        await pilot.press("g", "n")
        assert screen.selection.quote == analysis.quotes[0]
