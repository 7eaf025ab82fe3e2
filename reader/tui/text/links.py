"""Links as the reader shows them (no Textual): hrefs safe for the terminal, hint labels, hosts."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

#: Schemes the reader follows or hands to the browser.
SHOWN_SCHEMES = ("http", "https", "mailto")


@functools.cache
def _unsafe() -> re.Pattern[str]:
    """Controls, spaces, DEL, C1 controls and bidi marks: none may reach an OSC 8 sequence.
    Compiled for the first link (a class of wide characters takes `re` a while to compile,
    and most articles from a text file have no links)."""
    return re.compile("[\x00-\x20\x7f-\x9f\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def terminal_href(href: str) -> str | None:
    """`href` with every control and space taken out, or None unless it is http(s) or mailto:
    what may go into a terminal hyperlink (OSC 8) or to the browser."""
    href = _unsafe().sub("", href)
    scheme, colon, _ = href.partition(":")
    if not colon or scheme.lower() not in SHOWN_SCHEMES:
        return None
    return href


def followable(href: str) -> bool:
    """Whether the reader can open `href` itself (http or https; mailto is the browser's)."""
    return href.partition(":")[0].lower() in ("http", "https")


def hint_labels(count: int) -> list[str]:
    """Labels for `count` hints, all of one length so that each is typed whole: `1`..`9`, or
    `01`..`42` for 42."""
    width = len(str(count)) if count else 1
    return [str(number).zfill(width) for number in range(1, count + 1)]


#: What a terminal sends for shift and a digit on a US keyboard: the shifted symbol.
SHIFTED_DIGITS = dict(zip("!@#$%^&*()", "1234567890", strict=True))


def hint_digit(key: str, character: str | None) -> tuple[str, bool] | None:
    """The digit a key types while the hints show, and whether shift was held (the link
    then goes to the browser); None for any other key. Most terminals send shift+1 as `!`;
    those that report modifiers (the kitty protocol) send `shift+1`."""
    if character is not None and character.isdigit() and character.isascii():
        return character, False
    if character is not None and character in SHIFTED_DIGITS:
        return SHIFTED_DIGITS[character], True
    modifier, plus, digit = key.rpartition("+")
    if plus and modifier == "shift" and digit.isdigit() and digit.isascii():
        return digit, True
    return None


def link_host(href: str) -> str:
    """Where a link goes, for a list: its host (`www.` left out), or the address of a mailto."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return href
    if parts.scheme.lower() == "mailto":
        return parts.path
    host = parts.hostname or ""
    return host.removeprefix("www.")
