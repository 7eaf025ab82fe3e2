"""Spotting: names the NER left untagged that the words around them give away, each rule
typing what it spots ("the Delta Rice Cooperative", "known as the Trabucador", "a Sugar
Land-based provider", "her Facebook page", "the Post's Dana Holt", "PARIS (AFP) -").

Every rule takes `make`, which builds a candidate with its evidence
(`candidates._candidate`), and `taken`, the tokens already in a candidate, which it extends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.headings import MakeCandidate, spot_camel_case, spot_span
from reader.analyze.entities.punctuated import spot_glued
from reader.analyze.entities.repair import outlet_and_person
from reader.analyze.entities.sports import spot_athletes
from reader.analyze.entities.types import Candidate
from reader.analyze.nlp import ParsedChunk

if TYPE_CHECKING:
    from spacy.tokens import Doc


def spot_all(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """What every spotting rule finds in one chunk, in order (each sees what the last took)."""
    found: list[Candidate] = []
    for rule in (
        spot_wire_agency,
        spot_organisations,
        spot_named_as,
        spot_based_in,
        spot_camel_case,
        spot_glued,
        spot_platforms,
        spot_outlets_people,
        spot_listed,
        spot_slashed,
        spot_followed,
        spot_athletes,
    ):
        found.extend(rule(chunk, taken, make))
    return found


def spot_organisations(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "the Delta Rice Cooperative": capitalised words ending in an organisation word that
    the NER left untagged."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if token.text not in lexicon.ORG_SUFFIXES or i in taken or not token.is_title:
            continue
        j = _title_words_before(doc, i, taken)
        if j < i and (j == 0 or doc[j - 1].lower_ in {"the", "of", "for", "at", "by", "from"}):
            spot_span(found, chunk, taken, make, (j, i + 1), "ORG", vote=0)
    return found


def _title_words_before(doc: Doc, end: int, taken: set[int]) -> int:
    """Where a run of capitalised words ending just before token `end` starts (`end` when
    there is none): untaken, within one sentence and one line, no leading "The"-like word."""
    start = end
    while (
        start > 0
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and (start - 1) not in taken
        and doc[start - 1].text not in lexicon.LEADING_DROP
        and not doc[start - 1].is_sent_start
        and "\n" not in doc[start - 1].whitespace_
    ):
        start -= 1
    return start


def spot_named_as(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "The southern spit, known as the Trabucador": a name given to a described thing, typed
    by the noun it names."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ not in {"known", "called", "named"} or token.dep_ != "acl":
            continue
        kind = lexicon.type_of_noun(token.head.lemma_.lower())
        if kind is None:
            continue
        j = token.i + 1
        if j < len(doc) and doc[j].lower_ == "as":
            j += 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and doc[k].is_title and doc[k].is_alpha and k not in taken:
            k += 1
        if k > j:
            spot_span(found, chunk, taken, make, (j, k), kind)
    return found


def spot_based_in(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "a Sugar Land-based provider": capitalised words before "-based" that the NER left
    untagged name where something is based, a place."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if token.lower_ != "based" or i < 2 or doc[i - 1].text != "-":
            continue
        if doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
            continue
        j = _title_words_before(doc, i - 1, taken)
        if j < i - 1:
            spot_span(found, chunk, taken, make, (j, i - 1), "PLACE")
    return found


#: Nouns a platform's name modifies ("her Facebook page", "a YouTube.com video").
PLATFORM_NOUNS = frozenset(
    {
        "page",
        "account",
        "feed",
        "post",
        "posts",
        "stream",
        "livestream",
        "video",
        "channel",
        "profile",
        "timeline",
        "handle",
    }
)


def spot_platforms(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "her Facebook page", "a YouTube.com video", "on Twitter @handle", "follow ... on
    Twitter": a capitalised word the NER left untagged that names where something is posted
    is a platform, an organisation."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        posted = (
            token.dep_ == "compound"
            and token.head.i == i + 1
            and token.head.lower_ in PLATFORM_NOUNS
        )
        followed = (
            i > 0
            and doc[i - 1].lower_ == "on"
            and (
                (i + 1 < len(doc) and doc[i + 1].text.startswith("@"))
                or any(t.lemma_.lower() == "follow" for t in token.sent)
            )
        )
        if not (posted or followed):
            continue
        spot_span(found, chunk, taken, make, (i, i + 1), "ORG")
    return found


def spot_outlets_people(
    chunk: ParsedChunk, taken: set[int], make: MakeCandidate
) -> list[Candidate]:
    """ "The Ledger's Ana Ruiz asked": two or three capitalised words after an
    outlet's or a party's possessive that the NER left untagged are a person of theirs."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        possessive = token.i
        if not (token.tag_ == "POS" or token.text in lexicon.POSSESSIVE_TOKENS):
            continue
        if possessive < 1 or possessive + 1 in taken:
            continue
        last = possessive + 1
        while last < len(doc) and last - possessive <= 3 and doc[last].is_title:
            last += 1
        if any(t in taken for t in range(possessive + 1, last)):
            continue
        if not outlet_and_person(doc, possessive - 1, possessive, last):
            continue
        spot_span(found, chunk, taken, make, (possessive + 1, last), "PERSON")
    return found


def spot_wire_agency(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "PARIS (AFP) -", "DENVER (AP) -": capitals in parentheses after a paragraph's
    opening place, before a dash, are the agency that filed the story."""
    doc = chunk.doc
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    for start in starts:
        for i in range(start + 1, min(len(doc) - 2, start + 6)):
            if doc[i].text != "(" or doc[i + 2].text != ")" or i + 1 in taken:
                continue
            agency = doc[i + 1]
            if not (agency.is_upper and agency.is_alpha and 2 <= len(agency.text) <= 5):
                continue
            if i + 3 < len(doc) and doc[i + 3].text not in {"-", "–", "—", "--"}:
                continue
            found: list[Candidate] = []
            if spot_span(found, chunk, taken, make, (i + 1, i + 2), "ORG"):
                return found
    return []


def _title_run(doc: Doc, start: int, taken: set[int]) -> int:
    """The end of the run of untaken capitalised words from `start` (`start` if none)."""
    end = start
    while end < len(doc) and end not in taken and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return end


def spot_listed(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "outlets such as Axios, Vox and Daily Kos": the capitalised names listed
    after a class noun's "such as" or "including" are of the class's type, though the NER
    tagged only the first."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if token.lower_ == "as" and i >= 2 and doc[i - 1].lower_ == "such":
            noun = doc[i - 2]
        elif token.lower_ == "including" and i >= 1:
            noun = doc[i - 1]
        else:
            continue
        kind = lexicon.type_of_noun(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if kind is None:
            continue
        j = i + 1
        while j < len(doc):
            end = _title_run(doc, j, taken)
            if end > j:
                spot_span(found, chunk, taken, make, (j, end), kind)
            elif j not in taken:
                break
            else:
                while j < len(doc) and j in taken:
                    j += 1
                end = j
            if end < len(doc) and doc[end].text == ",":
                end += 1
            if end < len(doc) and doc[end].lower_ in {"and", "or"}:
                end += 1
            if end == j or (end < len(doc) and not doc[end].is_title and end not in taken):
                break
            j = end
    return found


def spot_slashed(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "the CNN/ORC poll": a capitalised word joined to an organisation by a slash,
    without spaces, is an organisation too (the NER tagged the first)."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if token.text != "/" or token.whitespace_ or i < 1 or doc[i - 1].whitespace_:
            continue
        if doc[i - 1].ent_type_ != "ORG" or i + 1 >= len(doc) or i + 1 in taken:
            continue
        end = _title_run(doc, i + 1, taken)
        if end == i + 1 or doc[end - 1].ent_type_:
            continue
        spot_span(found, chunk, taken, make, (i + 1, end), "ORG")
    return found


def spot_followed(chunk: ParsedChunk, taken: set[int], make: MakeCandidate) -> list[Candidate]:
    """ "Follow Ana Ruiz on Twitter": the capitalised words between an imperative "follow"
    and "on" name a person when they open with a given name."""
    from reader.analyze.entities.given_names import given_names

    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ != "follow" or token.tag_ != "VB":
            continue
        start = token.i + 1
        end = _title_run(doc, start, taken)
        if not 2 <= end - start <= 3 or end >= len(doc) or doc[end].lower_ != "on":
            continue
        if doc[start].text not in given_names():
            continue
        spot_span(found, chunk, taken, make, (start, end), "PERSON")
    return found
