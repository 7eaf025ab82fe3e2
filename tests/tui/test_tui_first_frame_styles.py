"""What the styles cost before an article's first frame, and what they leave for later.

Textual parses every app sheet before the first frame and matches each of its rules against
every node (and every component class) at each style update, so a rule for a screen that is
not shown is paid for by every article opened. The reader's own sheet holds only rules for
the reading screen; the list screens bring their colours with them. The readable colours
(`text.contrast`) are worked out once per theme, however often the stylesheet is refreshed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.tui_seed import frozen_seed
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

import reader.tui.text.contrast as contrast
from reader.tui.app import ReaderApp


def _names(node: DOMNode) -> set[str]:
    """The selector names a rule's last selector can take to match `node` or one of its
    component classes: its types (with their bases), `#id`, `.class`es."""
    names = {cls.__name__ for cls in type(node).__mro__}
    names |= {f".{name}" for name in node.classes}
    names |= {f".{name}" for name in type(node).COMPONENT_CLASSES}
    if node.id is not None:
        names.add(f"#{node.id}")
    return names


async def test_the_app_sheet_holds_only_rules_the_reading_screen_can_match() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown: set[str] = set()
        for node in app.screen.walk_children(with_self=True):
            shown |= _names(node)
        sheet = Stylesheet(variables=app.get_css_variables())
        for path in app.css_path:
            sheet.add_source(Path(path).read_text(encoding="utf-8"), read_from=(str(path), ""))
        sheet.parse()
        assert sheet.rules
        unmatched = [
            rule.css.splitlines()[0]
            for rule in sheet.rules
            if rule.selector_names and not rule.selector_names & shown
        ]
        assert unmatched == []


async def test_the_library_brings_its_colours_with_it() -> None:
    """The library's title and table take the reader's colours, from the library's own CSS,
    once it is shown (its readability in every theme is `test_tui_themes`'s)."""
    app = ReaderApp(folder=Path(__file__).resolve().parents[2] / "sample_articles")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        variables = app.get_css_variables()
        title = app.screen.query_one("#library-title")
        table = app.screen.query_one("#library-table")
        assert title.styles.color.hex.upper() == variables["reader-heading"].upper()
        assert table.styles.color.hex.upper() == variables["reader-body"].upper()


async def test_the_readable_colours_are_worked_out_once_per_theme(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worked: list[int] = []
    real = contrast.readable

    def counted(*args: object, **kwargs: object) -> object:
        worked.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(contrast, "readable", counted)
    contrast.theme_reader_colours.cache_clear()
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    first = app.theme
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        at_start = len(worked)
        assert at_start > 0
        app.theme = "nord"
        await pilot.pause()
        both = len(worked)
        assert both > at_start  # a new theme: its colours are worked out
        for theme in (first, "nord", first, "nord"):
            app.theme = theme
            await pilot.pause()
        assert len(worked) == both  # themes seen before: their colours are not
