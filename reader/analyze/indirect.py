"""Reported speech without marks: "Cho said Seoul wants to meet North Korean diplomats".

A speech verb outside any quotation whose clausal complement holds the reported words, said by
a named speaker. The span is the reported clause (without a leading "that"), kind "indirect".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analyze.lexicon import REPORTING_VERBS
from reader.analyze.nlp import ParsedChunk
from reader.analyze.speaker_cues import cue_text
from reader.analyze.speakers import SpeakerFinder

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_CLAUSE_TOKENS = 4
LEADING_COMPLEMENTIZERS = frozenset({"that"})


@dataclass(slots=True)
class IndirectSpan:
    start: int
    end: int
    speaker: int  # index into the drafts
    cue: str


def find_indirect(chunks: list[ParsedChunk], finder: SpeakerFinder) -> list[IndirectSpan]:
    """Every reported clause with a named speaker, outside quotation marks."""
    found: list[IndirectSpan] = []
    for chunk in chunks:
        for token in chunk.doc:
            if token.lemma_ not in REPORTING_VERBS or token.pos_ not in {"VERB", "AUX"}:
                continue
            if finder.in_quote(chunk.offset + token.idx):
                continue
            clause = _reported_clause(token)
            if clause is None:
                continue
            words = [t for t in clause.subtree]
            while words and (
                words[0].lower_ in LEADING_COMPLEMENTIZERS
                or words[0].is_punct
                or (words[0].ent_type_ == "DATE" and words[0].i < clause.i)  # "said Tuesday"
            ):
                words = words[1:]
            while words and words[-1].is_punct:
                words = words[:-1]
            if len(words) < MIN_CLAUSE_TOKENS:
                continue
            start = chunk.offset + words[0].idx
            end = chunk.offset + words[-1].idx + len(words[-1].text)
            if any(finder.in_quote(offset) for offset in (start, end - 1)) or _has_marks(
                finder.article.text[start:end]
            ):
                continue
            speaker = finder.speaker_of(chunk, token)
            if speaker is None or finder.drafts[speaker].type not in {"PERSON", "ORG"}:
                continue
            found.append(IndirectSpan(start, end, speaker, cue_text(token)))
    return found


def _reported_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i and child.pos_ in {"VERB", "AUX"}:
            return child
    return None


def _has_marks(text: str) -> bool:
    return any(mark in text for mark in '"“”„«»')
