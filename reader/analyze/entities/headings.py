"""Names found only in headings weigh less, and brands written in CamelCase are names.

Names found only in headings weigh less: a headline's Title Case runs words together
("Marlow Hid Past Debts", "Scissor Keyboard Expected"), and the small model reads them as
names. A candidate from a heading (a heading block, or a line written in Title Case) is kept
only when the body names it too; the body's own mentions are what make an entity."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analyze.entities.evidence import CAMEL_CASE, SPOTTED_VOTE
from reader.analyze.entities.types import Candidate, name_key
from reader.analyze.nlp import ParsedChunk
from reader.model import EntityType

MakeCandidate = Callable[[ParsedChunk, int, int, EntityType, str | None], Candidate | None]

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
    if chunk.block_index >= TITLE_BLOCKS:
        return False
    words = [w for w in WORD.findall(chunk.text) if w.lower() not in SMALL_WORDS]
    if len(words) < TITLE_MIN_WORDS or len(words) > 25:
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
        candidate = make(chunk, token.i, token.i + 1, "ORG", None)
        if candidate is not None:
            candidate.votes["ORG"] += SPOTTED_VOTE
            found.append(candidate)
            taken.add(token.i)
    return found
