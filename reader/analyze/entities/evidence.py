"""Type evidence: votes for PERSON, ORG, PLACE or DATE from the words around a name, and
the weighted vote that types each name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.context import (
    civic_place,
    gender_of_name,
    is_speech_subject,
    peers_of,
    platform_context,
    role_before,
    title_before,
    told_outlet,
)
from reader.analyze.entities.places import (
    POSTAL_CODES,
    in_country_name,
    place_kind,
    plural_place,
)
from reader.analyze.entities.repair import outlet_and_person
from reader.analyze.entities.shapes import (
    after_town,
    given_name_person,
    initialled_person,
    state_word,
)
from reader.analyze.entities.types import DASHES, Candidate
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CAMEL_CASE = re.compile(r"^[A-Z][a-z]{3,}[A-Z][A-Za-z]*$|^[A-Z][a-z]{3,}[A-Z]$")

# Vote weights: each is added to a type's count of NER labels (one vote per mention).
#: A PERSON label in a platform context ("said on Twitter"): an organisation.
PLATFORM_VOTE = 3
#: "told Reuters": the one word after "told" is an outlet.
OUTLET_VOTE = 3
#: A title or role noun before the name ("Minister Kim", "spokesman Lee"), or a gendered one.
ROLE_VOTE = 3
#: An apposition noun of a person, an organisation or a place ("Newsham, a senior fellow").
APPOSITION_VOTE = 3
#: "companies such as Gannett", "cities including Porto": the noun of the class.
CLASS_NOUN_VOTE = 3
#: The order the apposition and class nouns are read in (a few nouns are in two lists).
APPOSITION_ORDER: tuple[EntityType, ...] = ("PERSON", "ORG", "PLACE")
CLASS_ORDER: tuple[EntityType, ...] = ("ORG", "PLACE", "PERSON")
#: A relative "who" ("Llop, who is 63").
RELATIVE_WHO_VOTE = 2
#: A name that modifies a noun of places ("the Graca neighbourhood") or organisations.
MODIFIER_PLACE_VOTE = 2
MODIFIER_ORG_VOTE = 1
#: A name ending with an organisation word ("... Institute") or a building word ("... Hall").
NAME_WORD_VOTE = 3
#: A single word that is a date word ("Monday", "yesterday").
DATE_WORD_VOTE = 5
#: A dateline at the start of a paragraph ("GDANSK, June 19 -").
DATELINE_VOTE = 3
#: Several words, all capitals ("CBS DFW").
CAPITALS_VOTE = 3
#: "Amritsar-based": where something is based.
BASED_IN_VOTE = 3
#: PERSON votes from which a one-word name counts as a person's name, and what its full
#: names then gain ("Llop said" / "Ferran Llop").
PERSON_EVIDENCE = 3
SURNAME_OF_PERSON_VOTE = 3
#: The rules that spot names the NER missed (`candidates`): a surname that speaks as a
#: person, "named as ...", "... -based".
SPOTTED_VOTE = 3
#: A name that is a country, a continent or a US state (`places`), each mention; a city of
#: 100,000 or more, once. Neither when the article names a person with the word.
COUNTRY_VOTE = 3
CITY_VOTE = 2
#: "Ashton, Md.": a name followed by a state is a town.
CITY_STATE_VOTE = 3
#: A team: a place and a plural ("Charlotte Panthers", "Minnesota Vikings"), or "the" and a
#: plural name that is no place ("the Lakers", not "the Philippines"); a place and a
#: newspaper's word ("Kansas City Star").
TEAM_VOTE = 3
#: One word the NER reads both as a person and as a place, no known place, with nothing
#: in the text for a person: a company or a brand ("Ubisoft"). Its organisation vote beats both.
MIXED_LABEL_MARGIN = 1
#: One word the NER calls a person at least once that is the subject of a speech verb
#: ("Vogel said"), with nothing for an organisation but the NER's own labels: a person.
SPEAKER_VOTE = 2
#: Two or three plain capitalised words after an outlet's or a party's possessive ("NBC's
#: Lester Holt", "the Green Party's Jill Stein"): a person of theirs.
OUTLET_PERSON_VOTE = 3
#: One word written in CamelCase ("SpaceX", "GateHouse", "FiveThirtyEight"): a brand, not a
#: person ("McConnell", "LaBelle", "DeNiro": a short prefix before the capital).
CAMEL_CASE_VOTE = 3
#: A name opening with initials and ending with a capitalised word ("J.K. Rowling", "A. B.
#: Smith"): a person, whatever the model calls it, unless the letters are a place's ("U.S.
#: Steel", "N.Y. Times") or a club's ("A.C. Milan") or the last word an organisation's.
INITIALS_VOTE = 3
#: "the mayor of Ashwick", "Tarnby residents": a place (`context.civic_place`).
CIVIC_VOTE = 4
#: An organisation after a preposition counts as a place only from this preposition weight
#: (`lexicon.PLACE_PREPOSITIONS`): "to Netflix", "at Google" are no evidence of a place.
ORG_PLACE_PREPOSITION = 2


def gather_evidence(candidate: Candidate, doc: Doc, root: Token) -> None:
    """Votes for a type from the words around the name."""
    first, last, label = candidate.first, candidate.last, candidate.type
    votes = candidate.votes
    single = last - first == 1
    candidate.speech_subject = is_speech_subject(root)
    if single:
        candidate.peers = peers_of(root)
    before, gender = title_before(doc, first)
    if label == "PERSON":
        candidate.description = candidate.description or before
    candidate.gender = gender or (gender_of_name(candidate.words) if label == "PERSON" else None)
    if label == "PERSON" and platform_context(doc, first):
        votes["ORG"] += PLATFORM_VOTE
    if single and told_outlet(doc, first, last):
        votes["ORG"] += OUTLET_VOTE
    if role_before(doc, first) or gender:
        votes["PERSON"] += ROLE_VOTE
    # Apposition: "Grant Newsham, a senior fellow", "the operator, Lisboa Transportes".
    nouns = [child for child in root.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        kind = lexicon.type_of_noun(noun.lemma_.lower(), APPOSITION_ORDER)
        if kind is not None:
            votes[kind] += APPOSITION_VOTE
    # "Llop, who is 63": a relative "who" is said of people.
    for child in root.children:
        if child.dep_ == "relcl" and any(
            grand.lower_ == "who" and grand.dep_ in {"nsubj", "nsubjpass"}
            for grand in child.children
        ):
            votes["PERSON"] += RELATIVE_WHO_VOTE
    # "the Graca neighbourhood", "the Kustwerk team": a name used as a modifier of a noun.
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= last:
        lemma = root.head.lemma_.lower()
        if lemma in lexicon.PLACE_NOUNS:
            votes["PLACE"] += MODIFIER_PLACE_VOTE
        elif lemma in lexicon.ORG_NOUNS:
            votes["ORG"] += MODIFIER_ORG_VOTE
    # "companies such as Gannett", "cities including Porto": the class the name is one of.
    # The list's first name stands after "such as" ("such as Time, Zenith and Marlowe Report").
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    listed = head.left_edge.i if head is not root else first
    if listed >= 3 and (
        (doc[listed - 1].lower_ == "as" and doc[listed - 2].lower_ == "such")
        or doc[listed - 1].lower_ == "including"
    ):
        noun = doc[listed - 3] if doc[listed - 1].lower_ == "as" else doc[listed - 2]
        kind = None
        if noun.pos_ == "NOUN":
            kind = lexicon.type_of_noun(noun.lemma_.lower(), CLASS_ORDER)
        if kind is not None:
            votes[kind] += CLASS_NOUN_VOTE
    # "in Gourock", "near Rotterdam": a place after a locative preposition.
    if first > 0 and (single or label != "PERSON") and root.dep_ == "pobj":
        weight = lexicon.PLACE_PREPOSITIONS.get(doc[first - 1].lower_, 0)
        possessive = last < len(doc) and doc[last].tag_ == "POS"
        if label == "ORG" and weight < ORG_PLACE_PREPOSITION:  # "to Netflix", "at Google"
            weight = 0
        if label == "ORG" and candidate.words[-1] in lexicon.ORG_SUFFIXES:
            weight = 0  # "in Congress", "in the Senate": a body one sits in
        if weight and not possessive:
            votes["PLACE"] += weight
    words = candidate.words
    org_head = len(words) >= 3 and words[0] in lexicon.ORG_SUFFIXES and words[1] in {"of", "for"}
    if len(words) >= 2 and words[-1].lower() in lexicon.BUILDING_WORDS:
        votes["PLACE"] += NAME_WORD_VOTE  # "Bank of America Stadium"
    elif org_head or (len(words) >= 2 and words[-1] in lexicon.ORG_SUFFIXES):
        votes["ORG"] += NAME_WORD_VOTE
    if single and candidate.surface.lower().strip(".") in lexicon.DATE_WORDS:
        votes["DATE"] += DATE_WORD_VOTE
    # A dateline: "GDANSK, June 19 -", "DULUTH, Minn. -", "Indianapolis – Several thousand".
    if (
        first <= 1
        and doc[first].is_upper
        and len(doc[first].text) > 2
        and last < len(doc)
        and doc[last].text in DASHES
    ) or (first == 0 and last < len(doc) and doc[last].text in {"–", "—", "--"}):
        votes["PLACE"] += DATELINE_VOTE
    # "CBS DFW": capitals only, several words: an organisation's letters, not a person.
    if len(words) >= 2 and all(w.isupper() for w in words):
        votes["ORG"] += CAPITALS_VOTE
    if (
        first >= 2
        and (doc[first - 1].tag_ == "POS" or doc[first - 1].text in lexicon.POSSESSIVE_TOKENS)
        and outlet_and_person(doc, first - 2, first - 1, last)
    ):
        votes["PERSON"] += OUTLET_PERSON_VOTE  # "NBC's Lester Holt"
    if single and CAMEL_CASE.match(candidate.surface):
        votes["ORG"] += CAMEL_CASE_VOTE
    if _team_name(doc, first, words) and not given_name_person(doc[last - 1], label, words):
        votes["ORG"] += TEAM_VOTE
    if initialled_person(words):
        votes["PERSON"] += INITIALS_VOTE
    if civic_place(doc, first, last):
        votes["PLACE"] += CIVIC_VOTE
    # "Ashton, Md.", "Springfield, Illinois", "Tampa, FL": a town and its state.
    state_after = last + 1 < len(doc) and state_word(doc[last + 1].text)
    if state_after and doc[last].text == "," and label != "ORG" and not _named_person(label, words):
        votes["PLACE"] += CITY_STATE_VOTE
    if single and candidate.surface in POSTAL_CODES and after_town(doc, first):
        votes["PLACE"] += CITY_STATE_VOTE  # "FL" of "Tampa, FL"
    # "an Amritsar-based agent": where something is based is a place.
    if (
        last + 1 < len(doc)
        and doc[last].text == "-"
        and doc[last + 1].lower_ == "based"
        and not doc[last - 1].whitespace_
    ):
        votes["PLACE"] += BASED_IN_VOTE


def vote_types(candidates: list[Candidate]) -> tuple[dict[str, EntityType], set[str]]:
    """The type of each name by weighted vote, and the names with evidence beyond the NER."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: Counter[str] = Counter()
    surface_of: dict[str, str] = {}
    for candidate in candidates:
        votes[candidate.key].update(candidate.votes)
        mentions[candidate.key] += 1
        surface_of.setdefault(candidate.key, candidate.surface)
    evidenced = {key for key, counter in votes.items() if sum(counter.values()) > mentions[key]}
    # A surname that speaks or is described as a person makes its full name a person
    # ("Llop said" / "Ferran Llop").
    person_words = {
        key
        for key, counter in votes.items()
        if " " not in key
        and (
            counter["PERSON"] >= PERSON_EVIDENCE
            or any(c.speech_subject for c in candidates if c.key == key and c.type != "PLACE")
        )
    }
    for key, counter in votes.items():
        words = surface_of[key].split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        if words[-1].lower() in person_words and words[-1] not in lexicon.ORG_SUFFIXES:
            counter["PERSON"] += SURNAME_OF_PERSON_VOTE
    _place_votes(candidates, votes)
    _speaking_person(candidates, votes)
    _mixed_labels(candidates, votes)
    _unknown_places(candidates, votes)
    types: dict[str, EntityType] = {}
    for key, counter in votes.items():
        best = max(counter.items(), key=lambda item: (item[1], item[0] != "PERSON"))[0]
        types[key] = best  # type: ignore[assignment]
    return types, evidenced


def _place_votes(candidates: list[Candidate], votes: dict[str, Counter[str]]) -> None:
    """Countries, states and large cities vote PLACE, unless a person is named with the word
    ("Elizabeth Warren", "Michael Jordan") or the name speaks ("Jackson said")."""
    person_words = {
        word
        for c in candidates
        if c.type == "PERSON" and len(c.words) >= 2
        for word in c.key.split()
    }
    speaking = {c.key for c in candidates if c.speech_subject}
    counted: set[str] = set()
    for candidate in candidates:
        key = candidate.key
        if key in person_words or candidate.type in {"DATE", "OTHER"}:
            continue
        kind = place_kind(candidate.surface)
        if kind in {"country", "state"} or plural_place(candidate.surface):
            votes[key]["PLACE"] += COUNTRY_VOTE
        elif kind == "city" and key not in counted and key not in speaking:
            counted.add(key)
            votes[key]["PLACE"] += CITY_VOTE


def _named_person(label: str, words: list[str]) -> bool:
    """ "Sen. Cory Booker, Hawaii Rep. ...": a person's name opening with a given name."""
    from reader.analyze.entities.given_names import given_names

    return label == "PERSON" and len(words) >= 2 and words[0] in given_names()


def _team_name(doc: Doc, first: int, words: list[str]) -> bool:
    """A team ("Minnesota Vikings", "the Lakers") or a paper named for its town ("Kansas City
    Star", "Hartford Courant")."""
    last_word = words[-1]
    if len(words) >= 2 and last_word.lower() in lexicon.PRESS_WORDS:
        return place_kind(" ".join(words[:-1])) is not None
    if not (last_word.endswith("s") and last_word[:1].isupper() and last_word[1:].islower()):
        return False
    if len(last_word) <= 3 or last_word.endswith("ss"):
        return False
    if len(words) >= 2:
        return place_kind(" ".join(words[:-1])) is not None
    return (
        first > 0
        and doc[first - 1].lower_ == "the"
        and place_kind(last_word) is None
        and not plural_place(last_word)  # "the two Koreas"
    )


def _mixed_labels(candidates: list[Candidate], votes: dict[str, Counter[str]]) -> None:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for candidate in candidates:
        if len(candidate.words) == 1:
            labels[candidate.key][candidate.type] += 1
    for key, counts in labels.items():
        if counts["PERSON"] and counts["PLACE"] and not counts["ORG"]:
            if votes[key]["PERSON"] > counts["PERSON"] or place_kind(key) is not None:
                continue  # a role, an apposition... or a real place
            votes[key]["ORG"] += max(votes[key]["PERSON"], votes[key]["PLACE"]) + MIXED_LABEL_MARGIN


#: One word the NER calls a place at every mention, that no list of places knows and no
#: word around it puts anywhere ("take on Netflix", "Netflix has been"): a brand.
UNKNOWN_PLACE_VOTE = 1


def _unknown_places(candidates: list[Candidate], votes: dict[str, Counter[str]]) -> None:
    mentions: Counter[str] = Counter()
    for candidate in candidates:
        if len(candidate.words) != 1 or candidate.type != "PLACE":
            mentions[candidate.key] -= 1_000  # another label, or a longer name: not this rule
            continue
        mentions[candidate.key] += 1
    for key, count in mentions.items():
        counter = votes[key]
        if (
            count >= 2
            and counter["PLACE"] == count
            and place_kind(key) is None
            and not in_country_name(key)  # "America", "the North"
            and not key.endswith(lexicon.PLACE_NAME_ENDINGS)  # "Tarnby", "Ashwick"
        ):
            counter["ORG"] += count + UNKNOWN_PLACE_VOTE


def _speaking_person(candidates: list[Candidate], votes: dict[str, Counter[str]]) -> None:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    speaks: set[str] = set()
    for candidate in candidates:
        if len(candidate.words) == 1:
            labels[candidate.key][candidate.type] += 1
            if candidate.speech_subject:
                speaks.add(candidate.key)
    for key in speaks:
        counts = labels[key]
        if counts["PERSON"] and votes[key]["ORG"] <= counts["ORG"] and place_kind(key) is None:
            votes[key]["PERSON"] += SPEAKER_VOTE
