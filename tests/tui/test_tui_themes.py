"""Every theme the palette offers is readable: the real app is drawn in each theme, and every
character of the header, the article pane (title, details, body, headings, quotes, the current
quote, mentions of the selected entity and the current one, search matches and the current
one, links, link hints) and the sidebar (entities and their counts, quotes and speakers, the
highlighted rows) has a WCAG 2 contrast of at least 4.5 against the background it is drawn on;
so has the library (its title, the table's header, rows and highlighted row).
The colours are read off the screen (the compositor's cells), as drawn.

The ANSI themes take the terminal's own palette: they are measured with xterm's standard
colours (Rich's default terminal palette), on a black screen for `ansi-dark` and on a white
one for `ansi-light`, as terminals made for them are.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.cells import cell_len
from rich.color import Color
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from support.contrast import contrast
from support.tui_seed import SEED, frozen_seed
from textual.widget import Widget

from reader.model import Link
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.text.contrast import blend, readable, tint

AA = 4.5
#: Borders, the scrollbar and the in-view marks: lines, not text.
LINES = frozenset("╭╮╰╯│─▁▂▃▄▅▆▇█▌▎")
Cell = tuple[str, tuple[float, float, float], tuple[float, float, float]]

#: Rich's default palette is xterm's on a white screen; the same colours on a black one.
DARK_TERMINAL = TerminalTheme(
    (0, 0, 0),
    (229, 229, 229),
    [tuple(c) for c in DEFAULT_TERMINAL_THEME.ansi_colors._colors[:8]],  # type: ignore[attr-defined]
    [tuple(c) for c in DEFAULT_TERMINAL_THEME.ansi_colors._colors[8:]],  # type: ignore[attr-defined]
)


def linked_seed_app() -> ReaderApp:
    """The seed with its real analysis and a few links (one inside a quote)."""
    analysis = frozen_seed()
    article = analysis.article
    text = article.text
    links = []
    for words in ("Pyeongchang Olympic Stadium", "high-level talks", "big impact"):
        start = text.index(words)
        links.append(Link(start, start + len(words), "https://www.example.org/" + str(start)))
    article = replace(article, links=tuple(links))
    return ReaderApp(article, analysis=replace(analysis, article=article))


def _rgb(color: Color | None, foreground: bool, theme: TerminalTheme) -> tuple[float, ...]:
    color = color or Color.default()
    triplet = color.get_truecolor(theme, foreground=foreground)
    return (triplet.red, triplet.green, triplet.blue)


def _cells(app: ReaderApp, widget: Widget, theme: TerminalTheme) -> list[Cell]:
    """Every visible character drawn inside `widget`, with its colours (dim text is drawn
    half way to its background, as terminals do; reverse video swaps them)."""
    strips = app.screen._compositor.render_strips()
    region = widget.region
    cells: list[Cell] = []
    for y in range(region.y, region.bottom):
        x = 0
        for segment in strips[y]:
            style = segment.style or Style()
            fg = _rgb(style.color, True, theme)
            bg = _rgb(style.bgcolor, False, theme)
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:
                fg = tuple((f + b) / 2 for f, b in zip(fg, bg, strict=True))
            for char in segment.text:
                if region.x <= x < region.right and char.strip() and char not in LINES:
                    cells.append((char, fg, bg))  # type: ignore[arg-type]
                x += cell_len(char)
    return cells


def _worst(cells: list[Cell]) -> tuple[float, str]:
    ratio, char = min(((contrast(fg, bg), char) for char, fg, bg in cells), default=(21.0, ""))
    return ratio, char


async def test_every_theme_draws_readable_text() -> None:
    app = linked_seed_app()
    failures: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        panes = [
            (where, app.screen.query_one(selector))
            for where, selector in (
                ("header", "#header"),
                ("article", "#article"),
                ("entities", "#entities"),
                ("quotes", "#quotes"),
            )
        ]
        states = {
            "quotes and links": (),
            "current quote": ("n",),
            "entity selected": ("escape", "2", "j", "enter"),
            "search": ("escape", "1", "slash", *"korea", "enter"),
            "link hints": ("escape", "o"),
        }
        seen_backgrounds: set[tuple[float, ...]] = set()
        for state, keys in states.items():
            await pilot.press(*keys)
            await pilot.pause()
            for theme in sorted(app.available_themes):
                app.theme = theme
                await pilot.pause()
                palette = DARK_TERMINAL if theme == "ansi-dark" else DEFAULT_TERMINAL_THEME
                for where, widget in panes:
                    cells = _cells(app, widget, palette)
                    assert len(cells) > 50, (theme, state, where)
                    ratio, char = _worst(cells)
                    if ratio < AA:
                        failures.append(f"{theme} · {state} · {where}: {char!r} at {ratio:.2f}")
                    if where == "article":
                        seen_backgrounds |= {bg for _, _, bg in cells}
    assert failures == [], "\n".join(failures)
    # The states drew what they are about: more than the surface's background in each theme.
    assert len(seen_backgrounds) > 3 * len(app.available_themes)


async def test_every_theme_draws_a_readable_library(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    library.record_open(str(SEED), frozen_seed().article)
    app = ReaderApp(library=library)
    failures: list[str] = []
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        for focused in (True, False):  # the highlighted row, focused and not
            if not focused:
                app.screen.set_focus(None)
            for theme in sorted(app.available_themes):
                app.theme = theme
                await pilot.pause()
                palette = DARK_TERMINAL if theme == "ansi-dark" else DEFAULT_TERMINAL_THEME
                for selector in ("#library-title", "#library-table"):
                    cells = _cells(app, app.screen.query_one(selector), palette)
                    assert len(cells) > 10, (theme, selector)
                    ratio, char = _worst(cells)
                    if ratio < AA:
                        failures.append(f"{theme} · {selector}: {char!r} at {ratio:.2f}")
    assert failures == [], "\n".join(failures)


def test_text_is_moved_only_as_far_as_it_needs() -> None:
    faint, dark_bg, light_bg = (88.0, 110.0, 117.0), (7.0, 54.0, 66.0), (238.0, 232.0, 213.0)
    for background in (dark_bg, light_bg):
        moved = readable(faint, background)
        assert contrast(moved, background) >= AA
        assert contrast(blend(faint, moved, 0.75), background) < AA + 0.2  # not much further
    already = (250.0, 250.0, 250.0)
    assert readable(already, dark_bg) == already  # a readable colour is left as it is
    # A tint is made fainter until the text on it keeps its contrast, but never below half.
    accent, text = (108.0, 113.0, 196.0), (200.0, 200.0, 200.0)
    tinted = tint(dark_bg, accent, 0.9, text)
    assert contrast(text, tinted) > AA and tinted != blend(dark_bg, accent, 0.9)
    assert tint(dark_bg, accent, 0.9, dark_bg) == blend(dark_bg, accent, 0.45)
