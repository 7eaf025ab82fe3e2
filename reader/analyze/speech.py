"""Which quoted spans are reported speech: not a title, a name or a label in quotation
marks, and a fragment only when it reads as someone's words."""

from __future__ import annotations

from reader.analyze.quotes import (
    QuoteSpan,
    has_first_person,
    is_headline_case,
    is_modifier,
    is_naming,
    looks_like_name_or_title,
)
from reader.analyze.speaker_cues import Attribution
from reader.model import Article

#: A partial quote of at most this many words needs an attribution close by.
SHORT_PARTIAL_WORDS = 3


def is_reported_speech(article: Article, span: QuoteSpan, attribution: Attribution) -> bool:
    """Speech, not a title or a label; a fragment only when it reads as someone's words."""
    inner = span.text(article)
    spoken = attribution.governed and attribution.cue_in_sentence
    if is_naming(article, span) or is_modifier(article, span):
        return False
    if looks_like_name_or_title(inner) or is_headline_case(inner):
        return spoken and attribution.close  # chanted "Red for Ed," yes; a song's title, no
    if span.kind == "direct":
        return True
    if span.words <= SHORT_PARTIAL_WORDS:
        return (
            attribution.close
            or (has_first_person(inner) and attribution.cue_in_sentence)
            or (spoken and attribution.speaker is not None)
        )
    return (
        attribution.cue_in_sentence
        or has_first_person(inner)
        or (attribution.speaker is not None and attribution.cue is not None)
    )
