"""Colours the reader draws text in, made readable in every theme (no Textual).

Textual's themes give a foreground, a surface and accents; some of them are too faint where
the reader puts them (a title in `$text` is white on solarized-light's near-white panel, the
current quote's tint leaves little contrast for the words on it). `reader_colours` works out,
from a theme's CSS variables, the reader's own `$reader-*` variables: each text colour starts
as the theme's and is moved towards white or black until its WCAG 2 contrast against every
background it is drawn on is at least `TEXT_CONTRAST`; each tint (quotes, matches) is first
made fainter, down to half its strength, so that the words on it need little change. A theme
whose colours are the terminal's own (the ANSI themes) gets colours chosen from the
terminal's 16 (`ANSI_DARK`, `ANSI_LIGHT`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

RGB = tuple[float, float, float]

#: WCAG 2 AA for text, with a little room for rounding.
TEXT_CONTRAST = 4.6
#: What the theme's text keeps on a tint (quotes, matches): a little above AA, so that
#: coloured text (mentions, links) on the tint needs little change.
TINT_CONTRAST = 5.5
#: WCAG 2 AAA: the title stands out from the details below it.
TITLE_CONTRAST = 7.0

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_WHITE: RGB = (255.0, 255.0, 255.0)
_BLACK: RGB = (0.0, 0.0, 0.0)


def parse_hex(value: str) -> tuple[RGB, float] | None:
    """`#RRGGBB` or `#RRGGBBAA` as a colour and its alpha; None for anything else."""
    value = value.strip()
    if len(value) not in (7, 9) or value[0] != "#" or not _HEX_DIGITS.issuperset(value[1:]):
        return None
    rgb = tuple(float(int(value[i : i + 2], 16)) for i in (1, 3, 5))
    return (rgb[0], rgb[1], rgb[2]), (int(value[7:], 16) / 255 if len(value) == 9 else 1.0)


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(255.0, max(0.0, c))):02X}" for c in rgb)


def blend(base: RGB, over: RGB, factor: float) -> RGB:
    """`over` laid over `base` at `factor` (0: base, 1: over), as CSS `$over 40%` does."""
    return (
        base[0] + (over[0] - base[0]) * factor,
        base[1] + (over[1] - base[1]) * factor,
        base[2] + (over[2] - base[2]) * factor,
    )


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(one: RGB, other: RGB) -> float:
    """WCAG 2 contrast ratio, from 1 to 21."""
    return _ratio(luminance(one), luminance(other))


def _ratio(one: float, other: float) -> float:
    """WCAG 2 contrast ratio of two relative luminances."""
    high, low = (one, other) if one >= other else (other, one)
    return (high + 0.05) / (low + 0.05)


def readable(text: RGB, *backgrounds: RGB, ratio: float = TEXT_CONTRAST) -> RGB:
    """`text`, or the least change of it towards white or black, that has `ratio` (WCAG AA
    by default) against every one of `backgrounds`: white on dark backgrounds, black on
    light ones, in steps of 5%."""
    grounds = [luminance(bg) for bg in backgrounds]  # the same at every step
    target = _WHITE if (min(grounds) + max(grounds)) / 2 < 0.18 else _BLACK
    step = 0.0
    colour = text
    while step < 1.0:
        light = luminance(colour)
        if min(_ratio(light, ground) for ground in grounds) >= ratio:
            break
        step = min(1.0, step + 0.05)
        colour = blend(text, target, step)
    return colour


def auto_text(background: RGB) -> RGB:
    """White or black, whichever stands out more on `background` (as Textual's `auto`)."""
    return max((_WHITE, _BLACK), key=lambda text: contrast(text, background))


def tint(base: RGB, colour: RGB, factor: float, text: RGB) -> RGB:
    """`colour` at `factor` over `base`, made fainter (down to half of it, so that it still
    shows) until `text` keeps `TINT_CONTRAST` on it: the words on a tint change little."""
    floor = factor / 2
    tinted = blend(base, colour, factor)
    while factor > floor and contrast(text, tinted) < TINT_CONTRAST:
        factor = max(floor, factor - 0.03)
        tinted = blend(base, colour, factor)
    return tinted


def _colour(variables: Mapping[str, str], name: str, over: RGB | None = None) -> RGB | None:
    parsed = parse_hex(variables.get(name, ""))
    if parsed is None:
        return None
    rgb, alpha = parsed
    return rgb if over is None or alpha >= 1 else blend(over, rgb, alpha)


#: The `$reader-*` variables where the theme's colours are the terminal's (the ANSI themes):
#: chosen from the 16 colours so that the terminal's own text colour (`ansi_default`: light on
#: a dark terminal, dark on a light one) stays readable on each tint, in xterm's standard
#: palette. The current mention is bold and underlined, without a tint of its own.
ANSI_DARK = {
    "reader-title": "ansi_default",
    "reader-details": "ansi_default",
    "reader-body": "ansi_default",
    "reader-heading": "ansi_default",
    "reader-caption": "ansi_default",
    "reader-secondary": "ansi_default",
    "reader-quote-bg": "ansi_blue",
    "reader-current-quote-bg": "ansi_magenta",
    "reader-mention": "ansi_bright_yellow",
    "reader-current-mention-bg": "ansi_default",
    "reader-match": "ansi_default",
    "reader-match-bg": "ansi_red",
    "reader-current-match": "ansi_black",
    "reader-current-match-bg": "ansi_bright_green",
    "reader-link": "ansi_bright_cyan",
    "reader-hint": "ansi_black",
    "reader-hint-bg": "ansi_bright_yellow",
    "reader-border-title": "ansi_default",
    "reader-cursor": "ansi_black",
    "reader-cursor-bg": "ansi_white",
    "reader-cursor-blurred": "ansi_default",
    "reader-cursor-blurred-bg": "ansi_default",
}
ANSI_LIGHT = {
    **ANSI_DARK,
    "reader-quote-bg": "ansi_white",
    "reader-current-quote-bg": "ansi_bright_yellow",
    "reader-mention": "ansi_red",
    "reader-match-bg": "ansi_bright_green",
    "reader-current-match": "ansi_bright_white",
    "reader-current-match-bg": "ansi_blue",
    "reader-link": "ansi_blue",
    "reader-hint": "ansi_bright_white",
    "reader-hint-bg": "ansi_blue",
    "reader-cursor": "ansi_bright_white",
    "reader-cursor-bg": "ansi_blue",
}


#: The theme variables the reader's colours are worked out from.
THEME_COLOURS = (
    "surface",
    "panel",
    "foreground",
    "accent",
    "warning",
    "success",
    "background",
    "text-primary",
    "text-secondary",
    "text-warning",
    "text-accent",
    "link-color",
    "block-cursor-background",
    "block-cursor-foreground",
    "block-cursor-blurred-background",
    "block-cursor-blurred-foreground",
)


def reader_colours(variables: Mapping[str, str], *, dark: bool = True) -> dict[str, str]:
    """The reader's `$reader-*` CSS variables for a theme, from its variables (`dark`: a
    theme for a dark screen). Worked out once per theme: the app asks again each time its
    stylesheet is refreshed (a theme chosen, the terminal's colours changed)."""
    theme = tuple(variables.get(name, "") for name in THEME_COLOURS)
    return dict(theme_reader_colours(theme, dark))


@lru_cache(maxsize=64)
def theme_reader_colours(theme: tuple[str, ...], dark: bool) -> dict[str, str]:
    """`reader_colours` for the values of `THEME_COLOURS`, in that order."""
    variables = dict(zip(THEME_COLOURS, theme, strict=True))
    surface = _colour(variables, "surface")
    panel = _colour(variables, "panel")
    foreground = _colour(variables, "foreground")
    accent = _colour(variables, "accent")
    warning = _colour(variables, "warning")
    success = _colour(variables, "success")
    if None in (surface, panel, foreground, accent, warning, success):
        return dict(ANSI_DARK if dark else ANSI_LIGHT)
    assert surface and panel and foreground and accent and warning and success
    plain = readable(foreground, surface)  # the body on the surface, before any tint
    quote_bg = tint(surface, accent, 0.12, plain)
    current_quote_bg = tint(surface, accent, 0.45, plain)
    current_mention_bg = tint(surface, warning, 0.35, plain)
    # Matches keep their strength (they must stand out inside a tinted quote) and take a
    # text colour of their own where the body's is too faint on them.
    match_bg = blend(surface, success, 0.6)
    on_match = plain if contrast(plain, match_bg) >= TEXT_CONTRAST else auto_text(match_bg)
    grounds = (surface, quote_bg, current_quote_bg, current_mention_bg)

    def text(name: str, fallback: RGB) -> RGB:
        return readable(_colour(variables, name, surface) or fallback, *grounds)

    link = _colour(variables, "link-color", surface) or _colour(variables, "text-primary")
    match_fg = _colour(variables, "background") or surface
    cursor_bg = _colour(variables, "block-cursor-background", surface) or accent
    blurred_bg = _colour(variables, "block-cursor-blurred-background", surface) or surface
    blurred = _colour(variables, "block-cursor-blurred-foreground", surface) or foreground
    cursor = _colour(variables, "block-cursor-foreground", cursor_bg)
    body = readable(plain, *grounds)
    muted = readable(blend(surface, foreground, 0.7), *grounds)
    if contrast(muted, surface) > contrast(body, surface):
        muted = body  # muted text is never brighter than the body
    colours = {
        "reader-title": readable(foreground, panel, ratio=TITLE_CONTRAST),
        "reader-details": readable(blend(panel, foreground, 0.7), panel),
        "reader-body": body,
        "reader-heading": text("text-primary", foreground),
        "reader-caption": muted,
        "reader-secondary": text("text-secondary", foreground),
        "reader-quote-bg": quote_bg,
        "reader-current-quote-bg": current_quote_bg,
        "reader-mention": text("text-warning", foreground),
        "reader-current-mention-bg": current_mention_bg,
        "reader-match": readable(on_match, match_bg),
        "reader-match-bg": match_bg,
        "reader-current-match": readable(match_fg, success),
        "reader-current-match-bg": success,
        "reader-link": readable(link or foreground, *grounds),
        "reader-hint": readable(match_fg, accent),
        "reader-hint-bg": accent,
        "reader-cursor": readable(cursor or auto_text(cursor_bg), cursor_bg),
        "reader-cursor-bg": cursor_bg,
        "reader-cursor-blurred": readable(blurred, blurred_bg),
        "reader-cursor-blurred-bg": blurred_bg,
        "reader-border-title": readable(
            _colour(variables, "text-accent", surface) or accent, surface, ratio=TEXT_CONTRAST
        ),
    }
    return {name: to_hex(rgb) for name, rgb in colours.items()}
