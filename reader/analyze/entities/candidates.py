"""Collection: the candidate spans of every chunk (spaCy's entities, repaired, split into
pieces, plus the names the model missed and the rules spot), each with its evidence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities.evidence import (
    SPOTTED_VOTE,
    gather_evidence,
    is_speech_subject,
    role_before,
)
from reader.analyze.entities.headings import (
    drop_heading_only,
    drop_lone_openers,
    quoted_titles,
    spot_camel_case,
)
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.repair import (
    outlets_person,
    repair_span,
    split_affiliation,
    split_possessive,
    split_sited_place,
)
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
PIECE_BREAK = re.compile(r"(?<!\s)\s*[|/•·]\s*")


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
        for ent in doc.ents:
            label = LABEL_TYPES.get(ent.label_)
            if label == "OTHER" and outlets_person(doc, ent.start, ent.end):
                label = "PERSON"  # "the Network's Dana Holt", read as a work of art
            if label is None or ent.start < taken_until:
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
            if first >= last:
                continue
            taken_until = last
            taken.update(range(first, last))
            parts = (
                split_affiliation(doc, first, last, label)
                or split_sited_place(doc, first, last, label)
                or split_possessive(doc, first, last, label)
            )
            for part_first, part_last, part_label in parts:
                part_description = description if part_first == first else None
                for candidate in _candidates(
                    chunk, part_first, part_last, part_label, part_description
                ):
                    if not _is_common_word(candidate, common_words):
                        candidates.append(candidate)
        candidates.extend(_spot_organisations(chunk, taken))
        candidates.extend(_spot_named_as(chunk, taken))
        candidates.extend(_spot_based_in(chunk, taken))
        candidates.extend(spot_camel_case(chunk, taken, _candidate))
    _surname_evidence(chunks, candidates)
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


def _spot_organisations(chunk: ParsedChunk, taken: set[int]) -> list[Candidate]:
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
            candidate = _candidate(chunk, j, i + 1, "ORG", None)
            if candidate is not None:
                found.append(candidate)
                taken.update(range(j, i + 1))
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


def _spot_named_as(chunk: ParsedChunk, taken: set[int]) -> list[Candidate]:
    """ "The southern spit, known as the Trabucador": a name given to a described thing, typed
    by the noun it names."""
    doc = chunk.doc
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ not in {"known", "called", "named"} or token.dep_ != "acl":
            continue
        kind = _type_of_noun(token.head.lemma_.lower())
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
            candidate = _candidate(chunk, j, k, kind, None)
            if candidate is not None:
                candidate.votes[kind] += SPOTTED_VOTE
                found.append(candidate)
                taken.update(range(j, k))
    return found


def _spot_based_in(chunk: ParsedChunk, taken: set[int]) -> list[Candidate]:
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
            candidate = _candidate(chunk, j, i - 1, "PLACE", None)
            if candidate is not None:
                candidate.votes["PLACE"] += SPOTTED_VOTE
                found.append(candidate)
                taken.update(range(j, i - 1))
    return found


def _type_of_noun(lemma: str) -> EntityType | None:
    if lemma in lexicon.PLACE_NOUNS:
        return "PLACE"
    if lemma in lexicon.ORG_NOUNS:
        return "ORG"
    if lemma in lexicon.PERSON_NOUNS:
        return "PERSON"
    return None


def _looks_like_name(doc: Doc, first: int, last: int) -> bool:
    return 1 <= last - first <= 3 and all(doc[i].is_title for i in range(first, last))


def _opens_with_common_word(
    doc: Doc, first: int, last: int, label: EntityType, common_words: set[str]
) -> bool:
    token = doc[first]
    return (
        label in {"PERSON", "OTHER"}
        and last - first >= 2
        and (bool(token.is_sent_start) or (first > 0 and doc[first - 1].text in {"“", '"'}))
        and token.lower_ in common_words
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
    if label in NAMED_TYPES and not (surface[0].isupper() or surface[0].isdigit()):
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
            acronym = _candidate(chunk, candidate.first, candidate.first + 1, "ORG", None)
            named = _candidate(chunk, candidate.first + 1, candidate.last, rest_type, None)
            result.extend(c for c in (acronym, named) if c is not None)
        else:
            result.append(candidate)
    return result
