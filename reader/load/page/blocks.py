"""The blocks a page is cut into, and how blocks found by different means are compared."""

from __future__ import annotations

import re

from reader.model import BlockKind

#: A page's content: `(kind, text)` in reading order.
Blocks = list[tuple[BlockKind, str]]

WORD_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Words only, for comparing blocks found by different means."""
    return " ".join(WORD_RE.findall(text))


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (`str.split` and `\\s` agree on
    what whitespace is; splitting is several times faster than a substitution)."""
    return " ".join(text.split())


_NON_WORD = re.compile(r"\W+")
# The ASCII characters `\W` matches: for ASCII text, deleting these bytes is the same as the
# regex, and about ten times faster on a page of thousands of paragraphs.
_ASCII_NON_WORD = bytes(code for code in range(128) if _NON_WORD.match(chr(code)))


def key(text: str) -> str:
    """`text` reduced to its word characters, casefolded: for comparing blocks and captions
    whatever their spacing, punctuation and case."""
    if text.isascii():  # casefold is lower for ASCII
        return text.encode("ascii").translate(None, _ASCII_NON_WORD).decode("ascii").lower()
    return _NON_WORD.sub("", text).casefold()
