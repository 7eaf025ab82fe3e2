"""Snapshots of the three-pane layout at 80x24 and 120x40, the help dialog, the quote card
and the library (pytest-textual-snapshot).

The app gets the seed's frozen real analysis (`tui_seed_analysis.json`), so the pictures do
not depend on worker timing. After a deliberate change to the layout, review and refresh:
`pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.tui_seed import SEED, frozen_seed
from textual.pilot import Pilot

from reader.store.library import Library
from reader.tui.app import ReaderApp


def seed_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_layout_80x24(snap_compare: Any) -> None:
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=settle)


def test_second_quote_current_120x40(snap_compare: Any) -> None:
    assert snap_compare(seed_app(), terminal_size=(120, 40), press=["n", "n"], run_before=settle)


def test_entity_selected_120x40(snap_compare: Any) -> None:
    # Entities pane, second person (Grant Newsham), select: mentions marked, quotes filtered.
    assert snap_compare(
        seed_app(), terminal_size=(120, 40), press=["2", "j", "enter"], run_before=settle
    )


def test_help_dialog_120x40(snap_compare: Any) -> None:
    # `?` opens the keys, built by the app from the bindings.
    assert snap_compare(seed_app(), terminal_size=(120, 40), press=["question_mark"])


def test_quote_card_100x30(snap_compare: Any) -> None:
    # Quote list, second quote, enter: the card with the quote whole and its place.
    assert snap_compare(
        seed_app(), terminal_size=(100, 30), press=["3", "j", "enter"], run_before=settle
    )


def test_library_history_100x24(snap_compare: Any, tmp_path: Path) -> None:
    # The history of articles opened (no folder, so no machine path on screen).
    analysis = frozen_seed()
    library = Library.open(tmp_path / "library.sqlite3")
    library.record_open(str(SEED), analysis.article)
    library.save_quote_count(analysis.article, len(analysis.quotes))
    assert snap_compare(ReaderApp(library=library), terminal_size=(100, 24), run_before=settle)
