"""Names with punctuation inside: "E*Trade", "AT&T", Toys "R" Us (and "Yahoo! News",
`repair.extend_over_exclamation`). The model leaves them untagged or cuts them at the mark;
these rules spot the name whole, as an organisation (the names written so are companies'
and brands')."""

from __future__ import annotations

import re

from reader.analyze.entities.headings import MakeCandidate, spot_span
from reader.analyze.entities.types import Candidate
from reader.analyze.nlp import ParsedChunk

#: One word whose capitalised parts a "*" or a "&" joins ("E*Trade", "AT&T"); with one
#: letter on each side of a "&" it is a common noun ("R&D", "Q&A", "M&A").
GLUED = re.compile(r"^[A-Z][A-Za-z]*[*&][A-Z][A-Za-z]*$")
#: A capital letter in quotes between two capitalised words (Toys "R" Us).
QUOTED_LETTER = re.compile(r"\b[A-Z][a-z]+ [\"“][A-Z][\"”] [A-Z][a-z]+\b")


def spot_glued(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "E*Trade said": one word of capitalised parts joined by "*" or "&", untagged, is a
    company's name."""
    found: list[Candidate] = []
    for token in chunk.doc:
        text = token.text
        if token.i in taken or token.ent_type_ or not GLUED.match(text):
            continue
        if "&" in text and max(len(part) for part in text.split("&")) < 2:
            continue  # "R&D", "Q&A"
        spot_span(found, chunk, taken, make, (token.i, token.i + 1), "ORG")
    return found


def spot_quoted_letters(
    chunk: ParsedChunk, taken: set[int], make: MakeCandidate
) -> list[Candidate]:
    """Toys "R" Us: a letter in quotes between two capitalised words is one name, which the
    model reads as two (or as the place "Us"). Runs before the model's spans are read."""
    found: list[Candidate] = []
    for match in QUOTED_LETTER.finditer(chunk.text):
        span = chunk.doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is None or any(t.i in taken for t in span):
            continue
        spot_span(found, chunk, taken, make, (span.start, span.end), "ORG")
    return found
