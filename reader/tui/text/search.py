"""Finding a query in the article: smart case, scoped to quotes or entity mentions.

A query may start with a scope prefix: `q:` searches only inside quotes, `e:` only inside
mentions of entities; without one it searches the whole text. Lower-case queries ignore case;
a capital letter anywhere makes the search case-sensitive (smart case). Apostrophes and quote
marks match in either form: `'` finds `’` and `‘`, `"` finds `“` and `”` (and the other way
round), as a reader typing on a keyboard expects of a page set with curly quotes. No Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

from reader.tui.text.spans import SpanIndex

Scope = Literal["all", "quotes", "entities"]

#: The prefix that selects each scope, and the order `ctrl+t` cycles through them.
SCOPE_PREFIXES: dict[Scope, str] = {"all": "", "quotes": "q:", "entities": "e:"}


def parse_query(raw: str) -> tuple[Scope, str]:
    """`"q:Kim"` -> `("quotes", "Kim")`; no prefix searches everything."""
    for scope, prefix in SCOPE_PREFIXES.items():
        if prefix and raw.startswith(prefix):
            return scope, raw[len(prefix) :]
    return "all", raw


def next_scope(raw: str) -> str:
    """`raw` with the next scope's prefix: all -> quotes -> entities -> all."""
    scope, needle = parse_query(raw)
    scopes = list(SCOPE_PREFIXES)
    following = scopes[(scopes.index(scope) + 1) % len(scopes)]
    return SCOPE_PREFIXES[following] + needle


#: Characters that match one another in a query, each standing for its whole group.
_FOLDED = ("'‘’‛ʼ′", '"“”„‟″')
_FOLD_CLASSES = {
    character: "[" + re.escape(group) + "]" for group in _FOLDED for character in group
}


def _pattern(needle: str) -> str:
    """`needle` as a regex: every character literal, the quote marks folded."""
    return "".join(_FOLD_CLASSES.get(character) or re.escape(character) for character in needle)


def find_matches(text: str, needle: str, within: SpanIndex | None = None) -> list[tuple[int, int]]:
    """Every `(start, end)` of `needle` in `text`, case-insensitive unless it has a capital.

    With `within`, only the matches that lie inside one of its spans.
    """
    if not needle:
        return []
    flags = 0 if any(character.isupper() for character in needle) else re.IGNORECASE
    matches = [match.span() for match in re.finditer(_pattern(needle), text, flags)]
    if within is None:
        return matches
    return [
        (start, end)
        for start, end in matches
        if any(s <= start and end <= e for s, e in within.overlapping(start, end))
    ]


class SearchResults:
    """The matches of one query and which of them is current."""

    def __init__(self, matches: list[tuple[int, int]], anchor: int = 0) -> None:
        self.matches = matches
        self._starts = [start for start, _ in matches]
        #: The current match: the first at or after `anchor` (the top of the view), wrapping.
        self.position: int | None = None
        if matches:
            first = bisect_left(self._starts, anchor)
            self.position = first if first < len(matches) else 0

    def __len__(self) -> int:
        return len(self.matches)

    @property
    def current(self) -> tuple[int, int] | None:
        return None if self.position is None else self.matches[self.position]

    def step(self, step: int) -> tuple[int, int] | None:
        """Move to the next (`step` 1) or previous (-1) match, wrapping round the ends."""
        if self.position is None:
            return None
        self.position = (self.position + step) % len(self.matches)
        return self.current

    @property
    def counter(self) -> str:
        """`2/7`, or `0/0` when nothing matches."""
        if self.position is None:
            return "0/0"
        return f"{self.position + 1}/{len(self.matches)}"


def words_match(typed: str, *texts: str) -> bool:
    """Whether every word `typed` is found in one of `texts`, case and quote marks folded
    (`disney's` finds `Disney’s`): how the lists' type-to-filter narrows them."""
    haystack = "\n".join(texts)
    return all(
        re.search(_pattern(word), haystack, re.IGNORECASE) is not None for word in typed.split()
    )
