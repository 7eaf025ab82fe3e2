"""Highlights in the app, driven by real keys and the mouse: `v` selects (`j`/`k` by sentence,
`w`/`b` by word, a drag), `a` keeps with a note and #tags in a real SQLite library, `'` steps
through them, and the highlights screen lists, filters, opens, edits and deletes them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from support.tui_seed import SEED, frozen_seed, screen_text
from textual import events

from reader.keep.highlights import new_highlight
from reader.model import Analysis
from reader.store.highlights import HighlightStore
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.dialogs.text_prompt import TextPrompt
from reader.tui.screens.highlights import HighlightsScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView

SIZE = (120, 40)


@pytest.fixture
def seed() -> Analysis:
    analysis = frozen_seed()
    # The source as the library finds it again: the sample file, by its absolute path.
    article = dataclasses.replace(analysis.article, source=str(SEED))
    return dataclasses.replace(analysis, article=article)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "library.sqlite3")


def notes(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def view_of(app: ReaderApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def cell_of(view: ArticleView, offset: int) -> tuple[int, int]:
    assert view.line_index is not None
    number = view.line_index.line_at(offset)
    line = view.line_index[number]
    x = view.left_margin + line.indent + (offset - line.start)
    region = view.content_region
    return region.x + x, region.y + number - int(view.scroll_y)


async def test_v_selects_a_sentence_and_j_k_w_b_grow_and_shrink_it(seed: Analysis) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    text = seed.article.text
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        assert view.selection is None
        await pilot.press("v")
        first = view.selection
        assert first is not None and first[0] == seed.article.blocks[0].start
        assert text[first[1] - 1] in '.!?"”' and "Selecting" in str(view.border_subtitle)
        await pilot.press("j")  # a sentence more: the text up to the end of the next one
        two = view.selection
        assert two is not None and two[0] == first[0] and two[1] > first[1]
        assert text[first[1] : two[1]].strip() and text[two[1] - 1] in '.!?"”'
        await pilot.press("k")
        assert view.selection == first
        await pilot.press("w")  # a word more: one run of letters and its punctuation
        word = view.selection
        assert word is not None and len(text[first[1] : word[1]].split()) == 1
        await pilot.press("b")
        assert view.selection == first
        await pilot.press("k")  # never less than one sentence: a bell, nothing moves
        assert view.selection == first
        assert view.scroll_y == 0  # `j`/`k` shaped the selection and did not scroll
        await pilot.press("escape")
        assert view.selection is None and view.border_subtitle is None
        assert isinstance(app.screen, ReaderScreen)  # escape only cancelled the selection


async def test_a_keeps_the_selection_with_its_note_and_tags(
    seed: Analysis, library: Library
) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v", "j")
        span = view.selection
        assert span is not None
        await pilot.press("a")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Talks resume #korea #Olympics", "enter")
        await pilot.pause()
        [kept] = HighlightStore(library).all()
        assert (kept.start, kept.end) == span
        assert kept.passage == seed.article.text[span[0] : span[1]]
        assert (kept.note, kept.tags) == ("Talks resume", ("korea", "olympics"))
        assert view.selection is None
        assert view._spans.highlights.spans == [span]  # drawn from the span lookup
        assert any("Highlight kept (1 in this article)" in note for note in notes(app))


async def test_highlights_survive_reopening_and_rewrapping(
    seed: Analysis, library: Library
) -> None:
    article = seed.article
    start = article.blocks[2].start
    HighlightStore(library).add(new_highlight(article, start, start + 40))
    app = ReaderApp(article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = view_of(app)
        kept = view._spans.highlights.spans
        assert len(kept) == 1 and article.text[kept[0][0] : kept[0][1]].strip()
        lines_before = len(view.line_index or ())
        await pilot.press("minus", "minus", "minus")  # a narrower column: the text re-wraps
        await pilot.pause()
        assert len(view.line_index or ()) > lines_before
        assert view._spans.highlights.spans == kept
        await pilot.press("apostrophe")
        assert view.current_highlight_span == kept[0]
        assert "Highlight 1 of 1" in str(view.border_subtitle)


async def test_a_highlight_whose_text_changed_is_not_drawn_and_one_line_says_so(
    seed: Analysis, library: Library
) -> None:
    article = seed.article
    HighlightStore(library).add(new_highlight(article, 0, 30))
    edited = dataclasses.replace(article, text="Corrected: " + article.text[11:])
    app = ReaderApp(edited, analysis=Analysis(edited), library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert view_of(app)._spans.highlights.spans == []
        changed = [note for note in notes(app) if "its text changed" in note]
        assert len(changed) == 1 and changed[0].startswith("1 highlight was made")


async def test_apostrophe_steps_through_highlights_with_a_counter_and_says_at_the_end(
    seed: Analysis, library: Library
) -> None:
    article = seed.article
    store = HighlightStore(library)
    spans = []
    for block in article.blocks[1:3]:
        spans.append(store.add(new_highlight(article, block.start, block.start + 20)).span)
    app = ReaderApp(article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = view_of(app)
        await pilot.press("apostrophe")
        assert view.current_highlight_span == spans[0]
        assert "Highlight 1 of 2" in str(view.border_subtitle)
        await pilot.press("apostrophe")
        assert view.current_highlight_span == spans[1]
        assert "Highlight 2 of 2" in str(view.border_subtitle)
        await pilot.press("apostrophe")
        assert view.current_highlight_span == spans[1]
        assert "No highlight after this one (2 of 2 in this article)." in notes(app)
        await pilot.press("quotation_mark")
        assert view.current_highlight_span == spans[0]


async def test_a_mouse_drag_selects_the_words_it_went_over(seed: Analysis) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    text = seed.article.text
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = view_of(app)
        block = seed.article.blocks[1]
        start, end = block.start + 2, block.start + 25  # inside the first and another word
        await pilot.mouse_down(offset=cell_of(view, start))
        await pilot._post_mouse_events([events.MouseMove], None, cell_of(view, end), button=1)
        await pilot.mouse_up(offset=cell_of(view, end))
        await pilot.pause()
        span = view.selection
        assert span is not None and span[0] == block.start  # whole words
        assert span[0] <= start < end <= span[1] and not text[span[1] - 1].isspace()
        assert text[span[1]].isspace()


async def test_the_highlights_screen_lists_filters_opens_edits_and_deletes(
    seed: Analysis, library: Library
) -> None:
    article = seed.article
    store = HighlightStore(library)
    first = store.add(new_highlight(article, article.blocks[1].start, article.blocks[1].end,
                                    "the first", ("korea",)))  # fmt: skip
    store.add(new_highlight(article, article.blocks[2].start, article.blocks[2].end, "second"))
    app = ReaderApp(library=library)  # the library: `H` opens the highlights from there too
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("H")
        assert isinstance(app.screen, HighlightsScreen)
        shown = screen_text(app)
        assert "2 highlights" in shown and "the first" in shown and "second" in shown
        await pilot.press("slash", *"tag:korea")
        screen = app.screen
        assert [h.id for h in screen.shown] == [first.id]
        assert "1 of 2 highlights match" in screen_text(app)
        await pilot.press("enter")  # back to the list
        await pilot.press("n")  # edit the note
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("ctrl+u", *"edited #korea #later", "enter")
        await pilot.pause()
        edited = store.get(first.id or 0)
        assert edited is not None and (edited.note, edited.tags) == ("edited", ("korea", "later"))
        await pilot.press("enter")  # open the article at the highlight
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert view_of(app).current_highlight_span == first.span
        await pilot.press("escape")  # back to the highlights
        assert isinstance(app.screen, HighlightsScreen)
        await pilot.press("escape", "d")  # clear the filter, delete the newest
        await pilot.pause()
        assert [h.id for h in store.all()] == [first.id]
        assert "1 highlight" in screen_text(app)


async def test_x_on_the_highlights_screen_exports_the_ones_listed(
    seed: Analysis, library: Library, tmp_path: Path
) -> None:
    from reader.store.config import Settings

    article = seed.article
    store = HighlightStore(library)
    store.add(new_highlight(article, article.blocks[1].start, article.blocks[1].end, "kept"))
    folder = tmp_path / "vault"
    app = ReaderApp(article, analysis=seed, library=library, settings=Settings(export_dir=folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("H")  # from the reader
        assert isinstance(app.screen, HighlightsScreen)
        await pilot.press("x")
        await pilot.pause()
        [written] = folder.glob("*.md")
        text = written.read_text(encoding="utf-8")
        assert text.startswith("---\ntitle: ") and "\n> " in text and "\nkept\n" in text
        assert any(str(folder) in note for note in notes(app))
        await pilot.press("H")  # back to the article
        assert isinstance(app.screen, ReaderScreen)


async def test_a_highlight_deleted_in_the_list_is_gone_from_the_article(
    seed: Analysis, library: Library
) -> None:
    article = seed.article
    start = article.blocks[1].start
    HighlightStore(library).add(new_highlight(article, start, start + 40))
    app = ReaderApp(article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(view_of(app)._spans.highlights) == 1
        await pilot.press("apostrophe", "H", "d")
        await pilot.pause()
        await pilot.press("escape")  # back to the article
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert len(view_of(app)._spans.highlights) == 0
        assert view_of(app).current_highlight_span is None
        assert view_of(app).border_subtitle is None  # no count of a highlight that is gone


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(one: tuple[int, int, int], two: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def test_highlights_are_readable_and_visible_on_every_theme(seed: Analysis) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            view = view_of(app)
            base = view.rich_style
            assert base.bgcolor is not None
            page = base.bgcolor.get_truecolor()
            for component in ("article-view--highlight", "article-view--current-highlight"):
                style = base + view.get_component_rich_style(component)
                assert style.color is not None and style.bgcolor is not None
                fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
                assert _contrast(fg, bg) >= 4.0, (theme, component)  # text stays readable
                assert _contrast(bg, page) >= 1.1, (theme, component)  # and stands out


async def test_with_the_focus_filter_on_a_selection_keeps_to_one_shown_paragraph(
    seed: Analysis,
) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("f")  # only the paragraphs with quotes
        await pilot.pause()
        assert view.filtered
        await pilot.press("v")
        first = view.selection
        assert first is not None
        block = next(b for b in view.shown_article.blocks if b.start <= first[0] < b.end)
        for _ in range(12):
            await pilot.press("j")
        span = view.selection
        assert span is not None and span[0] == first[0] and span[1] <= block.end


async def test_a_drag_onto_the_blank_line_below_a_paragraph_ends_with_that_paragraph(
    seed: Analysis,
) -> None:
    app = ReaderApp(seed.article, analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = view_of(app)
        block = seed.article.blocks[1]
        assert view.line_index is not None
        blank = view.line_index.line_at(block.end) + 1  # the blank line after the paragraph
        assert view.line_index[blank].kind == "blank"
        region = view.content_region
        await pilot.mouse_down(offset=cell_of(view, block.start + 1))
        below = (region.x + 10, region.y + blank - int(view.scroll_y))
        await pilot._post_mouse_events([events.MouseMove], None, below, button=1)
        await pilot.mouse_up(offset=below)
        await pilot.pause()
        assert view.selection == (block.start, block.end)
        assert not app.screen.selections  # Textual's own selection did not start as well


async def test_escape_in_the_note_prompt_keeps_nothing_and_enter_keeps_without_a_note(
    seed: Analysis, library: Library
) -> None:
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v", "a")
        span = view.selection
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("escape")
        await pilot.pause()
        assert HighlightStore(library).all() == [] and view.selection == span
        await pilot.press("a", "enter")  # an empty note: kept, with none
        await pilot.pause()
        [kept] = HighlightStore(library).all()
        assert (kept.span, kept.note, kept.tags) == (span, "", ())
