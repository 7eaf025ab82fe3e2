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
from dataclasses import dataclass, field
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
    ):
        last += 2
    return last


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


def collect_candidates(chunks: list[ParsedChunk]) -> list[Candidate]:
    candidates: list[Candidate] = []
    for chunk in chunks:
        doc = chunk.doc
        taken_until = 0
        for ent in doc.ents:
            label = LABEL_TYPES.get(ent.label_)
            if label is None or ent.start < taken_until:
                continue
            first, last, description = repair_span(doc, ent.start, ent.end, label)
            if first >= last:
                continue
            taken_until = last
            candidate = _candidate(chunk, first, last, label, description)
            if candidate is not None:
                candidates.append(candidate)
    return _split_fused(candidates)


def _candidate(
    chunk: ParsedChunk, first: int, last: int, label: EntityType, description: str | None
) -> Candidate | None:
    doc = chunk.doc
    span = doc[first:last]
    surface = span.text
    if "\n" in surface or not WORD_CHARS.search(surface):
        return None
    candidate = Candidate(
        start=chunk.offset + span.start_char,
        end=chunk.offset + span.end_char,
        surface=surface,
        type=label,
        chunk=chunk,
        first=first,
        last=last,
        description=description,
    )
    candidate.votes[label] += 1
    root = span.root
    candidate.speech_subject = _is_speech_subject(root)
    if label == "PERSON":
        before, gender = _title_before(doc, first)
        candidate.description = candidate.description or before
        candidate.gender = gender or _gender_of_name(candidate.words)
        if _platform_context(doc, first) or _told_outlet(doc, first, last):
            candidate.votes["ORG"] += 3
    elif label in {"PLACE", "ORG"} and last - first == 1 and _told_outlet(doc, first, last):
        candidate.votes["ORG"] += 3
    if label == "PLACE" and candidate.speech_subject:
        before, gender = _title_before(doc, first)
        if gender or (before and any(w in lexicon.TITLE_WORDS for w in before.split())):
            candidate.votes["PERSON"] += 3
            candidate.gender = gender
    return candidate


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
        chunk = candidate.chunk
        doc = chunk.doc if chunk else None
        if doc is None or candidate.last - candidate.first < 2 or candidate.type == "DATE":
            result.append(candidate)
            continue
        head = doc[candidate.first]
        rest = doc[candidate.first + 1 : candidate.last]
        rest_type = known.get(name_key(rest.text))
        if head.is_upper and acronym_letters(head.text) and rest_type and rest_type != "DATE":
            acronym = _candidate(chunk, candidate.first, candidate.first + 1, "ORG", None)
            named = _candidate(chunk, candidate.first + 1, candidate.last, rest_type, None)
            result.extend(c for c in (acronym, named) if c is not None)
        else:
            result.append(candidate)
    return result


# ---------------------------------------------------------------------------------------------
# Merging


def _vote_types(candidates: list[Candidate]) -> dict[str, EntityType]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for candidate in candidates:
        votes[candidate.key].update(candidate.votes)
    types: dict[str, EntityType] = {}
    for key, counter in votes.items():
        best = max(counter.items(), key=lambda item: (item[1], item[0] == "PERSON"))[0]
        types[key] = best  # type: ignore[assignment]
    return types


def merge_candidates(candidates: list[Candidate], text: str) -> list[EntityDraft]:
    """Group candidates into entities: same name, surname of a person, acronym, compass word."""
    types = _vote_types(candidates)
    first_seen: dict[str, int] = {}
    surface_of: dict[str, str] = {}
    for candidate in candidates:
        first_seen.setdefault(candidate.key, candidate.start)
        surface_of.setdefault(candidate.key, candidate.surface)

    def words_of(key: str) -> list[str]:
        return surface_of[key].split()

    people = [k for k, t in types.items() if t == "PERSON" and len(words_of(k)) >= 2]
    named = [k for k, t in types.items() if t in NAMED_TYPES | {"OTHER"} and len(words_of(k)) >= 2]
    # Person mentions by key, to resolve an ambiguous surname to the nearest full name.
    person_starts: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        if candidate.key in people:
            person_starts[candidate.key].append(candidate.start)

    canonical: dict[str, str] = {}
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
            in {initials(words_of(k), with_joiners=True), initials(words_of(k), with_joiners=False)}
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

    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        key = candidate.key
        target = canonical.get(key, key)
        if target == "":
            continue
        if target == key:
            person = _person_for(candidate, types, people, person_starts, words_of)
            if person is not None:
                target = person
        groups[target].append(candidate)

    drafts: list[EntityDraft] = []
    for key, members in groups.items():
        entity_type = types[key]
        if entity_type == "DATE" and not _is_real_date(surface_of[key]):
            continue
        if entity_type == "OTHER" and not surface_of[key][:1].isupper():
            continue
        members.sort(key=lambda c: c.start)
        drafts.append(_draft(key, entity_type, members, surface_of))
    _add_missed_aliases(drafts, candidates, text)
    return drafts


def _person_for(
    candidate: Candidate,
    types: dict[str, EntityType],
    people: list[str],
    person_starts: dict[str, list[int]],
    words_of: Any,
) -> str | None:
    """The full-named person a short name stands for ("Kim", "Newsham"), if any."""
    words = candidate.words
    if len(words) >= 2 and types[candidate.key] == "PERSON":
        matches = [
            k for k in people if k != candidate.key and _is_edge_subsequence(words, words_of(k))
        ]
    elif len(words) == 1:
        word = words[0]
        entity_type = types[candidate.key]
        if entity_type == "PERSON" or candidate.type == "PERSON":
            matches = [k for k in people if word in (words_of(k)[0], words_of(k)[-1])]
        elif entity_type == "ORG" or candidate.speech_subject:
            matches = [k for k in people if word == words_of(k)[-1]]
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
        for surface in {draft.name, *draft.surfaces}:
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
        if word[:1].isupper() and word not in lexicon.TITLE_WORDS:
            return True
    return False
