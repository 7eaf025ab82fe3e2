"""What a new user tripped over in the lists, fixed: quote entries that fill their lines,
markers and messages of the focus filter, the quote card's keys and the speaker's other
quotes, type-to-filter in the entity list and the pickers. Real keys through Pilot."""

from __future__ import annotations

from support.tui_seed import frozen_seed, screen_text

from reader.model import Analysis, Article, Block, Entity, Quote
from reader.tui.app import ReaderApp
from reader.tui.widgets.entities_pane import EntityList
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


async def test_with_the_focus_filter_on_the_markers_follow_the_paragraphs_shown() -> None:
    """The ▌ markers in the sidebar came from the text between the first and the last line
    on screen, hidden paragraphs included."""
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("2")
        entity_list = screen.query_one(EntityList)
        while entity_list.highlighted_id != "person-donald-trump":  # paragraphs 4 and 12
            await pilot.press("j")
        await pilot.press("enter")
        trump = screen.selected
        assert trump is not None and trump.name == "Donald Trump"
        await pilot.press("f")
        await pilot.pause(0.2)
        view = screen.article_view
        shown = [
            block
            for block in analysis.article.blocks
            if any(block.start <= m.start < block.end for m in trump.mentions)
        ]
        visible = view.visible_span()
        assert visible is not None and visible[0] <= shown[0].start and shown[-1].end <= visible[1]
        hidden = [b for b in analysis.article.blocks if shown[0].end < b.start < shown[-1].start]
        assert hidden  # the blocks between the two are left out

        def named_in(blocks: list[Block], entity: Entity) -> bool:
            return any(b.start <= m.start < b.end for b in blocks for m in entity.mentions)

        expected = {e.id for e in analysis.entities if named_in(shown, e)}
        assert any(named_in(hidden, e) and e.id not in expected for e in analysis.entities)
        assert screen.entities_pane.in_view == expected
        quotes = {q.id for q in analysis.quotes if any(b.start <= q.start < b.end for b in shown)}
        assert screen.quotes_pane.in_view == quotes


async def test_f_during_the_analysis_says_it_is_analysing() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article)
    async with app.run_test(size=(120, 40)) as pilot:
        app.workers.cancel_all()  # the analysis is still to come
        await pilot.pause()
        assert app.screen.analysis is None
        await pilot.press("f")
        said = [str(n.message) for n in app._notifications]
        assert said and said[-1].startswith("Analysing…")
        assert "none with quotes" not in said[-1]
        assert not app.screen.article_view.filtered


async def test_the_card_shows_its_own_keys_and_steps_through_the_speakers_quotes() -> None:
    """The card's footer showed the quote list's keys (`n Next quote`, `/ Search`), none of
    which worked there; `n` / `p` now step through the speaker's quotes in the card."""
    from reader.tui.dialogs.quote_card import QuoteCard

    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        await pilot.press("3", "j", "enter")  # Grant Newsham's first quote of three
        await pilot.pause()
        assert isinstance(app.screen, QuoteCard)
        key_bar = screen_text(app).splitlines()[-1]
        assert "Copy quote with citation" in key_bar and "Next by this speaker" in key_bar
        for elsewhere in ("Next quote", "Search", "Reported speech", "Go to quote"):
            assert elsewhere not in key_bar
        newsham = [q for q in analysis.quotes if q.speaker == "Grant Newsham"]
        assert len(newsham) == 3
        assert "1 of 3 by this speaker" in screen_text(app)
        await pilot.press("n")
        assert app.screen.quote == newsham[1]
        assert "2 of 3 by this speaker" in screen_text(app)
        assert "“There's even a sense in this group" in screen_text(app)
        await pilot.press("n", "n")  # the last: it says so and stays
        assert app.screen.quote == newsham[2]
        said = [str(n.message) for n in app._notifications]
        assert said[-1] == "No quote by Grant Newsham after this one (3 of 3)."
        await pilot.press("p")
        assert app.screen.quote == newsham[1]
        await pilot.press("escape")  # back in the reader, at the quote shown last
        assert app.screen is reader
        assert reader.selection.quote == newsham[1]
        start = reader.article_view.current_span
        assert start is not None and start[0] <= newsham[1].start


async def test_slash_in_the_entity_list_filters_it_and_escape_lists_all_again() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        pane = screen.entities_pane
        await pilot.press("2", "slash")
        await pilot.pause()
        assert not screen.search_bar.is_open  # `/` here filters the list, not the article
        await pilot.press(*"kor")
        await pilot.pause()
        kept = [e for e in analysis.entities if "kor" in e.name.casefold()]
        assert 1 < len(kept) < len(analysis.entities)
        shown = screen_text(app)
        assert f"Entities {len(kept)} of {len(analysis.entities)}" in shown
        assert "Grant Newsham" not in shown.split("Quotes")[0].split("Entities")[1]
        await pilot.press("enter")  # back to the list: enter selects an entity kept
        await pilot.press("enter")
        assert screen.selected is not None and "kor" in screen.selected.name.casefold()
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert f"Entities {len(analysis.entities)}" in screen_text(app)
        assert screen.focused is pane.entity_list


async def test_the_merge_picker_filters_by_typing_and_enter_takes_the_one_left() -> None:
    from reader.tui.dialogs.choice_prompt import ChoicePrompt

    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("2")
        entity_list = screen.query_one(EntityList)
        while entity_list.highlighted_id != "place-seoul":
            await pilot.press("j")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press(*"pyong")  # not a key of the list: it starts the filter
        await pilot.pause()
        assert "1 of" in screen_text(app) and "Pyongyang" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.analysis is not None
        assert screen.analysis.entity("place-seoul") is None  # merged into Pyongyang
