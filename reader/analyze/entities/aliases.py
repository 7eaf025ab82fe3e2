"""The alias rules of the merge: which name stands for which other name.

Each rule reads the names the article holds (`Names`) and records in `Names.canonical` that
a name is another's alias (or, with "", that it stands for nothing on its own). The rules run
in the order of `ALIAS_RULES`; a later rule leaves a name an earlier one settled. A new rule
is one function here and one entry in that list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analyze import lexicon
from reader.analyze.entities.candidates import corporate_core
from reader.analyze.entities.types import (
    NAMED_TYPES,
    Candidate,
    acronym_letters,
    initials,
    name_key,
)
from reader.model import EntityType


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

    @classmethod
    def of(cls, candidates: list[Candidate], types: dict[str, EntityType]) -> Names:
        first_seen: dict[str, int] = {}
        surface_of: dict[str, str] = {}
        for candidate in candidates:
            first_seen.setdefault(candidate.key, candidate.start)
            surface_of.setdefault(candidate.key, candidate.surface)

        def length(key: str) -> int:
            return len(surface_of[key].split())

        people = [k for k, t in types.items() if t == "PERSON" and length(k) >= 2]
        named = [k for k, t in types.items() if t in NAMED_TYPES | {"OTHER"} and length(k) >= 2]
        return cls(types, surface_of, first_seen, people, named)

    def words_of(self, key: str) -> list[str]:
        return self.surface_of[key].split()


def acronyms(names: Names) -> None:
    """Acronyms and their expansions ("VOA" / "Voice of America", "U.S." / "United States")."""
    types, words_of = names.types, names.words_of
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, entity_type in types.items():
        letters = acronym_letters(names.surface_of[key])
        if letters and entity_type in NAMED_TYPES | {"OTHER"}:
            by_letters[letters].append(key)
    for letters, keys in by_letters.items():
        expansions = [
            k
            for k in names.named
            if types[k] in NAMED_TYPES
            and letters
            in {
                initials(words_of(k), with_joiners=True),
                initials(words_of(k), with_joiners=False),
            }
        ]
        target = (
            expansions[0] if len(expansions) == 1 else min(keys, key=names.first_seen.__getitem__)
        )
        for key in keys:
            if key != target:
                names.canonical[key] = target


def compass_words(names: Names) -> None:
    """Compass words ("the North") stand for the one place named with that word."""
    types, words_of = names.types, names.words_of
    for key, entity_type in types.items():
        surface = names.surface_of[key]
        if entity_type == "PLACE" and surface in lexicon.COMPASS_WORDS:
            matches = [
                k
                for k in types
                if types[k] == "PLACE" and words_of(k)[0] == surface and len(words_of(k)) >= 2
            ]
            names.canonical[key] = matches[0] if len(matches) == 1 else ""


def _companies(names: Names) -> dict[str, str]:
    """Each organisation's name without its legal form or web suffix -> its key."""
    companies: dict[str, str] = {}
    for key, entity_type in names.types.items():
        core = corporate_core(names.surface_of[key])
        if entity_type == "ORG" and core is not None:
            companies.setdefault(name_key(core), key)
    return companies


def corporate_forms(names: Names) -> None:
    """A company's name without its legal form or web suffix ("Sierra Nevada" / "Sierra
    Nevada Corporation", "Edmunds" / "Edmunds.com")."""
    types, canonical = names.types, names.canonical
    for core_key, key in _companies(names).items():
        if (
            core_key in types
            and core_key not in canonical
            and types[core_key] != "DATE"
            and (types[core_key] != "PERSON" or " " not in core_key)
        ):
            canonical[core_key] = key


def last_word_of_company(names: Names) -> None:
    """A one-word name for the company whose name ends with it ("Disney" / "Walt Disney
    Co."), when only one company does and no person is named with the word."""
    person_words = {w.lower() for p in names.people for w in names.words_of(p)}
    companies = _companies(names)
    for key, entity_type in names.types.items():
        if key in names.canonical or " " in key or entity_type not in {"ORG", "PLACE", "OTHER"}:
            continue
        if key in person_words or key in companies.values():
            continue
        owners = {
            target
            for core_key, target in companies.items()
            if " " in core_key and core_key.split()[-1] == key
        }
        if len(owners) == 1:
            names.canonical[key] = owners.pop()


def and_splits(names: Names) -> None:
    """The second of two names joined by "and" that the NER cut apart ("Customs" and "Border
    Protection" of "Customs and Border Protection")."""
    types = names.types
    for key in names.named:
        if key in names.canonical or types[key] != "ORG":
            continue
        longer = [k for k in names.named if types[k] == "ORG" and k.endswith(f" and {key}")]
        if len(longer) == 1:
            names.canonical[key] = longer[0]


def first_word_of_organisation(names: Names) -> None:
    """The first word of an organisation's name ("Nordwind" / "Nordwind Offshore"), unless a
    person is named with it."""
    types, words_of = names.types, names.words_of
    orgs = [k for k in names.named if types[k] == "ORG"]
    for key, entity_type in types.items():
        if key in names.canonical or " " in key or entity_type not in {"ORG", "PERSON"}:
            continue
        matches = [k for k in orgs if words_of(k)[0].lower() == key]
        if len(matches) == 1 and not any(
            key in (w.lower() for w in words_of(p)) for p in names.people
        ):
            names.canonical[key] = matches[0]


AliasRule = Callable[[Names], None]

#: The alias rules, in the order they run.
ALIAS_RULES: tuple[AliasRule, ...] = (
    acronyms,
    compass_words,
    corporate_forms,
    last_word_of_company,
    and_splits,
    first_word_of_organisation,
)
