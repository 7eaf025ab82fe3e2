"""Spans the NER labels as names that are no names: the department an office's title
names ("Secretary of State Ana Ruiz"), an acronym used as a common noun ("a super PAC"), a
technical term in capitals ("an EV", "AWD", "the GPU", "EVs")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Titles whose "of ..." names a department as part of the title ("Secretary of State").
OFFICE_TITLES = frozenset({"Secretary", "Undersecretary", "Under Secretary", "Minister"})

#: Determiners that make a noun a kind of thing: "a PAC" is one of many.
INDEFINITE = frozenset({"a", "an", "another", "each", "every", "any"})


def not_a_name(doc: Doc, first: int, last: int, label: EntityType) -> bool:
    """`doc[first:last]`, labelled `label`, is part of a title or a common noun."""
    if label != "DATE" and _technical_term(doc, first, last):
        return True
    if label != "ORG":
        return False
    return _part_of_office(doc, first) or _common_acronym(doc, first, last)


def _part_of_office(doc: Doc, first: int) -> bool:
    """ "Secretary of State Ana Ruiz", "the Secretary of the Treasury": the department of
    an office's title is the office, not the department the article names."""
    i = first - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].text in OFFICE_TITLES


def _common_acronym(doc: Doc, first: int, last: int) -> bool:
    """ "a super PAC", "the super PAC Prairie Voices PAC": an acronym with an indefinite
    article, or with a lower-case modifier before a name, is a kind of thing."""
    if last - first != 1 or not doc[first].is_upper:
        return False
    token = doc[first]
    if any(c.lower_ in INDEFINITE and c.dep_ == "det" for c in token.children):
        return True
    before = doc[first - 1] if first > 0 else None
    return (
        before is not None
        and before.is_lower
        and before.is_alpha
        and before.head.i >= first
        and before.dep_ in {"amod", "compound"}
        and first + 1 < len(doc)
        and doc[first + 1].is_title
        and doc[first + 1].pos_ == "PROPN"
    )


#: Capitals with a plural "s" ("EVs", "SUVs", "NGOs"): a kind of thing counted, no name.
PLURAL_LETTERS = re.compile(r"^[A-Z0-9]*[A-Z][A-Z0-9]*s$")


def _technical_term(doc: Doc, first: int, last: int) -> bool:
    """ "an EV", "AWD", "the GPU market", "40,000 EVs": a technical term written in capitals
    (`lexicon.TECHNICAL_TERMS`), or letters in the plural, is a common noun."""
    text = doc[first:last].text  # "USB-C" is three tokens
    if text in lexicon.TECHNICAL_TERMS:
        return True
    return last - first == 1 and len(text) >= 3 and bool(PLURAL_LETTERS.match(text))
