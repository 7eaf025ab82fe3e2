"""The shapes of names the type evidence reads: initials before a surname ("J.K.
Rowling"), a given name and a surname that looks plural ("George Stephanopoulos", no team),
a state written after a town ("Tampa, FL"), a country run into a person's name ("Ukraine
Marie Yovanovitch")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.places import POSTAL_CODES, STATE_ABBREVIATIONS, place_kind
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A person's initials ("J.K.", "A.", "T.R."), and the letters that are places or clubs.
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
NOT_INITIALS = frozenset(
    {"U.N.", "E.U.", "L.A.", "A.C.", "F.C.", "A.S.", "C.F.", "B.C.", "S.F.", "P.O.", "U.S.A."}
)


def after_town(doc: Doc, first: int) -> bool:
    return first >= 2 and doc[first - 1].text == "," and doc[first - 2].is_title


def state_word(text: str) -> bool:
    return text in STATE_ABBREVIATIONS or text in POSTAL_CODES or place_kind(text) == "state"


def given_name_person(last: Token, label: str, words: list[str]) -> bool:
    """ "George Stephanopoulos", "Chad Thomas": a name the model reads as a person's, opening
    with a given name, ending as surnames do and plural nouns seldom ("-as", "-os") and not
    tagged a plural, is no team though its first word is a place ("Charlotte Panthers")."""
    from reader.analyze.entities.given_names import given_names

    return (
        label == "PERSON"
        and len(words) >= 2
        and words[0] in given_names()
        and words[-1].endswith(SURNAME_ENDINGS)
        and last.tag_ != "NNPS"
    )


#: Endings of surnames that look plural ("Thomas", "Davis", "Stephanopoulos", "Jones").
SURNAME_ENDINGS = ("as", "is", "us", "os", "es")


def initialled_person(words: list[str]) -> bool:
    """ "J.K. Rowling", "A. B. Smith", "T.R. Fehrenbach": initials, then a capitalised name."""
    if len(words) < 2 or not INITIALS.match(words[0]) or words[0] in NOT_INITIALS:
        return False
    if place_kind(words[0]) is not None or words[0] in STATE_ABBREVIATIONS:
        return False
    from reader.analyze.entities.given_names import given_names

    rest = [w for w in words[1:] if not INITIALS.match(w)]
    last = words[-1]
    return (
        bool(rest)
        and not (len(rest) >= 2 and last in given_names())  # "J.P. Morgan Chase": a firm
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in rest)
        and last not in lexicon.ORG_SUFFIXES
        and last.lower() not in lexicon.BUILDING_WORDS | lexicon.PRESS_WORDS
    )


def split_place_before_person(
    doc: Doc, first: int, last: int, label: EntityType
) -> list[tuple[int, int, EntityType]] | None:
    """ "the ambassador to Ukraine Marie Yovanovitch", of which the model tags "Ukraine Marie
    Yovanovitch" a person or an organisation: a country or a state that is no given name,
    then a given name and a surname (no organisation's word), are a place and a person."""
    from reader.analyze.entities.given_names import given_names

    if label not in {"PERSON", "ORG"} or last - first < 3:
        return None
    end = doc[last - 1].text
    if end in lexicon.ORG_SUFFIXES or end.lower() in lexicon.BUILDING_WORDS | lexicon.PRESS_WORDS:
        return None
    names = given_names()
    for split in range(first + 1, min(first + 4, last - 1)):
        place = doc[first:split].text
        if place_kind(place) not in {"country", "state"} or doc[first].text in names:
            continue
        if doc[split].text in names and all(t.is_title for t in doc[split:last]):
            return [(first, split, "PLACE"), (split, last, "PERSON")]
    return None
