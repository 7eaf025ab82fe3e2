"""Sports pages: results and standings lines, and athletes listed with their country.

Wire sports pages are tables written as text: "Arsenal 2 Leicester 0" (a result), "Arsenal
5 3 1 1 10 5 10" (a standings row), "1 - Pete Holt ( U.S. ) beat ..." (a draw). The small
model reads a result as one organisation ("Chelsea 1 Everton 1"), or a team as its town,
and misses most athletes. The names on a line of names and scores are teams, organisations,
whatever their town; capitalised words opening with a given name before a parenthesised
country are a person.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analyze.entities.given_names import given_names
from reader.analyze.entities.headings import MakeCandidate, spot_span
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.types import Candidate
from reader.analyze.nlp import ParsedChunk

_NAME = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"
#: "Arsenal 2 Leicester 0", "Real Madrid 3 Deportivo Coruna 1": a result, one line.
RESULT_LINE = re.compile(rf"^({_NAME}) (\d{{1,3}}) ({_NAME}) (\d{{1,3}})\s*$", re.MULTILINE)
#: "Arsenal 5 3 1 1 10 5 10": a standings row, a name and three or more numbers.
STANDINGS_LINE = re.compile(rf"^({_NAME})((?: \d{{1,3}}){{3,}})\s*$", re.MULTILINE)

#: What a team gains at each line of scores: more than its town's votes as a place.
SCORE_LINE_VOTE = 5


def spot_teams(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """The names of result and standings lines, as organisations (teams)."""
    text = chunk.text
    found: list[Candidate] = []
    spans: list[tuple[int, int]] = []
    for match in RESULT_LINE.finditer(text):
        spans += [match.span(1), match.span(3)]
    for match in STANDINGS_LINE.finditer(text):
        spans.append(match.span(1))
    doc = chunk.doc
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) == 0 or any(t.i in taken for t in span):
            continue
        spot_span(found, chunk, taken, make, (span.start, span.end), "ORG", SCORE_LINE_VOTE)
    return found


def spot_athletes(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "Pete Holt ( U.S. ) beat ...": two or three capitalised words opening with a given
    name, before a country in parentheses, are a person."""
    doc = chunk.doc
    found: list[Candidate] = []
    names = given_names()
    for token in doc:
        if token.text != "(" or token.i < 2:
            continue
        close = next((t.i for t in doc[token.i + 1 : token.i + 5] if t.text == ")"), None)
        if close is None or place_kind(doc[token.i + 1 : close].text) != "country":
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].is_title:
            start -= 1
        if token.i - start < 2 or doc[start].text not in names:
            continue
        if any(t in taken for t in range(start, token.i)):
            continue
        spot_span(found, chunk, taken, make, (start, token.i), "PERSON", SCORE_LINE_VOTE)
    return found


def team_nicknames(candidates: list[Candidate]) -> None:
    """ "the Lakers" of "Los Angeles Lakers": a plural capitalised word the model reads as a
    group of people (a nationality, a party's members) that ends a team's name in the same
    article, a place and that word, is the team, an organisation."""
    endings = {
        c.words[-1]
        for c in candidates
        if c.type == "ORG" and len(c.words) >= 2 and place_kind(" ".join(c.words[:-1])) is not None
    }
    for candidate in candidates:
        word = candidate.surface
        if (
            candidate.type == "OTHER"
            and len(candidate.words) == 1
            and word in endings
            and word.endswith("s")
            and word[1:].islower()
        ):
            candidate.type = "ORG"
            candidate.votes = Counter({"ORG": 1 + SCORE_LINE_VOTE})
