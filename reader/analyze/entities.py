"""Named entities: spaCy's spans, repaired by evidence and merged by alias.

The small model's mistakes we repair, each by a rule that reads the text rather than a list of
names: names cut at a hyphen ("Moon Jae" of "Moon Jae-in"), organisations cut before "for/of"
("Japan Forum" of "Japan Forum for Strategic Studies"), a person's surname typed as an
organisation, a platform typed as a person ("said on Twitter"), two names fused into one span
("VOA Seoul's").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reader.analyze import lexicon
from reader.analyze.nlp import ParsedChunk
from reader.model import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "DATE": "DATE",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}
NAMED_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "PLACE"})
ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$")
PARTICIPLE_SUFFIX = re.compile(r"(?:ed|ing)$")
WORD_CHARS = re.compile(r"[A-Za-z]")
#: Words after a hyphen that make an adjective of a name ("Tokyo-based", "U.S.-style").
HYPHEN_SUFFIXES = frozenset(
    {
        "based",
        "led",
        "born",
        "backed",
        "owned",
        "run",
        "style",
        "era",
        "like",
        "wide",
        "bound",
        "made",
        "type",
        "level",
        "class",
        "area",
        "linked",
        "funded",
        "friendly",
        "centric",
    }
)


@dataclass(slots=True)
class Candidate:
    """One span the NER found (after repair), with the evidence gathered about it."""

    start: int
    end: int
    surface: str
    type: EntityType
    chunk: ParsedChunk | None
    first: int  # token indices in chunk.doc, [first, last)
    last: int
    description: str | None = None
    votes: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    speech_subject: bool = False
    peers: tuple[str, ...] = ()  # keys of names in coordination or parallel clauses
    acronym_first: bool = False  # its first token is an acronym in capitals ("VOA" of "VOA Seoul")

    @property
    def key(self) -> str:
        return name_key(self.surface)

    @property
    def words(self) -> list[str]:
        return self.surface.split()


@dataclass(slots=True)
class EntityDraft:
    """A merged entity before ids and order are fixed."""

    name: str
    type: EntityType
    keys: list[str]
    surfaces: list[str]
    mentions: list[tuple[int, int]]
    description: str | None = None
    gender: str | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for surface in self.surfaces:
            if surface != self.name and name_key(surface) != name_key(self.name):
                seen.setdefault(surface, None)
        return tuple(seen)

    @property
    def first_position(self) -> int:
        return min(start for start, _ in self.mentions)


def name_key(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()


def acronym_letters(text: str) -> str | None:
    compact = text.replace(" ", "")
    if ACRONYM.match(compact):
        return compact.replace(".", "").replace("&", "")
    return None


def initials(words: list[str], *, with_joiners: bool) -> str:
    letters = []
    for word in words:
        for part in word.split("-"):
            if not part:
                continue
            if part in lexicon.NAME_JOINERS and not with_joiners:
                continue
            if part[0].isalpha():
                letters.append(part[0].upper())
    return "".join(letters)


# ---------------------------------------------------------------------------------------------
# Span repair


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


def _title_before(doc: Doc, first: int) -> tuple[str | None, str | None]:
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


def _is_speech_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in lexicon.SPEECH_VERBS


def _platform_context(doc: Doc, first: int) -> bool:
    """ "said on Twitter", "wrote on Facebook": the name after on/via a verb is a platform."""
    if first == 0:
        return False
    prep = doc[first - 1]
    return (
        prep.text.lower() in lexicon.PLATFORM_PREPOSITIONS
        and prep.head.pos_ in {"VERB", "AUX"}
        and prep.head.lemma_ in lexicon.SPEECH_VERBS | {"post", "publish", "appear", "announce"}
    )


def _told_outlet(doc: Doc, first: int, last: int) -> bool:
    """ "tells VOA", "told CNN": an all-capitals object of "tell" is an outlet, not a person."""
    if first == 0 or last - first != 1:
        return False
    return doc[first - 1].lemma_ in lexicon.TELL_VERBS and doc[first].is_upper


# ---------------------------------------------------------------------------------------------
# Collection

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
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
DASHES = frozenset({",", "—", "–", "-", "--"})


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
        for ent in doc.ents:
            label = LABEL_TYPES.get(ent.label_)
            if label is None or ent.start < taken_until:
                continue
            if (
                label in {"ORG", "PLACE"}
                and _role_before(doc, ent.start)
                and _looks_like_name(doc, ent.start, ent.end)
            ):
                label = "PERSON"
            first, last, description = repair_span(doc, ent.start, ent.end, label)
            if first >= last:
                continue
            taken_until = last
            taken.update(range(first, last))
            for part_first, part_last, part_label in _split_possessive(doc, first, last, label):
                part_description = description if part_first == first else None
                for candidate in _candidates(
                    chunk, part_first, part_last, part_label, part_description
                ):
                    if not _is_common_word(candidate, common_words):
                        candidates.append(candidate)
        candidates.extend(_spot_organisations(chunk, taken))
        candidates.extend(_spot_named_as(chunk, taken))
        candidates.extend(_spot_based_in(chunk, taken))
    _surname_evidence(chunks, candidates)
    return _split_fused(candidates)


def _split_possessive(
    doc: Doc, first: int, last: int, label: EntityType
) -> list[tuple[int, int, EntityType]]:
    """ "Jeff Bezos's Blue Origin", "NASA's Office of the Inspector General": two names joined
    by a possessive are two entities; the possessed one is an organisation when its last word
    says so."""
    for i in range(first + 1, last - 1):
        if doc[i].tag_ == "POS" or doc[i].text in lexicon.POSSESSIVE_TOKENS:
            right = doc[last - 1].text
            right_label: EntityType = "ORG" if right in lexicon.ORG_SUFFIXES else label
            if not any(t.is_alpha and t.text[:1].isupper() for t in doc[i + 1 : last]):
                return [(first, i, label)]  # "Holcomb's 2016"
            return [(first, i, label), (i + 1, last, right_label)]
    return [(first, last, label)]


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
        ):
            surnames[words[-1]].append(candidate)
    if not surnames:
        return
    found: set[str] = set()
    for chunk in chunks:
        for token in chunk.doc:
            if token.text in surnames and token.text not in found and _speaks_as_person(token):
                found.add(token.text)
    for word in found:
        for candidate in surnames[word]:
            candidate.votes["PERSON"] += 3


def _speaks_as_person(token: Token) -> bool:
    if token.i + 1 < len(token.doc) and token.nbor().lower_ in lexicon.ORG_NOUNS:
        return False
    if _is_speech_subject(token) or _role_before(token.doc, token.i):
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


def _peers(token: Token) -> tuple[str, ...]:
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
                candidate.votes[kind] += 3
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
                candidate.votes["PLACE"] += 3
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


def _role_before(doc: Doc, first: int) -> bool:
    if first == 0:
        return False
    return doc[first - 1].lower_ in lexicon.ROLE_NOUNS


def _looks_like_name(doc: Doc, first: int, last: int) -> bool:
    return 1 <= last - first <= 3 and all(doc[i].is_title for i in range(first, last))


def _is_common_word(candidate: Candidate, common_words: set[str]) -> bool:
    """ "Commuters wait...", "Rice is...": a capitalised sentence opener that is a plain word."""
    if candidate.chunk is None or candidate.last - candidate.first != 1:
        return False
    token = candidate.chunk.doc[candidate.first]
    return token.is_sent_start and token.lower_ in common_words


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
        _gather_evidence(candidate, doc, span.root)
    return candidate


def _gather_evidence(candidate: Candidate, doc: Doc, root: Token) -> None:
    """Votes for a type from the words around the name."""
    first, last, label = candidate.first, candidate.last, candidate.type
    votes = candidate.votes
    single = last - first == 1
    candidate.speech_subject = _is_speech_subject(root)
    if single:
        candidate.peers = _peers(root)
    before, gender = _title_before(doc, first)
    if label == "PERSON":
        candidate.description = candidate.description or before
    candidate.gender = gender or (_gender_of_name(candidate.words) if label == "PERSON" else None)
    if label == "PERSON" and _platform_context(doc, first):
        votes["ORG"] += 3
    if single and _told_outlet(doc, first, last):
        votes["ORG"] += 3
    if _role_before(doc, first) or gender:
        votes["PERSON"] += 3
    # Apposition: "Grant Newsham, a senior fellow", "the operator, Lisboa Transportes".
    nouns = [child for child in root.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in lexicon.PERSON_NOUNS:
            votes["PERSON"] += 3
        elif lemma in lexicon.ORG_NOUNS:
            votes["ORG"] += 3
        elif lemma in lexicon.PLACE_NOUNS:
            votes["PLACE"] += 3
    # "Llop, who is 63": a relative "who" is said of people.
    for child in root.children:
        if child.dep_ == "relcl" and any(
            grand.lower_ == "who" and grand.dep_ in {"nsubj", "nsubjpass"}
            for grand in child.children
        ):
            votes["PERSON"] += 2
    # "the Graca neighbourhood", "the Kustwerk team": a name used as a modifier of a noun.
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= last:
        lemma = root.head.lemma_.lower()
        if lemma in lexicon.PLACE_NOUNS:
            votes["PLACE"] += 2
        elif lemma in lexicon.ORG_NOUNS:
            votes["ORG"] += 1
    # "in Gourock", "near Rotterdam": a place after a locative preposition.
    if first > 0 and (single or label != "PERSON") and root.dep_ == "pobj":
        weight = lexicon.PLACE_PREPOSITIONS.get(doc[first - 1].lower_, 0)
        possessive = last < len(doc) and doc[last].tag_ == "POS"
        if label == "ORG" and weight < 2:  # "to Netflix", "at Google": no evidence of a place
            weight = 0
        if weight and not possessive:
            votes["PLACE"] += weight
    words = candidate.words
    org_head = len(words) >= 3 and words[0] in lexicon.ORG_SUFFIXES and words[1] in {"of", "for"}
    if org_head or (len(words) >= 2 and words[-1] in lexicon.ORG_SUFFIXES):
        votes["ORG"] += 3
    elif len(words) >= 2 and words[-1].lower() in lexicon.BUILDING_WORDS:
        votes["PLACE"] += 3
    if single and candidate.surface.lower().strip(".") in lexicon.DATE_WORDS:
        votes["DATE"] += 5
    # A dateline: "GDANSK, June 19 -", "DULUTH, Minn. -", "Indianapolis – Several thousand".
    if (
        first <= 1
        and doc[first].is_upper
        and len(doc[first].text) > 2
        and last < len(doc)
        and doc[last].text in DASHES
    ) or (first == 0 and last < len(doc) and doc[last].text in {"–", "—", "--"}):
        votes["PLACE"] += 3
    # "CBS DFW": capitals only, several words: an organisation's letters, not a person.
    if len(words) >= 2 and all(w.isupper() for w in words):
        votes["ORG"] += 3
    # "an Amritsar-based agent": where something is based is a place.
    if (
        last + 1 < len(doc)
        and doc[last].text == "-"
        and doc[last + 1].lower_ == "based"
        and not doc[last - 1].whitespace_
    ):
        votes["PLACE"] += 3


def _gender_of_name(words: list[str]) -> str | None:
    if len(words) < 2:
        return None
    if words[0] in lexicon.MALE_NAMES:
        return "male"
    if words[0] in lexicon.FEMALE_NAMES:
        return "female"
    return None


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


# ---------------------------------------------------------------------------------------------
# Merging


def _vote_types(candidates: list[Candidate]) -> tuple[dict[str, EntityType], set[str]]:
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
            counter["PERSON"] >= 3
            or any(c.speech_subject for c in candidates if c.key == key and c.type != "PLACE")
        )
    }
    for key, counter in votes.items():
        words = surface_of[key].split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        if words[-1].lower() in person_words and words[-1] not in lexicon.ORG_SUFFIXES:
            counter["PERSON"] += 3
    types: dict[str, EntityType] = {}
    for key, counter in votes.items():
        best = max(counter.items(), key=lambda item: (item[1], item[0] != "PERSON"))[0]
        types[key] = best  # type: ignore[assignment]
    return types, evidenced


def merge_candidates(candidates: list[Candidate], text: str) -> list[EntityDraft]:
    """Group candidates into entities: same name, surname of a person, acronym, compass word."""
    types, evidenced = _vote_types(candidates)
    first_seen: dict[str, int] = {}
    surface_of: dict[str, str] = {}
    for candidate in candidates:
        first_seen.setdefault(candidate.key, candidate.start)
        surface_of.setdefault(candidate.key, candidate.surface)

    def words_of(key: str) -> list[str]:
        return surface_of[key].split()

    people = [k for k, t in types.items() if t == "PERSON" and len(words_of(k)) >= 2]
    named = [k for k, t in types.items() if t in NAMED_TYPES | {"OTHER"} and len(words_of(k)) >= 2]
    person_starts: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        if candidate.key in people:
            person_starts[candidate.key].append(candidate.start)

    canonical: dict[str, str] = {}
    _type_lone_by_peers(candidates, types, evidenced)
    # Acronyms and their expansions ("VOA" / "Voice of America", "U.S." / "United States").
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, entity_type in types.items():
        letters = acronym_letters(surface_of[key])
        if letters and entity_type in NAMED_TYPES | {"OTHER"}:
            by_letters[letters].append(key)
    for letters, keys in by_letters.items():
        expansions = [
            k
            for k in named
            if types[k] in NAMED_TYPES
            and letters
            in {
                initials(words_of(k), with_joiners=True),
                initials(words_of(k), with_joiners=False),
            }
        ]
        target = expansions[0] if len(expansions) == 1 else min(keys, key=first_seen.__getitem__)
        for key in keys:
            if key != target:
                canonical[key] = target
    # Compass words ("the North") stand for the one place named with that word.
    for key, entity_type in types.items():
        surface = surface_of[key]
        if entity_type == "PLACE" and surface in lexicon.COMPASS_WORDS:
            matches = [
                k
                for k in types
                if types[k] == "PLACE" and words_of(k)[0] == surface and len(words_of(k)) >= 2
            ]
            canonical[key] = matches[0] if len(matches) == 1 else ""
    # A company's name without its legal form or web suffix ("Sierra Nevada" / "Sierra Nevada
    # Corporation", "Edmunds" / "Edmunds.com"); a one-word name for the company whose name
    # ends with it ("Disney" / "Walt Disney Co."), when only one company does.
    person_words = {w.lower() for p in people for w in words_of(p)}
    companies: dict[str, str] = {}
    for key, entity_type in types.items():
        core = corporate_core(surface_of[key])
        if entity_type == "ORG" and core is not None:
            companies.setdefault(name_key(core), key)
    for core_key, key in companies.items():
        if (
            core_key in types
            and core_key not in canonical
            and types[core_key] != "DATE"
            and (types[core_key] != "PERSON" or " " not in core_key)
        ):
            canonical[core_key] = key
    for key, entity_type in types.items():
        if key in canonical or " " in key or entity_type not in {"ORG", "PLACE", "OTHER"}:
            continue
        if key in person_words or key in companies.values():
            continue
        owners = {
            target
            for core_key, target in companies.items()
            if " " in core_key and core_key.split()[-1] == key
        }
        if len(owners) == 1:
            canonical[key] = owners.pop()
    # The second of two names joined by "and" that the NER cut apart ("Customs" and "Border
    # Protection" of "Customs and Border Protection").
    for key in named:
        if key in canonical or types[key] != "ORG":
            continue
        longer = [k for k in named if types[k] == "ORG" and k.endswith(f" and {key}")]
        if len(longer) == 1:
            canonical[key] = longer[0]
    # The first word of an organisation's name ("Nordwind" / "Nordwind Offshore").
    orgs = [k for k in named if types[k] == "ORG"]
    for key, entity_type in types.items():
        if key in canonical or " " in key or entity_type not in {"ORG", "PERSON"}:
            continue
        matches = [k for k in orgs if words_of(k)[0].lower() == key]
        if len(matches) == 1 and not any(key in (w.lower() for w in words_of(p)) for p in people):
            canonical[key] = matches[0]

    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        key = candidate.key
        target = canonical.get(key, key)
        if target == "":
            continue
        if target == key:
            person = _person_for(candidate, types, evidenced, people, person_starts, words_of)
            if person is not None:
                target = person
        groups[target].append(candidate)

    unsupported = _retype_lone_names(groups, types)
    drafts: list[EntityDraft] = []
    for key, members in groups.items():
        entity_type = types[key]
        if entity_type == "DATE" and not _is_real_date(surface_of[key]):
            continue
        if entity_type == "OTHER" and not surface_of[key][:1].isupper():
            continue
        if entity_type == "PERSON" and key in unsupported:
            entity_type = "OTHER"
        members.sort(key=lambda c: c.start)
        drafts.append(_draft(key, entity_type, members, surface_of))
    _add_missed_aliases(drafts, candidates, text)
    return drafts


def _type_lone_by_peers(
    candidates: list[Candidate], types: dict[str, EntityType], evidenced: set[str]
) -> None:
    """A one-word organisation or place with no evidence of its own takes the type the names
    listed beside it agree on ("Sierra Nevada and Tyvak", "Lucasfilm and BamTech")."""
    peers_of: dict[str, list[str]] = defaultdict(list)
    for candidate in candidates:
        if len(candidate.words) == 1 and types.get(candidate.key) in {"ORG", "PLACE"}:
            peers_of[candidate.key].extend(candidate.peers)
    for key, peers in peers_of.items():
        if key in evidenced:
            continue
        peer_types = Counter(
            types[peer] for peer in peers if peer != key and types.get(peer) in NAMED_TYPES
        )
        if len(peer_types) == 1:
            (only,) = peer_types
            if only in {"ORG", "PLACE"}:
                types[key] = only


def _retype_lone_names(
    groups: dict[str, list[Candidate]], types: dict[str, EntityType]
) -> set[str]:
    """Lone one-word "people" take the type of the names listed beside them; the keys of
    those still unsupported are returned."""
    unsupported = {
        key
        for key, members in groups.items()
        if types[key] == "PERSON" and _unsupported_single_name(members)
    }
    for _ in range(3):
        changed = False
        for key in sorted(unsupported):
            peer_types = Counter(
                types[peer]
                for c in groups[key]
                for peer in c.peers
                if peer not in unsupported and types.get(peer) in NAMED_TYPES
            )
            if peer_types:
                types[key] = peer_types.most_common(1)[0][0]
                unsupported.discard(key)
                changed = True
        if not changed:
            break
    return unsupported


def _unsupported_single_name(members: list[Candidate]) -> bool:
    """A lone one-word "person" nothing else in the text supports ("Coimbra can do it")."""
    if any(len(c.words) > 1 for c in members):
        return False
    return not any(
        c.speech_subject or c.votes["PERSON"] > 1 or c.gender or c.description for c in members
    )


def _person_for(
    candidate: Candidate,
    types: dict[str, EntityType],
    evidenced: set[str],
    people: list[str],
    person_starts: dict[str, list[int]],
    words_of: Any,
) -> str | None:
    """The full-named person a short name stands for ("Kim", "Newsham"), if any."""
    words = [w.lower() for w in candidate.words]
    entity_type = types[candidate.key]
    if len(words) >= 2 and entity_type == "PERSON":
        matches = [
            k
            for k in people
            if k != candidate.key and _is_edge_subsequence(words, [w.lower() for w in words_of(k)])
        ]
    elif len(words) == 1:
        word = words[0]

        def edges(key: str) -> tuple[str, str]:
            parts = words_of(key)
            return parts[0].lower(), parts[-1].lower()

        if entity_type == "PERSON" or candidate.type == "PERSON" or candidate.key not in evidenced:
            matches = [k for k in people if word in edges(k)]
        elif entity_type == "ORG" or candidate.speech_subject:
            matches = [k for k in people if word == edges(k)[1]]
        else:
            return None
    else:
        return None
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    return _nearest_before(candidate.start, matches, person_starts)


def _is_edge_subsequence(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def _nearest_before(position: int, keys: list[str], starts: dict[str, list[int]]) -> str:
    def distance(key: str) -> tuple[int, int]:
        before = [s for s in starts[key] if s <= position]
        if before:
            return (0, position - max(before))
        return (1, min(starts[key]) - position)

    return min(keys, key=distance)


def _is_real_date(surface: str) -> bool:
    lowered = surface.lower()
    if lowered.endswith("-old") or lowered.endswith(" old"):  # an age: "60-year-old"
        return False
    if any(ch.isdigit() for ch in lowered):
        return True
    return any(word.strip(".,'’") in lexicon.DATE_WORDS for word in lowered.split())


def _draft(
    key: str, entity_type: EntityType, members: list[Candidate], surface_of: dict[str, str]
) -> EntityDraft:
    if entity_type == "PERSON":
        longest = max(members, key=lambda c: (len(c.words), -c.start))
        name = (
            longest.surface
            if len(longest.words) > len(surface_of[key].split())
            else surface_of[key]
        )
    else:
        name = surface_of[key]
        if name.isupper():
            same = Counter(c.surface for c in members if c.key == key and not c.surface.isupper())
            if same:
                name = same.most_common(1)[0][0]
            elif entity_type == "PLACE" and len(name) > 4 and name.isalpha():
                name = name.title()
    description = next((c.description for c in members if c.description), None)
    gender = next((c.gender for c in members if c.gender), None)
    mentions = sorted({(c.start, c.end) for c in members})
    return EntityDraft(
        name=name,
        type=entity_type,
        keys=list(dict.fromkeys(c.key for c in members)),
        surfaces=[c.surface.replace("’", "'") if c.type != "OTHER" else c.surface for c in members],
        mentions=mentions,
        description=description,
        gender=gender,
    )


def _add_missed_aliases(drafts: list[EntityDraft], candidates: list[Candidate], text: str) -> None:
    """Whole-word occurrences of a known name that the NER missed become mentions too."""
    owner: dict[str, EntityDraft | None] = {}
    for draft in drafts:
        if draft.type not in NAMED_TYPES:
            continue
        names = {draft.name, *draft.surfaces}
        if draft.type == "PERSON" and len(draft.name.split()) >= 2:
            names.add(draft.name.split()[-1])
        core = corporate_core(draft.name) if draft.type == "ORG" else None
        if core is not None:
            names.add(core)  # "Edmunds" of "Edmunds.com", wherever the NER missed it
        for surface in names:
            if (
                surface in lexicon.COMPASS_WORDS
                or len(surface) < 3
                and not acronym_letters(surface)
            ):
                continue
            if not surface[:1].isupper():
                continue
            previous = owner.get(surface, draft)
            owner[surface] = draft if previous is draft else None
    names = sorted((s for s, d in owner.items() if d is not None), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w\-.])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w\-])"
    )
    taken = sorted((c.start, c.end) for c in candidates)
    starts = [s for s, _ in taken]
    import bisect

    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_right(starts, end) - 1
        if i >= 0 and taken[i][1] > start:
            continue
        if i >= 1 and taken[i - 1][1] > start:
            continue
        if _touches_other_name(text, start, end):
            continue
        draft = owner[match.group(0)]
        if draft is not None:
            draft.mentions.append((start, end))
            draft.surfaces.append(match.group(0))
    for draft in drafts:
        draft.mentions.sort()


def _touches_other_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word is glued on either side ("Trump Tower", "New Seoul")."""
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return True
    if text[end : end + 2] in {"'s", "’s"}:
        return False
    before = text[max(0, start - 30) : start]
    if before.endswith(" ") and len(before) >= 2 and before[-2].isalpha():
        word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        if (
            word[:1].isupper()
            and word not in lexicon.TITLE_WORDS
            and word not in lexicon.LEADING_DROP
        ):
            return True
    return False
