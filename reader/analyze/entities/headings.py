"""Capitals that do not make a name, and capitals that do: names found only in headings
weigh less, a lone sentence opener and a quoted title's words are no names, and brands
written in CamelCase are names.

Names found only in headings weigh less: a headline's Title Case runs words together
("Marlow Hid Past Debts", "Scissor Keyboard Expected"), and the small model reads them as
names. A candidate from a heading (a heading block, or a line written in Title Case) is kept
only when the body names it too; the body's own mentions are what make an entity."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.evidence import CAMEL_CASE, SPOTTED_VOTE
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.types import Candidate, name_key
from reader.analyze.nlp import ParsedChunk
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc

GIVEN_NAMES = lexicon.MALE_NAMES | lexicon.FEMALE_NAMES

MakeCandidate = Callable[[ParsedChunk, int, int, EntityType, str | None], Candidate | None]


def spot_span(
    found: list[Candidate],
    chunk: ParsedChunk,
    taken: set[int],
    make: MakeCandidate,
    span: tuple[int, int],
    kind: EntityType,
    vote: int = SPOTTED_VOTE,
) -> bool:
    """What every spotting rule does with the tokens `span` it spots: a candidate of `kind`
    built by `make`, `vote` more votes for `kind`, appended to `found`, its tokens taken.
    False when `make` builds none (nothing is taken then)."""
    start, end = span
    candidate = make(chunk, start, end, kind, None)
    if candidate is None:
        return False
    candidate.votes[kind] += vote
    found.append(candidate)
    taken.update(range(start, end))
    return True


#: Small words a Title Case headline leaves in lower case.
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "if",
        "vs",
        "vs.",
        "via",
        "is",
        "be",
    ]
)
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: A line with this share of its (non-small) words capitalised, and at least this many words,
#: reads as a headline: all of them ("Carla Reyes met Tom Harris in Madrid." is a sentence).
TITLE_SHARE = 1.0
TITLE_MIN_WORDS = 3


#: A Title Case line reads as a headline only among the first blocks (a title, a deck):
#: further down, such lines are lists of names and results ("Mark Taylor, Greg Blewett").
TITLE_BLOCKS = 2


def is_heading(chunk: ParsedChunk) -> bool:
    if chunk.block.kind == "heading":
        return True
    words = [w for w in WORD.findall(chunk.text) if w.lower() not in SMALL_WORDS]
    if len(words) < TITLE_MIN_WORDS or len(words) > 25:
        return False
    if all(w.isupper() for w in WORD.findall(chunk.text)):
        return True  # "TENNIS - HOLT BEATS NOVAK IN STRAIGHT SETS": a wire headline, anywhere
    if chunk.block_index >= TITLE_BLOCKS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= TITLE_SHARE * len(words)


def drop_heading_only(candidates: list[Candidate], chunks: list[ParsedChunk]) -> list[Candidate]:
    """The candidates, less those of headings whose name the body never writes."""
    headings = {chunk.block_index for chunk in chunks if is_heading(chunk)}
    if not headings:
        return candidates
    body = " ".join(name_key(chunk.text) for chunk in chunks if chunk.block_index not in headings)
    body_keys = {
        c.key for c in candidates if c.chunk is None or c.chunk.block_index not in headings
    }
    kept = []
    for candidate in candidates:
        in_heading = candidate.chunk is not None and candidate.chunk.block_index in headings
        if in_heading and candidate.key not in body_keys and not _written_in(candidate.key, body):
            continue
        kept.append(candidate)
    return kept


def _written_in(key: str, body: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", body) is not None


def spot_camel_case(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "FiveThirtyEight", "HuffPollster", "RealClearPolitics": one word in CamelCase that the
    NER left untagged is a brand's name, an organisation. `make` builds a candidate with its
    evidence (`candidates._candidate`)."""
    found: list[Candidate] = []
    for token in chunk.doc:
        if token.i in taken or not CAMEL_CASE.match(token.text):
            continue
        spot_span(found, chunk, taken, make, (token.i, token.i + 1), "ORG")
    return found


def drop_lone_openers(candidates: list[Candidate]) -> list[Candidate]:
    """A one-word name written once, as a sentence's first word, in no longer name, not
    speaking, read as no place and no place that exists ("Envy drove the feud"): a
    capitalised plain word, not a name. A name the article means is written again, in
    full, or says something."""
    counts: dict[str, int] = {}
    in_longer: set[str] = set()
    for candidate in candidates:
        counts[candidate.key] = counts.get(candidate.key, 0) + 1
        if len(candidate.words) > 1:
            in_longer.update(name_key(word) for word in candidate.words)
    kept = []
    for candidate in candidates:
        chunk = candidate.chunk
        if (
            chunk is not None
            and candidate.last - candidate.first == 1
            and candidate.type != "PLACE"
            and counts[candidate.key] == 1
            and candidate.key not in in_longer
            and sum(candidate.votes.values()) <= 1  # a spotted name has its rule's vote
        ):
            doc = chunk.doc
            token = doc[candidate.first]
            after = doc[candidate.last] if candidate.last < len(doc) else None
            if (
                token.is_sent_start
                and token.text[1:].isalpha()
                and token.text[1:].islower()
                and token.text not in GIVEN_NAMES
                and not place_kind(token.text)
                and not (after is not None and after.lemma_ in lexicon.SPEECH_VERBS)
            ):
                continue
        kept.append(candidate)
    return kept


#: Double quotation marks only: a single one is an apostrophe as often ("the parents'").
OPEN_QUOTES = frozenset({"“", '"'})
CLOSE_QUOTES = frozenset({"”", '"'})
#: Words that join a title's names ("Fox and Friends", "Pride & Prejudice").
TITLE_JOINERS = frozenset({"and", "&"})


def quoted_titles(doc: Doc) -> dict[int, tuple[int, int]]:
    """A title in quotation marks whose Title Case names an "and" joins ("“Salt and
    Pepper.”", a show): each of its tokens -> the title's bounds, its words without the
    marks and the sentence's stop. The title is one work, not its names."""
    inside: dict[int, tuple[int, int]] = {}
    opened: int | None = None
    for i, token in enumerate(doc):
        if token.text in OPEN_QUOTES and opened is None:
            opened = i
        elif token.text in CLOSE_QUOTES and opened is not None:
            words = [t for t in doc[opened + 1 : i] if not t.is_punct]
            if (
                3 <= len(words) <= 6
                and any(t.text in TITLE_JOINERS for t in words)
                and all(t.text[:1].isupper() or t.text in TITLE_JOINERS for t in words)
            ):
                last = i
                while last > opened + 1 and doc[last - 1].is_punct:
                    last -= 1
                for t in range(opened + 1, i):
                    inside[t] = (opened + 1, last)
            opened = None
    return inside
