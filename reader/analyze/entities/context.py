"""Context readers for the type evidence: the title before a name, the verb it is the
subject of, the platform or outlet it is named as, the names listed with it, the gender
its given name tells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.types import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def title_before(doc: Doc, first: int) -> tuple[str | None, str | None]:
    """A title or role written before a person's name: description and the gender it tells."""
    i = first
    while i > 0:
        token = doc[i - 1]
        if token.is_punct and token.text != ".":
            break
        if token.dep_ in {"compound", "amod", "nmod"} and i - 1 < _head_index(token) < first + 8:
            i -= 1
            continue
        if token.text in lexicon.TITLE_WORDS:
            i -= 1
            continue
        break
    if i == first:
        return None, None
    words = [doc[t].text for t in range(i, first)]
    gender = None
    for word in words:
        if word in lexicon.MALE_TITLES:
            gender = "male"
        elif word in lexicon.FEMALE_TITLES:
            gender = "female"
    has_role = any(w in lexicon.TITLE_WORDS or w.islower() for w in words)
    return (doc[i:first].text if has_role else None), gender


def _head_index(token: Token) -> int:
    return token.head.i


def is_speech_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in lexicon.SPEECH_VERBS


def platform_context(doc: Doc, first: int) -> bool:
    """ "said on Twitter", "wrote on Facebook": the name after on/via a verb is a platform."""
    if first == 0:
        return False
    prep = doc[first - 1]
    return (
        prep.text.lower() in lexicon.PLATFORM_PREPOSITIONS
        and prep.head.pos_ in {"VERB", "AUX"}
        and prep.head.lemma_ in lexicon.SPEECH_VERBS | {"post", "publish", "appear", "announce"}
    )


def told_outlet(doc: Doc, first: int, last: int) -> bool:
    """ "tells VOA", "told CNN": an all-capitals object of "tell" is an outlet, not a person."""
    if first == 0 or last - first != 1:
        return False
    return doc[first - 1].lemma_ in lexicon.TELL_VERBS and doc[first].is_upper


def _name_with_compounds(token: Token) -> str:
    """ "Sierra Nevada" for the token "Nevada": the proper nouns compounded onto it."""
    start = token.i
    doc = token.doc
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and start - 1 < doc[start - 1].head.i <= token.i
    ):
        start -= 1
    return doc[start : token.i + 1].text


def peers_of(token: Token) -> tuple[str, ...]:
    """Names listed with this one ("Lisbon, Porto and Coimbra") or in parallel clauses
    ("If Lisbon can do it, Porto can do it")."""
    peers: list[Token] = []
    if token.dep_ == "conj":
        peers.append(token.head)
    peers.extend(child for child in token.children if child.dep_ == "conj")
    if token.dep_ == "nsubj":
        verb = token.head
        related = [verb.head] if verb.dep_ in {"conj", "ccomp", "advcl"} else []
        related += [c for c in verb.children if c.dep_ in {"conj", "ccomp", "advcl"}]
        for other in related:
            if other.lemma_ == verb.lemma_:
                peers.extend(c for c in other.children if c.dep_ == "nsubj")
    return tuple(
        key
        for p in peers
        if p.pos_ == "PROPN"
        for key in dict.fromkeys((name_key(p.text), name_key(_name_with_compounds(p))))
    )


def role_before(doc: Doc, first: int) -> bool:
    if first == 0:
        return False
    return doc[first - 1].lower_ in lexicon.ROLE_NOUNS


def gender_of_name(words: list[str]) -> str | None:
    if len(words) < 2:
        return None
    if words[0] in lexicon.MALE_NAMES:
        return "male"
    if words[0] in lexicon.FEMALE_NAMES:
        return "female"
    return None


def civic_place(doc: Doc, first: int, last: int) -> bool:
    """ "the mayor of Ashwick", "Tarnby's mayor", "Marwick residents", "the streets of Kelso":
    a name whose people or parts are written of is a place."""
    after = doc[last] if last < len(doc) else None
    if after is not None and after.tag_ == "POS":
        after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.is_lower and after.lemma_.lower() in lexicon.CIVIC_NOUNS:
        return True
    i = first - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lemma_.lower() in lexicon.CIVIC_NOUNS
