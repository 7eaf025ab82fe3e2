"""One entity across articles: the names that make two articles' entities the same person.

An entity's name and aliases are normalised (`name_key`: case, accents, punctuation and a
possessive "'s" dropped, spaces collapsed), and an entity joins the person that already owns
one of its keys (its name first, then its aliases, of the same type). A person's one-word
keys are only used when the name itself is one word: "Kim" as an alias of "Kim Jong Un" must
not make every Kim one person, but "Madonna" is still Madonna.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reader.model import Entity, EntityType

#: Entity types that are merged across articles; a date is the same date without a person.
MERGED_TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "PLACE", "OTHER")

_NOT_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"['’]s\b")


def name_key(name: str) -> str:
    """`name` as it is compared across articles: "Kim Jong-Un's" -> "kim jong un"."""
    decomposed = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name.casefold()))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def entity_keys(name: str, aliases: Iterable[str]) -> list[str]:
    """The keys an entity is known by, its name's first: one-word aliases of a longer name
    left out (see the module's note), duplicates and empty keys dropped."""
    first = name_key(name)
    keys = [first] if first else []
    several_words = " " in first
    for alias in aliases:
        key = name_key(alias)
        if key and key not in keys and (" " in key or not several_words):
            keys.append(key)
    return keys


def is_merged(entity: Entity) -> bool:
    return entity.type in MERGED_TYPES
