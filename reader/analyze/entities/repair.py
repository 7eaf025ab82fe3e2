"""Span repair: spaCy's entity spans widened or narrowed where the small model cuts names
wrong ("Moon Jae" of "Moon Jae-in", "Japan Forum" of "Japan Forum for Strategic Studies")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.types import HYPHEN_SUFFIXES, NAMED_TYPES, PARTICIPLE_SUFFIX
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _runs_without_newline(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """The longest run of tokens in [first, last) not broken by a line break."""
    best = (first, first)
    run_start = first
    for i in range(first, last):
        token = doc[i]
        if token.is_space or "\n" in token.text:
            run_start = i + 1
            continue
        end = i + 1
        if end - run_start > best[1] - best[0]:
            best = (run_start, end)
        if "\n" in token.whitespace_:
            run_start = i + 1
    return best


def _is_name_word(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and token.tag_ != "POS"


def repair_span(doc: Doc, first: int, last: int, label: EntityType) -> tuple[int, int, str | None]:
    """Trim and extend one NER span; returns new token bounds and a stripped title, if any."""
    if "\n" in doc[first:last].text:
        first, last = _runs_without_newline(doc, first, last)
    while first < last and (doc[first].text in lexicon.LEADING_DROP or doc[first].is_punct):
        first += 1
    while last > first and (
        doc[last - 1].text in lexicon.POSSESSIVE_TOKENS
        or doc[last - 1].tag_ == "POS"
        or (doc[last - 1].is_punct and doc[last - 1].text not in {".", ")"})
    ):
        last -= 1
    while (
        label == "ORG"
        and last - first > 2
        and doc[first].text in lexicon.TITLE_WORDS
        and doc[first + 1].text in {"of", "at"}
    ):
        first += 2
    description = None
    if label == "PERSON" and last - first > 1:
        title_end = first
        for i in range(first, last - 1):
            if doc[i].text in lexicon.TITLE_WORDS:
                title_end = i + 1
        if title_end > first:
            description = doc[first:title_end].text
            first = title_end
    if label == "PERSON":
        first = _extend_left_over_given_name(doc, first)
    if label in NAMED_TYPES:
        last = _extend_over_hyphens(doc, last)
    if label == "ORG":
        last = _extend_org(doc, last)
    return first, last, description


def _extend_over_hyphens(doc: Doc, last: int) -> int:
    """ "Moon Jae" + "-in": a name part joined by a hyphen belongs to the name."""
    while (
        last + 1 < len(doc)
        and doc[last].text == "-"
        and not doc[last - 1].whitespace_
        and not doc[last].whitespace_
        and doc[last + 1].is_alpha
        and doc[last + 1].tag_ not in {"VBN", "VBD", "VBG"}
        and not PARTICIPLE_SUFFIX.search(doc[last + 1].text)
        and doc[last + 1].lower_ not in HYPHEN_SUFFIXES
        and not doc[last + 1].ent_type_
    ):
        last += 2
    return last


def _extend_left_over_given_name(doc: Doc, first: int) -> int:
    """ "Pilar" + "Roig": a capitalised proper noun compounded onto the surname is the name."""
    while first > 0:
        token = doc[first - 1]
        if (
            token.tag_ == "NNP"
            and token.is_title
            and token.is_alpha
            and token.dep_ == "compound"
            and token.head.i >= first
            and not token.ent_type_
            and "\n" not in token.whitespace_
            and token.text not in lexicon.TITLE_WORDS
            and token.lower_ not in lexicon.ROLE_NOUNS
        ):
            first -= 1
            continue
        break
    return first


def _extend_org(doc: Doc, last: int) -> int:
    """ "Japan Forum" + "for Strategic Studies": an organisation goes on over for/of + Names."""
    i = last
    end = last
    while i + 1 < len(doc) and doc[i].text in {"for", "of"}:
        j = i + 1
        while j < len(doc) and doc[j].text in {"the", "and", "&"} and j + 1 < len(doc):
            j += 1
        k = j
        while k < len(doc) and (
            (_is_name_word(doc[k]) and doc[k].is_alpha)
            or (
                doc[k].text in {"and", "of", "&"} and k + 1 < len(doc) and _is_name_word(doc[k + 1])
            )
        ):
            k += 1
        while k > j and not _is_name_word(doc[k - 1]):
            k -= 1
        if k == j or not any(doc[t].is_title or doc[t].is_upper for t in range(j, k)):
            break
        end = k
        i = k
    return end
