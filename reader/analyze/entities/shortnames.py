"""A person's short names: which full-named person a shorter name stands for ("Kim",
"Newsham", "De Blasio" of "Bill de Blasio", "Roberts" of "John G. Roberts Jr.")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analyze import lexicon
from reader.analyze.entities.name_variants import compare_names
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.types import Candidate, name_key
from reader.model import EntityType


def person_for(
    candidate: Candidate,
    types: dict[str, EntityType],
    evidenced: set[str],
    people: list[str],
    person_starts: dict[str, list[int]],
    words_of: Callable[[str], list[str]],
    own_evidence: OwnEvidence | None = None,
) -> str | None:
    """The full-named person a short name stands for ("Kim", "Newsham", "Donald Trump" of
    "Donald J. Trump"), if any."""
    evidence = own_evidence or OwnEvidence()
    words = name_parts(candidate.words)
    entity_type = types[candidate.key]
    if not words:
        return None
    if len(words) >= 2 and entity_type == "PERSON":
        first_seen = min(person_starts.get(candidate.key) or [candidate.start])
        # "Donald Trump Jr." is not "Donald J. Trump" without the initial: the son.
        suffixed = len(name_parts(candidate.words)) < len(candidate.words)
        matches = [
            k
            for k in people
            if k != candidate.key
            and (
                is_edge_subsequence(words, name_parts(words_of(k)))
                or (not suffixed and without_middle(words, name_parts(words_of(k))))
                or suffixed_before(words, words_of(k), min(person_starts[k]), first_seen)
            )
        ]
        if not matches:
            variant = fuller_variant(candidate.key, words, people, person_starts, words_of)
            return variant
    elif len(words) >= 2 and entity_type in {"ORG", "PLACE"}:
        # "De Blasio" typed an organisation: the surname of "Bill de Blasio".
        matches = [k for k in people if k != candidate.key and name_parts(words_of(k))[1:] == words]
    elif len(words) == 1:
        word = words[0]

        def edges(key: str) -> tuple[str, str]:
            parts = name_parts(words_of(key)) or [key]
            return parts[0], parts[-1]

        if (
            entity_type != "PERSON"
            and candidate.type != "PERSON"
            and not candidate.speech_subject
            and _typed_on_its_own(candidate, word, evidence)
        ):
            return None
        if (
            entity_type == "PERSON"
            or candidate.type == "PERSON"
            or candidate.key not in evidenced
            or (entity_type == "PLACE" and place_kind(word) is None)  # "LeBron" / "LeBron James"
        ):
            matches = [k for k in people if word in edges(k)]
        elif (
            entity_type == "ORG"
            or candidate.speech_subject
            or (entity_type == "PLACE" and _weak_town(candidate, word, evidence))
        ):
            matches = [k for k in people if word == edges(k)[1]]
        else:
            return None
    else:
        return None
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    return nearest_before(candidate.start, matches, person_starts)


#: The most votes a town's name may have to be read as a surname: the model's and one word
#: around it ("it came to Marion"); "Marion, Ohio" (a town and its state) has more.
WEAK_PLACE_VOTES = 2


@dataclass(frozen=True)
class OwnEvidence:
    """What the article says of its one-word names beyond one mention: the most votes any
    mention of a name has ("Franklin, Tennessee" places every "Franklin")."""

    strongest: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, candidates: list[Candidate]) -> OwnEvidence:
        strongest: dict[str, int] = {}
        for c in candidates:
            strongest[c.key] = max(strongest.get(c.key, 0), sum(c.votes.values()))
        return cls(strongest)


def _typed_on_its_own(candidate: Candidate, word: str, evidence: OwnEvidence) -> bool:
    """A one-word name the model calls an organisation or a place that the text shows to be
    one, no surname: a country or a state ("Jordan" beside "Michael Jordan", "Washington"),
    a city the text places ("in Paris" beside "Paris Hilton"), a
    name after "the" that heads its phrase ("the Hollande" is no person; "the Hollande
    government" may be), a platform. Capitals are no evidence: a transcript writes its
    speakers so ("FALLON:")."""
    kind = place_kind(word)
    if kind in {"country", "state"}:
        return True
    # A city's name is a surname often enough ("Lincoln's aides", "Lincoln, the senator") that
    # it places only where the model calls it a place and the text places one of its
    # mentions ("in Paris").
    if kind == "city" and candidate.type == "PLACE":
        return evidence.strongest.get(candidate.key, 0) > 1
    if word in lexicon.PLATFORMS:
        return True
    doc = candidate.chunk.doc if candidate.chunk is not None else None
    if doc is None or candidate.first == 0 or doc[candidate.first - 1].lower_ != "the":
        return False
    # "the Hollande government": the name qualifies the noun after it, as a person's name may.
    after = doc[candidate.last] if candidate.last < len(doc) else None
    return after is None or after.pos_ not in {"NOUN", "PROPN", "PART"}


def _weak_town(candidate: Candidate, word: str, evidence: OwnEvidence) -> bool:
    """A one-word "place" that is no more than a town of GeoNames', with no more evidence
    than the model's label and one word around it, at any of its mentions: the surname of
    the person named in full ("Marion" of "Lena Marion"; Marion is a town of GeoNames').
    "Franklin, Tennessee" places every "Franklin" of the article."""
    votes = max(sum(candidate.votes.values()), evidence.strongest.get(candidate.key, 0))
    return place_kind(word) == "town" and votes <= WEAK_PLACE_VOTES


#: Generational suffixes, not part of the surname ("John G. Roberts Jr." / "Roberts").
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def name_parts(words: list[str]) -> list[str]:
    """A name's words for comparison: case and apostrophes folded, edge commas and a
    generational suffix dropped."""
    parts = [name_key(w).strip(",") for w in words]
    while len(parts) > 1 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    return [p for p in parts if p]


def without_middle(short: list[str], long: list[str]) -> bool:
    """ "Donald Trump" of "Donald J. Trump", "Hillary Clinton" of "Hillary Rodham Clinton": the
    same first and last names, the longer with middle names or initials between them."""
    return len(short) == 2 and len(long) > 2 and short == [long[0], long[-1]]


#: Suffixes a person keeps when the article drops them ("Brent Colfax III" / "Brent Colfax");
#: a "Sr." names the father of the man written without it.
KEPT_SUFFIXES = NAME_SUFFIXES - {"sr.", "sr"}


def suffixed_before(short: list[str], long_words: list[str], long_at: int, short_at: int) -> bool:
    """ "Brent Colfax" for "Brent Colfax III" written before it: the same name without its
    generational suffix (not "Sr.", and not when the bare name comes first: "Donald Trump"
    and, later, his son "Donald Trump Jr.")."""
    if len(long_words) < 3 or name_key(long_words[-1]).strip(",") not in KEPT_SUFFIXES:
        return False
    return long_at < short_at and name_parts(long_words) == short


def is_edge_subsequence(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def fuller_variant(
    key: str,
    words: list[str],
    people: list[str],
    person_starts: dict[str, list[int]],
    words_of: Callable[[str], list[str]],
) -> str | None:
    """The one person whose name is this one written more fully ("William Harmon" for "Bill
    Harmon", "Benjamin Okoro" for "B. U. Okoro", "John Milo Ford" for "John M. Ford"), or
    spelled alike and written more often ("Phillip Ames" for one "Philip Ames")."""
    own_count = len(person_starts.get(key, ()))
    own_first = min(person_starts.get(key) or [0])
    found = []
    for other in people:
        if other == key:
            continue
        how = compare_names(words, name_parts(words_of(other)))
        if how == "fuller":
            found.append(other)
        elif how == "alike":
            count, first = len(person_starts[other]), min(person_starts[other])
            if (count, -first) > (own_count, -own_first):
                found.append(other)
    return found[0] if len(found) == 1 else None


def nearest_before(position: int, keys: list[str], starts: dict[str, list[int]]) -> str:
    def distance(key: str) -> tuple[int, int]:
        before = [s for s in starts[key] if s <= position]
        if before:
            return (0, position - max(before))
        return (1, min(starts[key]) - position)

    return min(keys, key=distance)
