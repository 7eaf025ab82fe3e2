"""Attribution shown and cited: the card's evidence, the panel's unsure `?`, and citations that
never put words in a mouth (unattributed quotes, reported speech) in the card's `y`, Markdown
and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from support.tui_seed import frozen_seed, screen_text

from reader.keep.export.citation import quote_citation
from reader.keep.export.csv import quotes_csv
from reader.keep.export.markdown import notes_to_markdown
from reader.model import Analysis
from reader.tui.app import ReaderApp
from reader.tui.dialogs.quote_card import QuoteCard
from reader.tui.widgets.quotes_pane import QuotesPane

SIZE = (100, 30)


def with_quote(analysis: Analysis, index: int, **changes: object) -> Analysis:
    quotes = list(analysis.quotes)
    quotes[index] = replace(quotes[index], **changes)  # type: ignore[arg-type]
    return replace(analysis, quotes=tuple(quotes))


def newsham_span(analysis: Analysis) -> tuple[int, int]:
    text = analysis.article.text
    start = text.index("Newsham")
    return start, start + len("Newsham")


async def test_the_card_shows_the_words_that_name_the_speaker_and_how_sure() -> None:
    seed = frozen_seed()
    analysis = with_quote(seed, 1, speaker_span=newsham_span(seed), confidence=0.87)
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuoteCard)
        text = screen_text(app)
        assert "Evidence: “Newsham” → Grant Newsham · cue: tells VOA · 87% sure" in text


async def test_the_card_says_why_no_speaker_was_given_and_y_cites_it_unattributed() -> None:
    seed = frozen_seed()
    analysis = with_quote(
        seed, 1, speaker=None, speaker_id=None, cue="officials said", confidence=0.31
    )
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuoteCard)
        text = screen_text(app)
        assert "no speaker given: the likeliest one was too unsure" in text
        await pilot.press("y")
        quote = analysis.quotes[1]
        words = " ".join(quote.text.split())
        assert app.clipboard.startswith(f"“{words}” — unattributed (officials), ")
        assert app.clipboard == quote_citation(quote, analysis.article)


async def test_the_quotes_panel_marks_an_unsure_speaker_with_a_question_mark() -> None:
    seed = frozen_seed()
    analysis = with_quote(seed, 1, confidence=0.35)
    analysis = with_quote(analysis, 2, confidence=0.95)
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE):
        pane = app.screen.query_one(QuotesPane)
        rows = pane.quote_list
        prompts = [rows.row_text(row).plain[1:] for row in range(rows.row_count)]
        unsure = rows.row_text(1)
        assert prompts[1].startswith("Grant Newsham?: ")
        assert prompts[2].startswith("Grant Newsham: ")
        mark = unsure.plain.index("?")
        assert any(
            span.start <= mark < span.end and "dim" in str(span.style) for span in unsure.spans
        )


def test_an_unattributed_quote_never_cites_the_headline_as_its_speaker() -> None:
    seed = frozen_seed()
    article = seed.article
    quote = replace(seed.quotes[1], speaker=None, speaker_id=None, cue="officers said")
    cited = quote_citation(quote, article)
    assert cited.startswith(f"“{' '.join(quote.text.split())}” — unattributed (officers), ")
    assert cited.endswith(", ".join(p for p in (article.title, article.site) if p))
    bare = quote_citation(replace(quote, cue=None), article)
    assert f"” — unattributed, {article.title}" in bare


def test_reported_speech_is_cited_without_quote_marks() -> None:
    seed = frozen_seed()
    quote = replace(seed.quotes[1], kind="indirect", cue="said", text="talks would resume")
    cited = quote_citation(quote, seed.article)
    assert cited.startswith("Grant Newsham said that talks would resume — ")
    assert "“" not in cited and "”" not in cited


def test_markdown_and_csv_cite_unattributed_and_reported_speech_the_same_way() -> None:
    seed = frozen_seed()
    analysis = with_quote(seed, 1, speaker=None, speaker_id=None, cue="officers said")
    analysis = with_quote(analysis, 2, kind="indirect", cue="said", text="talks would resume")
    unattributed, reported = analysis.quotes[1], analysis.quotes[2]
    markdown = notes_to_markdown(analysis)
    assert f"- {quote_citation(unattributed, analysis.article)}" in markdown
    assert "- Grant Newsham said that talks would resume — " in markdown
    assert "“talks would resume”" not in markdown
    rows = list(csv.DictReader(io.StringIO(quotes_csv([analysis]))))
    by_id = {row["id"]: row for row in rows}
    assert by_id[unattributed.id]["citation"].startswith("“")
    assert " — unattributed (officers), " in by_id[unattributed.id]["citation"]
    assert by_id[reported.id]["citation"].startswith("Grant Newsham said that talks would")


async def test_brackets_skip_a_pronoun_listed_as_a_speakers_mention() -> None:
    from reader.model import Mention
    from reader.tui.screens.reader import ReaderScreen

    seed = frozen_seed()
    entity = next(e for e in seed.entities if e.name == "Grant Newsham")
    first, second = entity.mentions[0], entity.mentions[1]
    text = seed.article.text
    he = text.find(" he ", first.end, second.start)
    start = he + 1 if he >= 0 else first.end + 1
    pronoun = Mention(start, start + 2, "pronoun")
    mentions = tuple(sorted([*entity.mentions, pronoun], key=lambda m: m.start))
    changed = replace(entity, mentions=mentions)
    analysis = replace(
        seed, entities=tuple(changed if e.id == entity.id else e for e in seed.entities)
    )
    assert changed.named_mentions == entity.mentions
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.select_entity(changed)
        await pilot.pause()
        view = screen.article_view
        assert view.current_mention == (first.start, first.end)
        await pilot.press("]")
        assert view.current_mention == (second.start, second.end)
        await pilot.press("[")
        assert view.current_mention == (first.start, first.end)
