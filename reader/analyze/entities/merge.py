"""Merging: candidates grouped into entities by the alias rules (`aliases`) and a person's
short names (`shortnames`), then drafted as the sidebar's rows."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from reader.analyze import lexicon
from reader.analyze.entities.aliases import ALIAS_RULES
from reader.analyze.entities.candidates import corporate_core
from reader.analyze.entities.dates import is_real_date
from reader.analyze.entities.evidence import vote_types
from reader.analyze.entities.names import Names
from reader.analyze.entities.rejoin import rejoin
from reader.analyze.entities.shortnames import OwnEvidence, person_for
from reader.analyze.entities.types import (
    NAMED_TYPES,
    Candidate,
    EntityDraft,
    acronym_letters,
)
from reader.model import EntityType


def merge_candidates(candidates: list[Candidate], text: str) -> list[EntityDraft]:
    """Group candidates into entities: the same name, an alias by the `ALIAS_RULES`
    (acronym, compass word, corporate form, "and" split, first word), or the short name of
    a person named in full."""
    candidates = rejoin(candidates)
    types, evidenced = vote_types(candidates)
    names = Names.of(candidates, types, text)
    person_starts: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        if candidate.key in names.people:
            person_starts[candidate.key].append(candidate.start)
    _type_lone_by_peers(candidates, types, evidenced)
    for rule in ALIAS_RULES:
        rule(names)

    own_evidence = OwnEvidence.of(candidates)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    by_person: set[int] = set()  # the candidates a person's full name took
    for candidate in candidates:
        key = candidate.key
        target = _resolve(names.canonical, key)
        if target == "":
            continue
        if target == key:
            person = person_for(
                candidate,
                types,
                evidenced,
                names.people,
                person_starts,
                names.words_of,
                own_evidence,
            )
            if person is not None:
                target = person
                by_person.add(id(candidate))
        groups[target].append(candidate)
    _follow_moved_people(groups, by_person)

    unsupported = _retype_lone_names(groups, types)
    surface_of = names.surface_of
    drafts: list[EntityDraft] = []
    for key, members in groups.items():
        entity_type = types[key]
        if entity_type == "DATE" and not is_real_date(surface_of[key]):
            continue
        if entity_type == "OTHER" and not surface_of[key][:1].isupper():
            continue
        if entity_type == "PERSON" and key in unsupported:
            entity_type = "OTHER"
        members.sort(key=lambda c: c.start)
        drafts.append(_draft(key, entity_type, members, surface_of))
    _add_missed_aliases(drafts, candidates, text)
    return drafts


def _follow_moved_people(groups: dict[str, list[Candidate]], by_person: set[int]) -> None:
    """A surname joined to a full name ("Clinton" to "Hillary Clinton") follows that name
    where it went itself ("Hillary Clinton" to "Hillary Rodham Clinton"): a group of short
    names only, left with none of its own name's mentions, is no row of its own."""
    moved: dict[str, Counter[str]] = defaultdict(Counter)
    for target, members in groups.items():
        for member in members:
            if member.key != target and id(member) in by_person:
                moved[member.key][target] += 1
    for key in list(groups):
        if key not in moved or not all(id(m) in by_person for m in groups[key]):
            continue
        destination = moved[key].most_common(1)[0][0]
        if destination in groups and destination != key:
            groups[destination].extend(groups.pop(key))


def _resolve(canonical: dict[str, str], key: str) -> str:
    """The name a key stands for, through chains of aliases ("DPRK" -> "Democratic People's
    Republic of Korea" -> "North Korea")."""
    seen = {key}
    target = canonical.get(key, key)
    while target and target in canonical and canonical[target] and target not in seen:
        seen.add(target)
        target = canonical[target]
    return target


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
    known = sorted((s for s, d in owner.items() if d is not None), key=len, reverse=True)
    if not known:
        return
    pattern = re.compile(
        r"(?<![\w\-.])(?:" + "|".join(re.escape(name) for name in known) + r")(?![\w\-])"
    )
    taken = sorted((c.start, c.end) for c in candidates)
    starts = [s for s, _ in taken]
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_right(starts, end) - 1
        if i >= 0 and taken[i][1] > start:
            continue
        if i >= 1 and taken[i - 1][1] > start:
            continue
        if _touches_other_name(text, start, end):
            continue
        found = owner[match.group(0)]
        if found is not None:
            found.mentions.append((start, end))
            found.surfaces.append(match.group(0))
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
