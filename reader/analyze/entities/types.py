"""The entity pipeline's data: a candidate span with its evidence, a merged entity draft,
and the keys, letters and initials names are compared by."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.analyze import lexicon
from reader.analyze.nlp import ParsedChunk
from reader.model import EntityType

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "PER": "PERSON",  # the WikiNER labels of the French pipeline: PER, ORG, LOC, MISC
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "DATE": "DATE",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
    "MISC": "OTHER",
}


NAMED_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "PLACE"})


ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$")


PARTICIPLE_SUFFIX = re.compile(r"(?:ed|ing)$")


WORD_CHARS = re.compile(r"[A-Za-z]")


#: Words after a hyphen that make an adjective of a name ("Tokyo-based", "U.S.-style").
HYPHEN_SUFFIXES = frozenset(
    {
        "based",
        "led",
        "born",
        "backed",
        "owned",
        "run",
        "style",
        "era",
        "like",
        "wide",
        "bound",
        "made",
        "type",
        "level",
        "class",
        "area",
        "linked",
        "funded",
        "friendly",
        "centric",
    }
)


@dataclass(slots=True)
class Candidate:
    """One span the NER found (after repair), with the evidence gathered about it."""

    start: int
    end: int
    surface: str
    type: EntityType
    chunk: ParsedChunk | None
    first: int  # token indices in chunk.doc, [first, last)
    last: int
    description: str | None = None
    votes: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    speech_subject: bool = False
    peers: tuple[str, ...] = ()  # keys of names in coordination or parallel clauses
    acronym_first: bool = False  # its first token is an acronym in capitals ("VOA" of "VOA Seoul")

    @property
    def key(self) -> str:
        return name_key(self.surface)

    @property
    def words(self) -> list[str]:
        return self.surface.split()


@dataclass(slots=True)
class EntityDraft:
    """A merged entity before ids and order are fixed."""

    name: str
    type: EntityType
    keys: list[str]
    surfaces: list[str]
    mentions: list[tuple[int, int]]
    description: str | None = None
    gender: str | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for surface in self.surfaces:
            if surface != self.name and name_key(surface) != name_key(self.name):
                seen.setdefault(surface, None)
        return tuple(seen)

    @property
    def first_position(self) -> int:
        return min(start for start, _ in self.mentions)


def name_key(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()


def acronym_letters(text: str) -> str | None:
    compact = text.replace(" ", "")
    if ACRONYM.match(compact):
        return compact.replace(".", "").replace("&", "")
    return None


def initials(words: list[str], *, with_joiners: bool) -> str:
    letters = []
    for word in words:
        for part in word.split("-"):
            if not part:
                continue
            if part in lexicon.NAME_JOINERS and not with_joiners:
                continue
            if part[0].isalpha():
                letters.append(part[0].upper())
    return "".join(letters)


DASHES = frozenset({",", "—", "–", "-", "--"})
