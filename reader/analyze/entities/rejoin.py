"""Spans the merge corrects by the article's other names, before names are grouped: a
person's name run into a headline's words, and a company's name the model cut in two.

- "Ted Cruz Apologizes", "Telling Jeb Bush": a person the article names more often by the
  shorter name, with a word glued on in a headline or a link's title, is that shorter name
  (else the two are two sidebar rows). The glued word beside the name is no proper noun
  (spaCy's tag; a headline's verb may be tagged a plural one): a given name before a
  two-word surname stays ("Kathleen Hawk Sawyer").
- "Lockheed Martin": a one-word organisation followed by a one-word "person" the article
  never names otherwise is one organisation (and so is the pair where the model reads the
  second word as a product).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from reader.analyze.entities.shortnames import NAME_SUFFIXES
from reader.analyze.entities.types import Candidate, name_key

#: Lower-case particles that open a surname ("de Blasio"): a name ending "X de Blasio" is
#: not "de Blasio" with a word glued on.
SURNAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "bin", "al"}
)


def rejoin(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with run-on people trimmed and split companies joined."""
    return _join_split_companies(_trim_run_on_people(candidates))


def _trim_run_on_people(candidates: list[Candidate]) -> list[Candidate]:
    counts = Counter(c.key for c in candidates if c.type == "PERSON")
    known = {
        c.key: c.surface
        for c in candidates
        if c.type == "PERSON"
        and len(c.words) >= 2
        and counts[c.key] >= 2
        and all(w[:1].isupper() for w in c.words)
        and c.words[0].lower() not in SURNAME_PARTICLES
    }
    if not known:
        return candidates
    result: list[Candidate] = []
    for candidate in candidates:
        trimmed = None
        if candidate.type == "PERSON" and len(candidate.words) >= 3 and candidate.key not in known:
            trimmed = _trimmed(candidate, known, counts)
        result.append(trimmed or candidate)
    return result


def _trimmed(candidate: Candidate, known: dict[str, str], counts: Counter[str]) -> Candidate | None:
    """The candidate cut down to the known name at one of its edges, if the rest is glued on."""
    chunk = candidate.chunk
    if chunk is None:
        return None
    doc = chunk.doc
    words = candidate.words
    for n in range(len(words) - 1, 1, -1):
        for at_start in (True, False):
            part = words[:n] if at_start else words[-n:]
            rest = words[n:] if at_start else words[:-n]
            key = name_key(" ".join(part))
            if key not in known or counts[key] <= counts[candidate.key]:
                continue
            if any(_is_name_part(word) for word in rest):
                continue
            if not at_start and rest[-1].lower() in SURNAME_PARTICLES:
                continue
            span = _sub_span(candidate, known[key], at_start)
            if span is None:
                continue
            first, last = span
            # The word beside the name is no name: a verb ("Refuses", "Telling"), not a
            # given name ("Kathleen Hawk Sawyer" is not "Hawk Sawyer").
            beside = doc[last] if at_start else doc[first - 1]
            if beside.pos_ == "PROPN" and beside.tag_ != "NNPS":
                continue
            piece = doc[first:last]
            return replace(
                candidate,
                start=chunk.offset + piece.start_char,
                end=chunk.offset + piece.end_char,
                surface=piece.text,
                first=first,
                last=last,
                votes=Counter(candidate.votes),
            )
    return None


def _is_name_part(word: str) -> bool:
    """A word that belongs to a name: a suffix, an initial ("J."), a particle, a lower-case word."""
    lowered = name_key(word).strip(",")
    return (
        lowered in NAME_SUFFIXES
        or lowered in SURNAME_PARTICLES
        or (len(word) <= 3 and word.endswith("."))
        or not word[:1].isupper()
    )


def _sub_span(candidate: Candidate, surface: str, at_start: bool) -> tuple[int, int] | None:
    assert candidate.chunk is not None
    doc = candidate.chunk.doc
    for cut in range(candidate.first + 1, candidate.last):
        first, last = (candidate.first, cut) if at_start else (cut, candidate.last)
        if doc[first:last].text == surface:
            return first, last
    return None


def _join_split_companies(candidates: list[Candidate]) -> list[Candidate]:
    """ "Lockheed Martin" read as the organisation "Lockheed" and the person "Martin"."""
    people_words: Counter[str] = Counter()
    for c in candidates:
        if c.type == "PERSON" and len(c.words) >= 2:
            people_words.update(name_key(w) for w in c.words)
    lone_people = Counter(c.key for c in candidates if c.type == "PERSON" and len(c.words) == 1)
    by_start = {(id(c.chunk), c.first): c for c in candidates if c.chunk is not None}
    joined: dict[int, Candidate] = {}
    dropped: set[int] = set()
    glued: Counter[str] = Counter()
    pairs: list[tuple[Candidate, Candidate]] = []
    for c in candidates:
        if c.type != "ORG" or len(c.words) != 1 or c.chunk is None:
            continue
        after = by_start.get((id(c.chunk), c.last))
        if (
            after is None
            or after.type not in {"PERSON", "OTHER"}
            or len(after.words) != 1
            or after.start != c.end + 1
            or after.description
            or people_words[after.key]
        ):
            continue
        pairs.append((c, after))
        if after.type == "PERSON":
            glued[after.key] += 1
    for org, person in pairs:
        if not glued[person.key] or glued[person.key] < lone_people[person.key]:
            continue  # the word is a person elsewhere, or never read as one after the name
        chunk = org.chunk
        assert chunk is not None
        span = chunk.doc[org.first : person.last]
        votes = Counter(org.votes)
        votes["ORG"] += sum(person.votes.values())
        joined[id(org)] = replace(
            org,
            end=chunk.offset + span.end_char,
            surface=span.text,
            last=person.last,
            votes=votes,
            peers=org.peers + person.peers,
        )
        dropped.add(id(person))
    if not joined:
        return candidates
    return [joined.get(id(c), c) for c in candidates if id(c) not in dropped]
