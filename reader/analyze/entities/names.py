"""The names an article holds, as the alias rules read them (`aliases`, `short_forms`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analyze.entities.types import NAMED_TYPES, Candidate, acronym_letters, name_key
from reader.model import EntityType

#: " (AROS)" right after a name.
PARENTHESISED = re.compile(r" \(([A-Z][A-Z&.]{1,7})\)")


@dataclass(slots=True)
class Names:
    """The distinct names (by key) of an article's candidates, as the rules read them."""

    types: dict[str, EntityType]
    #: The key's first surface, and where it is first seen.
    surface_of: dict[str, str]
    first_seen: dict[str, int]
    #: People named with at least two words; named things (people, organisations, places,
    #: others) of at least two words.
    people: list[str]
    named: list[str]
    #: Alias key -> the key it stands for ("" for none).
    canonical: dict[str, str] = field(default_factory=dict)
    #: An acronym written in parentheses right after a name -> that name's key
    #: ("Alliance to Reclaim Our Schools (AROS)").
    spelled_out: dict[str, str] = field(default_factory=dict)
    #: Where each key's mentions start; the article's text.
    starts: dict[str, list[int]] = field(default_factory=dict)
    text: str = ""

    @classmethod
    def of(cls, candidates: list[Candidate], types: dict[str, EntityType], text: str = "") -> Names:
        first_seen: dict[str, int] = {}
        surface_of: dict[str, str] = {}
        spelled_out: dict[str, str] = {}
        starts: dict[str, list[int]] = {}
        for candidate in sorted(candidates, key=lambda c: c.start):
            starts.setdefault(candidate.key, []).append(candidate.start)
            first_seen.setdefault(candidate.key, candidate.start)
            surface_of.setdefault(candidate.key, candidate.surface)
            after = PARENTHESISED.match(text, candidate.end)
            if after and len(candidate.words) >= 2 and acronym_letters(after.group(1)):
                spelled_out.setdefault(name_key(after.group(1)), candidate.key)

        def length(key: str) -> int:
            return len(surface_of[key].split())

        people = [k for k, t in types.items() if t == "PERSON" and length(k) >= 2]
        named = [k for k, t in types.items() if t in NAMED_TYPES | {"OTHER"} and length(k) >= 2]
        return cls(
            types,
            surface_of,
            first_seen,
            people,
            named,
            spelled_out=spelled_out,
            starts=starts,
            text=text,
        )

    def words_of(self, key: str) -> list[str]:
        return self.surface_of[key].split()
