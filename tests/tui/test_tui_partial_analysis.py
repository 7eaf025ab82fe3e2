"""A long article's analysis fills the panes in steps; what the reader selected stays selected."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from typing import Any

import pytest
from support.tui_seed import frozen_seed, screen_text

from reader.analyze.worker import PARTIAL_FIRST_CHARS, analyse_in_child
from reader.model import Analysis, Article, Mention
from reader.tui.app import ReaderApp
from reader.tui.messages import AnalysisPartial, AnalysisProgress, AnalysisReady

SIZE = (120, 40)


def test_the_child_sends_the_first_part_then_the_whole_analysis(nlp: Any) -> None:
    from reader.analyze import analyze

    seed = frozen_seed().article
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks]
    article = Article.from_blocks("long.txt", parts * 18, title="Long")
    assert len(article.text) > 2 * PARTIAL_FIRST_CHARS
    partials: list[Analysis] = []
    final = asyncio.run(analyse_in_child(article, lambda fraction: None, partials.append))

    assert partials
    for partial in partials:
        # The article sent, with the language the child found in it.
        assert partial.article.text is article.text
        assert partial.article == replace(article, lang="en")
        assert 0 < len(partial.quotes) < len(final.quotes)
        for quote in partial.quotes:  # offsets in the whole article
            assert article.text[quote.start : quote.end] == quote.text
        first = {(quote.start, quote.end) for quote in final.quotes}
        assert {(quote.start, quote.end) for quote in partial.quotes} <= first
    whole = analyze(article)
    assert final.quotes == whole.quotes and final.entities == whole.entities


def _first_part(analysis: Analysis) -> Analysis:
    """The seed's analysis as a partial one would be: its first half, numbered anew."""
    half = len(analysis.article.text) // 2
    entities = []
    for entity in analysis.entities:
        mentions = tuple(m for m in entity.mentions if m.end <= half)
        if mentions:
            entities.append(replace(entity, id=f"p{len(entities) + 1}", mentions=mentions))
    ids = {e.name: e.id for e in entities}
    quotes = [
        replace(q, id=f"pq{n}", speaker_id=ids.get(q.speaker or ""))
        for n, q in enumerate((q for q in analysis.quotes if q.end <= half), start=1)
    ]
    return Analysis(analysis.article, entities=tuple(entities), quotes=tuple(quotes))


async def test_partial_results_are_listed_and_the_selection_survives_the_whole(nlp: Any) -> None:
    seed = frozen_seed()
    first = _first_part(seed)
    app = ReaderApp(seed.article)
    async with app.run_test(size=SIZE) as pilot:
        app.workers.cancel_all()  # the messages below stand for the child's
        screen = app.screen
        screen.post_message(AnalysisPartial(first))
        screen.post_message(AnalysisProgress(0.5))
        await pilot.pause()
        assert screen.entities_pane.entities == first.entities
        assert "analysing… 50%" in screen_text(app)  # below the lists, which show

        await pilot.press("2", "enter")  # select the first entity listed
        await pilot.pause()
        chosen = screen.selected
        assert chosen is not None and chosen.id.startswith("p")
        await pilot.press("right_square_bracket")  # its second mention, if any
        mention = screen.article_view.current_mention

        screen.post_message(AnalysisReady(seed))
        await pilot.pause()
        assert "analysing" not in screen_text(app)
        assert screen.analysis is not None and len(screen.analysis.quotes) == len(seed.quotes)
        again = screen.selected
        assert again is not None and again.name == chosen.name and again in seed.entities
        assert screen.entities_pane.selected_id == again.id
        assert screen.article_view.current_mention == mention
        assert mention is None or Mention(*mention) == again.mentions[screen.selection.mention]
        spoken = [q for q in seed.quotes if q.speaker_id == again.id]
        assert list(screen.quotes_pane.quotes) == [
            q for q in spoken if screen.quotes_pane.show_reported or q.kind != "indirect"
        ]


async def test_new_results_list_the_quotes_once_with_the_selection_kept() -> None:
    # With an entity selected, the whole analysis replaces the partial one: the quote list is
    # filled once, with the entity's quotes (not with every quote, then again with its own).
    seed = frozen_seed()
    app = ReaderApp(seed.article)
    async with app.run_test(size=SIZE) as pilot:
        app.workers.cancel_all()  # the messages below stand for the child's
        screen = app.screen
        screen.post_message(AnalysisPartial(_first_part(seed)))
        await pilot.pause()
        await pilot.press("2", "enter")  # select the first entity listed
        await pilot.pause()
        chosen = screen.selected
        assert chosen is not None
        pane = screen.quotes_pane
        listed: list[str | None] = []
        show_quotes = pane.show_quotes

        def counted(quotes: Any, *, speaker: str | None = None) -> None:
            listed.append(speaker)
            show_quotes(quotes, speaker=speaker)

        pane.show_quotes = counted  # type: ignore[method-assign]
        screen.post_message(AnalysisReady(seed))
        await pilot.pause()
        assert listed == [chosen.name]
        assert pane.speaker == chosen.name


def test_partial_results_keep_coming_as_the_parse_doubles() -> None:
    """For a 2 MB article: at 20k characters parsed, then each time the parse has doubled,
    until three quarters are parsed (the whole analysis is near then)."""
    from reader.analyze.worker import PartialResults

    article = Article.from_blocks("big.txt", [("paragraph", "word " * 400_000)], title="Big")
    schedule = PartialResults(article, lambda found: None)
    due = [parsed for parsed in range(5_000, len(article.text), 5_000) if schedule.due(parsed)]
    assert due == [20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000]
    short = PartialResults(Article.from_blocks("s.txt", [("paragraph", "word " * 6_000)]), print)
    assert not any(short.due(parsed) for parsed in range(1_000, 30_000, 1_000))


def test_the_analysis_runs_at_a_lower_priority_than_the_reader() -> None:
    """The child lowers its own priority, so that keys win over the analysis for the CPU."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    from reader.analyze.worker import NICENESS

    child = subprocess.Popen(
        [sys.executable, "-m", "reader.analyze.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        ours = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[16])
        deadline = time.monotonic() + 20
        niceness = ours
        idle_class = getattr(os, "SCHED_IDLE", None)
        policy = None
        while time.monotonic() < deadline and (niceness == ours or policy != idle_class):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            niceness, policy = int(fields[16]), int(fields[38])
            time.sleep(0.02)
        assert niceness == min(19, ours + NICENESS)
        if idle_class is not None:  # Linux: the idle scheduling class too
            assert policy == idle_class
    finally:
        child.kill()
        child.wait()


async def test_partial_results_wait_for_a_pause_in_the_keys(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A partial result that arrives while the reader is pressing keys is shown once the
    keys pause, so that no key waits behind the few frames it takes."""
    from reader.tui.screens import analysis_feed

    # A pause long enough that a busy machine's slow frame cannot pass for it.
    monkeypatch.setattr(analysis_feed, "KEYS_QUIET_SECONDS", 2.0)
    seed = frozen_seed()
    first = _first_part(seed)
    app = ReaderApp(seed.article)
    async with app.run_test(size=SIZE) as pilot:
        app.workers.cancel_all()  # the message below stands for the child's
        screen = app.screen
        await pilot.press("j")
        screen.post_message(AnalysisPartial(first))
        await pilot.pause()
        assert screen.entities_pane.entities == ()  # not yet: a key came just now
        deadline = time.monotonic() + 20
        while screen.entities_pane.entities != first.entities and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert screen.entities_pane.entities == first.entities
        assert time.monotonic() - app.context.last_key_at >= 2.0


async def test_progress_repaints_the_panes_only_when_its_figure_changes(nlp: Any) -> None:
    """Progress comes many times a second; a figure already shown costs no repaint."""
    seed = frozen_seed()
    app = ReaderApp(seed.article)
    async with app.run_test(size=SIZE) as pilot:
        app.workers.cancel_all()  # the messages below stand for the child's
        screen = app.screen
        repaints: list[str] = []
        for pane in (screen.entities_pane, screen.quotes_pane):
            refresh = pane.refresh

            def counting(*args: Any, _refresh: Any = refresh, **kwargs: Any) -> Any:
                repaints.append("pane")
                return _refresh(*args, **kwargs)

            pane.refresh = counting  # type: ignore[method-assign]
        screen.post_message(AnalysisPartial(_first_part(seed)))
        screen.post_message(AnalysisProgress(0.5))
        await pilot.pause()
        assert "analysing… 50%" in screen_text(app)
        repaints.clear()
        for fraction in (0.501, 0.502, 0.503):
            screen.post_message(AnalysisProgress(fraction))
        await pilot.pause()
        assert repaints == []
        screen.post_message(AnalysisProgress(0.51))
        await pilot.pause()
        assert repaints and "analysing… 51%" in screen_text(app)
