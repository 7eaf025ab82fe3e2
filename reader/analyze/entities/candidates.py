"""Collection: the candidate spans of every chunk (spaCy's entities, repaired, split into
pieces, plus the names the model missed and the rules spot), each with its evidence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.context import is_speech_subject, role_before
from reader.analyze.entities.evidence import SPOTTED_VOTE, gather_evidence
from reader.analyze.entities.given_names import given_name_votes
from reader.analyze.entities.headings import (
    drop_heading_only,
    drop_lone_openers,
    quoted_titles,
)
from reader.analyze.entities.places import POSTAL_CODES, place_kind
from reader.analyze.entities.plain import not_a_name
from reader.analyze.entities.punctuated import spot_quoted_letters
from reader.analyze.entities.repair import (
    outlets_person,
    repair_span,
    split_affiliation,
    split_possessive,
    split_sited_place,
)
from reader.analyze.entities.shapes import after_town, split_place_before_person
from reader.analyze.entities.sports import spot_teams, team_nicknames
from reader.analyze.entities.spotting import spot_all
from reader.analyze.entities.types import (
    LABEL_TYPES,
    NAMED_TYPES,
    WORD_CHARS,
    Candidate,
    acronym_letters,
    name_key,
)
from reader.analyze.nlp import ParsedChunk
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# (?<!\s): a run of spaces is tried from its first space only (from every one, it was
# quadratic in the run's length).
#: Separators inside a span: "Porto | Algarve", "Nowicki/BBW", "TX @ Toyota Music Factory".
PIECE_BREAK = re.compile(r"(?<!\s)(?:\s*[|/•·]\s*|\s+@\s+)")


PLACE_BREAK = re.compile(r",\s+")


#: "CBS All Access, Disney": a comma ends an organisation's name, unless "Inc." or the like follows.
ORG_BREAK = re.compile(r",\s+(?!(?:Inc|Ltd|LLC|Co|Corp|LP|L\.P|PLC|plc|S\.A|AG|GmbH)\b)")


#: Legal-form words that end a company's name ("Sierra Nevada Corporation", "Walt Disney Co.").
CORPORATE_SUFFIXES = frozenset(
    {
        "co",
        "corp",
        "corporation",
        "company",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "lp",
        "llp",
        "ag",
        "sa",
        "gmbh",
        "holdings",
        "group",
    }
)


#: A web address used as a company's name ("Edmunds.com").
DOMAIN_SUFFIX = re.compile(r"\.(?:com|net|org|co\.uk|io)$", re.IGNORECASE)


HYPHEN_PAIR = re.compile(r"^([A-Z][\w.]+)-([A-Z][\w.]+)$")


GIVEN_NAMES = lexicon.MALE_NAMES | lexicon.FEMALE_NAMES


#: The lower-case article that opens Arabic names ("al-Qaeda", "el-Sisi").
NAME_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az)-[A-Z]")


LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def collect_candidates(chunks: list[ParsedChunk]) -> list[Candidate]:
    """Every usable NER span, repaired, cut at separators, with its evidence gathered."""
    common_words: set[str] = set()
    for chunk in chunks:
        common_words.update(LOWER_WORD.findall(chunk.text))
    candidates: list[Candidate] = []
    for chunk in chunks:
        doc = chunk.doc
        taken_until = 0
        taken: set[int] = set()
        titles = quoted_titles(doc)
        candidates.extend(spot_teams(chunk, taken, _candidate))  # before the NER's spans
        candidates.extend(spot_quoted_letters(chunk, taken, _candidate))
        for ent in doc.ents:
            label = LABEL_TYPES.get(ent.label_)
            if ent.label_ == "NORP" and len(ent) == 1 and _acronym(ent.text):
                label = "ORG"  # "an LAPD escort": letters are no nationality
            if ent.text in lexicon.PLATFORMS:
                label = "ORG"  # "on Weibo", "streams on Netflix": a platform
            if label == "OTHER" and outlets_person(doc, ent.start, ent.end):
                label = "PERSON"  # "the Network's Dana Holt", read as a work of art
            if label is None or ent.start < taken_until or ent.start in taken:
                continue
            if ent.start in titles:  # the quoted title is one work, not its names
                title_first, title_last = titles[ent.start]
                taken_until = title_last
                taken.update(range(title_first, title_last))
                candidates.extend(_candidates(chunk, title_first, title_last, "OTHER", None))
                continue
            if (
                label in {"ORG", "PLACE"}
                and role_before(doc, ent.start)
                and _looks_like_name(doc, ent.start, ent.end)
            ):
                label = "PERSON"
            first, last, description = repair_span(doc, ent.start, ent.end, label)
            if _opens_with_common_word(doc, first, last, label, common_words):
                first += 1  # "Make Trump", "Ask Obama": a sentence's first word
            if first >= last or not_a_name(doc, first, last, label):
                continue
            taken_until = last
            taken.update(range(first, last))
            parts = (
                split_affiliation(doc, first, last, label)
                or split_sited_place(doc, first, last, label)
                or split_place_before_person(doc, first, last, label)
                or split_possessive(doc, first, last, label)
            )
            for part_first, part_last, part_label in parts:
                part_description = description if part_first == first else None
                for candidate in _candidates(
                    chunk, part_first, part_last, part_label, part_description
                ):
                    if not _is_common_word(candidate, common_words):
                        candidates.append(candidate)
        candidates.extend(spot_all(chunk, taken, _candidate))
    _surname_evidence(chunks, candidates)
    given_name_votes(candidates, common_words)
    team_nicknames(candidates)
    return _split_fused(drop_lone_openers(drop_heading_only(candidates, chunks)))


def _surname_evidence(chunks: list[ParsedChunk], candidates: list[Candidate]) -> None:
    """ "Ferran Llop" typed as a place, but "Llop said", "Llop, who is 63": a person."""
    surnames: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        words = candidate.words
        if (
            candidate.type in {"ORG", "PLACE"}
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and words[-1] not in lexicon.ORG_SUFFIXES
            and place_kind(candidate.surface) not in {"country", "state"}  # "North Korea"
        ):
            surnames[words[-1]].append(candidate)
    if not surnames:
        return
    found: set[str] = set()
    for chunk in chunks:
        for token in chunk.doc:
            if (
                token.text in surnames
                and token.text not in found
                and token.ent_iob_ != "I"  # "Acme Mutual announced": the firm's own name
                and _speaks_as_person(token)
            ):
                found.add(token.text)
    for word in found:
        for candidate in surnames[word]:
            candidate.votes["PERSON"] += SPOTTED_VOTE


def _speaks_as_person(token: Token) -> bool:
    if token.i + 1 < len(token.doc) and token.nbor().lower_ in lexicon.ORG_NOUNS:
        return False
    if is_speech_subject(token) or role_before(token.doc, token.i):
        return True
    for child in token.children:
        if child.dep_ == "relcl" and any(g.lower_ == "who" for g in child.children):
            return True
        if child.dep_ == "appos" and child.lemma_.lower() in lexicon.PERSON_NOUNS:
            return True
    return False


def corporate_core(surface: str) -> str | None:
    """The name without its legal form or web suffix ("Sierra Nevada" of "Sierra Nevada
    Corporation", "Edmunds" of "Edmunds.com"); None when it has neither."""
    words = surface.replace(",", " ").split()
    if len(words) >= 2 and words[-1].lower().rstrip(".") in CORPORATE_SUFFIXES:
        core = " ".join(words[:-1])
        return core if core[:1].isupper() else None
    if len(words) == 1 and DOMAIN_SUFFIX.search(words[0]):
        core = DOMAIN_SUFFIX.sub("", words[0])
        return core if core[:1].isupper() and len(core) > 1 else None
    return None


def _acronym(text: str) -> bool:
    return text.isupper() and len(text) >= 3 and acronym_letters(text) is not None


def _looks_like_name(doc: Doc, first: int, last: int) -> bool:
    return 1 <= last - first <= 3 and all(doc[i].is_title for i in range(first, last))


def _opens_with_common_word(
    doc: Doc, first: int, last: int, label: EntityType, common_words: set[str]
) -> bool:
    if label not in {"PERSON", "OTHER"} or last - first < 2:
        return False  # also a span the repair emptied (all punctuation: ":¿")
    token = doc[first]
    return (
        (bool(token.is_sent_start) or (first > 0 and doc[first - 1].text in {"“", '"'}))
        and (token.lower_ in common_words or token.tag_ == "VB")  # "Follow Ana Ruiz on ..."
        and token.text not in GIVEN_NAMES
    )


def _is_common_word(candidate: Candidate, common_words: set[str]) -> bool:
    """ "Commuters wait...", "Rice is...": a capitalised sentence opener that is a plain word."""
    if candidate.chunk is None or candidate.last - candidate.first != 1:
        return False
    token = candidate.chunk.doc[candidate.first]
    return bool(token.is_sent_start) and token.lower_ in common_words


def _candidates(
    chunk: ParsedChunk, first: int, last: int, label: EntityType, description: str | None
) -> list[Candidate]:
    """One candidate per piece of the span: "Porto | Algarve", "Nowicki/BBW", "Hel, Poland"."""
    span = chunk.doc[first:last]
    surface = span.text
    breaker = PLACE_BREAK if label == "PLACE" else ORG_BREAK if label == "ORG" else None
    if not PIECE_BREAK.search(surface) and not (breaker and breaker.search(surface)):
        candidate = _candidate(chunk, first, last, label, description)
        return [candidate] if candidate is not None else []
    pieces: list[Candidate] = []
    pattern = re.compile(PIECE_BREAK.pattern + (r"|" + breaker.pattern if breaker else ""))
    position = 0
    for match in [*pattern.finditer(surface), None]:
        end = match.start() if match is not None else len(surface)
        piece = surface[position:end]
        if piece.strip() and WORD_CHARS.search(piece):
            piece_label: EntityType = "ORG" if acronym_letters(piece) else label
            if position == 0 and piece in POSTAL_CODES and after_town(chunk.doc, first):
                piece_label = "PLACE"  # "Tampa, FL @ ...": the state of a listed venue
            candidate = _candidate(chunk, first, last, piece_label, description)
            if candidate is not None:
                candidate.start = chunk.offset + span.start_char + position
                candidate.end = candidate.start + len(piece)
                candidate.surface = piece
                if piece_label != label:
                    candidate.votes = Counter({piece_label: 1})
                pieces.append(candidate)
        if match is not None:
            position = match.end()
    return pieces


def _candidate(
    chunk: ParsedChunk, first: int, last: int, label: EntityType, description: str | None
) -> Candidate | None:
    doc = chunk.doc
    span = doc[first:last]
    surface = span.text
    if "\n" in surface or not WORD_CHARS.search(surface):
        return None
    if label in NAMED_TYPES and not (
        surface[0].isupper() or surface[0].isdigit() or NAME_PREFIX.match(surface)
    ):
        return None  # names start with a capital: "secara keji" is not one
    candidate = Candidate(
        start=chunk.offset + span.start_char,
        end=chunk.offset + span.end_char,
        surface=surface,
        type=label,
        chunk=chunk,
        first=first,
        last=last,
        description=description,
        acronym_first=doc[first].is_upper and acronym_letters(doc[first].text) is not None,
    )
    candidate.votes[label] += 1
    if label in NAMED_TYPES:
        gather_evidence(candidate, doc, span.root)
    return candidate


def _split_fused(candidates: list[Candidate]) -> list[Candidate]:
    """ "VOA Seoul's": an acronym fused to a name the article names on its own elsewhere."""
    known: dict[str, EntityType] = {}
    for candidate in candidates:
        if len(candidate.words) == 1 or candidate.type in NAMED_TYPES:
            known.setdefault(candidate.key, candidate.type)
    result: list[Candidate] = []
    for candidate in candidates:
        pair = HYPHEN_PAIR.match(candidate.surface)
        if pair and all(known.get(name_key(part)) in NAMED_TYPES for part in pair.groups()):
            # "U.S.-Mexico border": two places the article also names on their own.
            for n, part in enumerate(pair.groups()):
                piece = replace(candidate, votes=Counter(), peers=())
                piece.start = candidate.start + pair.start(n + 1)
                piece.end = piece.start + len(part)
                piece.surface = part
                piece.type = known[name_key(part)]
                piece.votes[piece.type] += 1
                result.append(piece)
            continue
        chunk = candidate.chunk
        if (
            chunk is None
            or candidate.last - candidate.first < 2
            or candidate.type == "DATE"
            or not candidate.acronym_first  # known without reading the Doc again
        ):
            result.append(candidate)
            continue
        rest = chunk.doc[candidate.first + 1 : candidate.last]
        rest_type = known.get(name_key(rest.text))
        if rest_type and rest_type != "DATE":
            # "U.S. Senate": the letters of a country are the country.
            letters = chunk.doc[candidate.first].text
            kind: EntityType = "PLACE" if place_kind(letters) in {"country", "state"} else "ORG"
            acronym = _candidate(chunk, candidate.first, candidate.first + 1, kind, None)
            named = _candidate(chunk, candidate.first + 1, candidate.last, rest_type, None)
            result.extend(c for c in (acronym, named) if c is not None)
        else:
            result.append(candidate)
    return result
