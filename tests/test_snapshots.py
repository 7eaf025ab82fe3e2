"""Snapshots of the three-pane layout at 80x24 and 120x40 (pytest-textual-snapshot).

The app gets the seed's frozen real analysis (`tui_seed_analysis.json`), so the pictures do
not depend on worker timing. After a deliberate change to the layout, review and refresh:
`pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from tui_seed import frozen_seed

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
