"""A printed byline in another language: "Von Max Muster", "Par Jean Dupont", "Autor: …".

English "By" lines have their own finder (`metadata._visible_byline`). This one reads the
short lines that open with the word other languages put before the names (German "Von",
French "Par", Spanish and Portuguese "Por", Dutch "Door", Italian "Di", Scandinavian
"Av"/"Af", "Autor:"). An XPath over every text node costs a 1 MB page 15-25 ms, so the
page's markup is searched instead (a regex: about 1 ms), and the line is read from the
markup that follows, up to the next block element; only a line of under 80 characters
counts, and only the first few such lines are read.
"""

from __future__ import annotations

import html
import re

from reader.load.values import clean

#: The words, as a line opens with them (a colon may follow).
PREFIXES = ("Von", "Par", "Por", "Door", "Di", "Av", "Af", "Autor", "Autorin", "Auteur", "Texto")
_WORDS = "|".join(PREFIXES)
#: A text that opens with one of the words, then a capital.
_OPENING = re.compile(rf">\s*+(?:{_WORDS})(?:\s*+:\s*+|\s++)(?:<[^<>]*>\s*+)*[^\W\d_]")
_BLOCK_END = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|address|header|footer|section|article|figure|h[1-6]|td|tr|"
    r"table|dd|dt|dl)\b|br\b|script|style)",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^<>]*>")
_LINE = re.compile(
    rf"^(?:{_WORDS})\s*:?\s+"
    r"([^\W\d_][\w'’.-]*(?:\s+(?:[^\W\d_][\w'’.-]*|&))*)"
)
#: How many lines are read: the byline is near the top.
MAX_LINES = 20
MAX_CHARS = 80
#: How much markup after the opening word can hold the line.
_SPAN = 600


def printed_byline(page: str | None) -> str | None:
    """The first short "Von …"-like line of `page` (the markup), to be cleaned by `people`."""
    if not page:
        return None
    start = page.find("<body")
    for count, found in enumerate(_OPENING.finditer(page, max(start, 0))):
        if count >= MAX_LINES:
            break
        markup = page[found.start() + 1 : found.start() + _SPAN]
        end = _BLOCK_END.search(markup)
        text = clean(html.unescape(_TAG.sub(" ", markup[: end.start() if end else None])))
        if not text or len(text) >= MAX_CHARS:
            continue
        match = _LINE.match(text)
        if match and match[1][:1].isupper():
            return match[0]
    return None
