"""Snapshots of the three-pane layout at 120x40, the narrow layout at 80x24 and 40x20 (the
sidebar a drawer), the help dialog, the quote card and the library (pytest-textual-snapshot).

The app gets the seed's frozen real analysis (`tui_seed_analysis.json`), so the pictures do
not depend on worker timing. After a deliberate change to the layout, review and refresh:
`pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from support.tui_seed import SEED, frozen_seed
from textual.pilot import Pilot

from reader.model import Link
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView


def seed_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for the workers and for the scroll-spy: the panes mark what is in view 50 ms after
    the view moves, and a picture taken before that would depend on the machine's speed."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    # The panes' marks follow the last ViewMoved; one is posted for where the view is now, so
    # the picture never holds marks of a place the view has left (as behind the quote card).
    for view in (v for screen in pilot.app.screen_stack for v in screen.query(ArticleView)):
        span = view.visible_span()
        if span is not None:
            view.post_message(ArticleView.ViewMoved(*span))
    quiet = 0
    while quiet < 2:  # two looks in a row with no scroll-spy timer waiting
        await pilot.pause(0.06)
        pending = any(getattr(screen, "_spy_pending", False) for screen in pilot.app.screen_stack)
        quiet = 0 if pending else quiet + 1
    await pilot.pause()


def pressing(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Settle, press `keys`, and settle again before the picture is taken."""

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


def test_layout_80x24(snap_compare: Any) -> None:
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=settle)


def test_second_quote_current_120x40(snap_compare: Any) -> None:
    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=pressing("n", "n"))


def test_entity_selected_120x40(snap_compare: Any) -> None:
    # Entities pane, second person (Grant Newsham), select: mentions marked, quotes filtered.
    assert snap_compare(
        seed_app(), terminal_size=(120, 40), run_before=pressing("2", "j", "enter")
    )


def test_help_dialog_120x40(snap_compare: Any) -> None:
    # `?` opens the keys, built by the app from the bindings.
    assert snap_compare(seed_app(), terminal_size=(120, 40), press=["question_mark"])


def test_quote_card_100x30(snap_compare: Any) -> None:
    # Quote list, second quote, enter: the card with the quote whole and its place.
    assert snap_compare(
        seed_app(), terminal_size=(100, 30), run_before=pressing("3", "j", "enter")
    )


def test_library_history_100x24(snap_compare: Any, tmp_path: Path) -> None:
    # The history of articles opened (no folder, so no machine path on screen).
    analysis = frozen_seed()
    library = Library.open(tmp_path / "library.sqlite3")
    library.record_open(str(SEED), analysis.article)
    library.save_quote_count(analysis.article, analysis.quote_count)
    library.save_position(analysis.article, 0, 40)
    # A fixed day (noon UTC) for the "Read on" column, so the picture does not age.
    library.connection.execute("UPDATE history SET opened_at = 1718798400")
    assert snap_compare(ReaderApp(library=library), terminal_size=(100, 24), run_before=settle)


def linked_seed_app() -> ReaderApp:
    """The seed with links on a few of its words (fixed hrefs: no server port in a picture)."""
    analysis = frozen_seed()
    article = analysis.article
    text = article.text
    links = []
    for words, href in (
        ("Pyeongchang Olympic Stadium", "https://www.example.org/olympics/stadium"),
        ("high-level talks", "https://news.example.com/korea/talks?ref=1"),
        ("Winter Olympics", "https://www.example.org/olympics"),
        ("Kim Jong Un", "mailto:desk@example.org"),
    ):
        start = text.index(words)
        links.append(Link(start, start + len(words), href))
    links.sort(key=lambda link: link.start)
    article = replace(article, links=tuple(links))
    return ReaderApp(article, analysis=replace(analysis, article=article))


def test_link_hints_100x30(snap_compare: Any) -> None:
    # `o`: a number over each link on screen, the article's subtitle says what to type.
    assert snap_compare(linked_seed_app(), terminal_size=(100, 30), run_before=pressing("o"))


def test_links_list_100x30(snap_compare: Any) -> None:
    # `L`: every link with its text and host; typing filters.
    assert snap_compare(linked_seed_app(), terminal_size=(100, 30), run_before=pressing("L"))


def test_narrow_layout_40x20(snap_compare: Any) -> None:
    # Below 90 columns the article has the width; the sidebar waits in a drawer (`\`).
    assert snap_compare(seed_app(), terminal_size=(40, 20), run_before=settle)


def test_narrow_drawer_open_80x24(snap_compare: Any) -> None:
    # `\` on a narrow screen: the entities and quotes in a drawer over the article's right side.
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=pressing("backslash"))


def test_highlight_drawn_100x30(snap_compare: Any, tmp_path: Path) -> None:
    # A highlight kept in the library is drawn in its own colour; `'` makes it current.
    from reader.keep.highlights import new_highlight
    from reader.store.highlights import HighlightStore

    analysis = frozen_seed()
    article = analysis.article
    library = Library.open(tmp_path / "library.sqlite3")
    block = article.blocks[1]
    HighlightStore(library).add(new_highlight(article, block.start, block.start + 120))
    start = article.blocks[3].start
    HighlightStore(library).add(new_highlight(article, start, start + 60))
    app = ReaderApp(article, analysis=analysis, library=library)
    assert snap_compare(app, terminal_size=(100, 30), run_before=pressing("apostrophe"))
