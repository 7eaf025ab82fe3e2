"""Span repair: spaCy's entity spans widened or narrowed where the small model cuts names
wrong ("Moon Jae" of "Moon Jae-in", "Japan Forum" of "Japan Forum for Strategic Studies")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.places import place_kind
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
    last = _trim_trailing_words(doc, first, last, label)
    if label == "ORG":
        last = _trim_before_title(doc, first, last)
        last = _trim_rank(doc, first, last)
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
        if last - first >= 3 and doc[first].text in PARTY_WORDS:
            first += 1  # "Libertarian Gary Johnson"
    if label in NAMED_TYPES:
        last = _extend_over_hyphens(doc, last)
    if label == "ORG":
        last = _extend_org(doc, last)
        first = _extend_acronym_left(doc, first, last)
    if label in NAMED_TYPES:
        last = extend_over_exclamation(doc, last)
    return first, last, description


def _extend_acronym_left(doc: Doc, first: int, last: int) -> int:
    """ "Prairie Voices PAC", of which the model tags "PAC": the capitalised words that
    compound onto an acronym are its name."""
    if last - first != 1 or not doc[first].is_upper or len(doc[first].text) < 2:
        return first
    start = first
    while (
        start > 0
        and doc[start - 1].is_title
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < last
        and doc[start - 1].text not in lexicon.LEADING_DROP
        and doc[start - 1].text not in lexicon.TITLE_WORDS
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    return start


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


#: Party words written before a candidate's name, not part of it.
PARTY_WORDS = frozenset(
    {"Republican", "Democrat", "Democratic", "Libertarian", "GOP", "Labour", "Conservative"}
)

#: What a date may not end with ("next spring despite"); a name ends with none of its
#: lower-case words ("Thibaut Courtois to", "Harbor Hawks - while", "Economic Club of").
DATE_TAIL_POS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "VERB", "AUX"})
PERCENT_WORDS = frozenset({"percent", "per", "cent", "%", "points"})


def _trim_trailing_words(doc: Doc, first: int, last: int, label: EntityType) -> int:
    """The span's end, less trailing function words, dashes and "41 percent"."""
    while last - first > 1:
        token = doc[last - 1]
        if label == "DATE":
            if token.pos_ in DATE_TAIL_POS and token.is_lower:
                last -= 1
                continue
            break
        if label not in NAMED_TYPES:
            break
        if (
            token.i >= 1
            and doc[token.i - 1].text in {"-", "‑"}
            and not doc[token.i - 1].whitespace_
        ):
            break  # "Ban Ki-moon": a hyphen joins the word to the name
        if token.is_punct and token.text not in {".", ")"}:
            last -= 1
        elif token.is_lower and token.is_alpha or token.text in PERCENT_WORDS:
            percent = token.text in PERCENT_WORDS
            last -= 1
            if percent and last - first > 1 and doc[last - 1].like_num:
                last -= 1
        else:
            break
    return last


def split_affiliation(
    doc: Doc, first: int, last: int, label: EntityType
) -> list[tuple[int, int, EntityType]] | None:
    """ "Penelope Muse Abernathy of the University of North Carolina": a person's name and
    the organisation she is of, read by the NER as one organisation. The left part is two or
    three capitalised words with no organisation word; the right starts with one."""
    if label != "ORG":
        return None
    for i in range(first + 2, min(first + 4, last - 1)):
        if doc[i].text != "of":
            continue
        left = [doc[t].text for t in range(first, i)]
        if not all(w[:1].isupper() and w.isalpha() for w in left):
            return None
        if any(w in lexicon.ORG_SUFFIXES or w in lexicon.TITLE_WORDS for w in left):
            return None
        j = i + 1 + (doc[i + 1].lower_ == "the")
        if j < last and doc[j].text in lexicon.ORG_SUFFIXES:
            return [(first, i, "PERSON"), (j, last, "ORG")]
        return None
    return None


def split_possessive(
    doc: Doc, first: int, last: int, label: EntityType
) -> list[tuple[int, int, EntityType]]:
    """ "Jeff Bezos's Blue Origin", "NASA's Office of the Inspector General": two names joined
    by a possessive are two entities; the possessed one is an organisation when its last word
    says so, and a person when it is two or three plain capitalised words after an outlet
    or a party ("NBC's Lester Holt", "the Green Party's Jill Stein")."""
    for i in range(first + 1, last - 1):
        if doc[i - 1].text == "People":  # "Democratic People's Republic of Korea"
            continue
        if doc[i].tag_ == "POS" or doc[i].text in lexicon.POSSESSIVE_TOKENS:
            right = doc[last - 1].text
            right_label: EntityType = "ORG" if right in lexicon.ORG_SUFFIXES else label
            if not any(t.is_alpha and t.text[:1].isupper() for t in doc[i + 1 : last]):
                return [(first, i, label)]  # "Holcomb's 2016"
            if outlet_and_person(doc, first, i, last):
                return [(first, i, "ORG"), (i + 1, last, "PERSON")]
            return [(first, i, label), (i + 1, last, right_label)]
    return [(first, last, label)]


def outlet_and_person(doc: Doc, first: int, possessive: int, last: int) -> bool:
    """`doc[first:possessive]` an outlet or a party, `doc[possessive + 1:last]` a person's name."""
    owner = doc[possessive - 1].text
    person = [doc[t].text for t in range(possessive + 1, last)]
    if not 2 <= len(person) <= 3 or not all(w.isalpha() and w.istitle() for w in person):
        return False
    if person[-1] in lexicon.ORG_SUFFIXES or person[-1].lower() in lexicon.BUILDING_WORDS:
        return False
    if place_kind(person[0]) in {"country", "state", "city"}:  # "the League's Denver Hawks"
        return False
    return (
        owner in lexicon.ORG_SUFFIXES
        or owner.lower() in lexicon.PRESS_WORDS
        or (owner.isupper() and len(owner) >= 2 and possessive - first == 1)
    )


#: Prepositions that put an organisation somewhere ("Hale College on Cape Cod").
PLACE_PREPOSITIONS = frozenset({"in", "on"})
#: Institutions that sit in one place, whose name a place follows rather than continues
#: ("Council on Foreign Relations" continues; "Hale College on Cape Cod" does not).
SITED_WORDS = frozenset(
    {"University", "College", "School", "Academy", "Hospital", "Museum", "Library", "Church"}
)


def split_sited_place(
    doc: Doc, first: int, last: int, label: EntityType
) -> list[tuple[int, int, EntityType]] | None:
    """An organisation and "in" or "on" a place are two names: a place that exists, or
    Title Case words after a sited institution ("Hale College on Cape Cod")."""
    if label != "ORG":
        return None
    for i in range(first + 1, last - 1):
        if doc[i].text not in PLACE_PREPOSITIONS:
            continue
        rest = doc[i + 1 : last]
        if place_kind(rest.text) or (
            doc[i - 1].text in SITED_WORDS and all(_is_name_word(t) for t in rest)
        ):
            return [(first, i, "ORG"), (i + 1, last, "PLACE")]
    return None


#: Military ranks, as the small model cuts them ("Capt" + "."): the service before one is
#: the person's description, not part of an organisation's name ("Army Capt. Ana Ruiz").
RANK_WORDS = frozenset(
    {"Capt", "Lt", "Sgt", "Gen", "Col", "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Spc", "Ens"}
)


def _trim_rank(doc: Doc, first: int, last: int) -> int:
    """ "Army Capt", "Air Force 1st" (of "1st Lt."): the span ends before the rank."""
    end = last
    if end < len(doc) and doc[end].text.rstrip(".") in RANK_WORDS:
        while end > first + 1 and doc[end - 1].like_num:
            end -= 1  # "1st" of "1st Lt."
    while end > first + 1 and doc[end - 1].text.rstrip(".") in RANK_WORDS:
        end -= 1
    return end


def _trim_before_title(doc: Doc, first: int, last: int) -> int:
    """ "Democratic National Committee Finance" + "Director Lena Ortiz": before a title, an
    organisation ends at its last organisation word; what follows is the person's job."""
    if last >= len(doc) or doc[last].text not in lexicon.TITLE_WORDS:
        return last
    for k in range(last - 2, first, -1):
        if doc[k].text in lexicon.ORG_SUFFIXES:
            return k + 1
    return last


def outlets_person(doc: Doc, first: int, last: int) -> bool:
    """`doc[first:last]`, after an outlet's or a party's possessive, is a person's name
    ("Sky News' Megyn Tarrow", which the small model reads as a work of art)."""
    possessive = first - 1
    return (
        possessive >= 1
        and (doc[possessive].tag_ == "POS" or doc[possessive].text in lexicon.POSSESSIVE_TOKENS)
        and outlet_and_person(doc, possessive - 1, possessive, last)
    )


def extend_over_exclamation(doc: Doc, last: int) -> int:
    """ "Yahoo! News", of which the model tags "Yahoo!": a "!" glued to a name and an
    organisation's word after it ("News", "Sports") are the name's."""
    if (
        last + 1 < len(doc)
        and doc[last].text == "!"
        and not doc[last - 1].whitespace_
        and doc[last + 1].is_title
        and doc[last + 1].text in lexicon.ORG_SUFFIXES
    ):
        return last + 2
    return last
