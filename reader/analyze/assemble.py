"""The analysis put together: entity ids and salience order, and each kept quote with its
speaker's name and id."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reader.analyze.entities import EntityDraft
from reader.analyze.quotes import QuoteSpan
from reader.analyze.ranker import Choice
from reader.analyze.speaker_cues import Attribution
from reader.model import Article, Entity, Mention, Quote

SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def marked_quote(
    article: Article,
    span: QuoteSpan,
    attribution: Attribution,
    drafts: list[EntityDraft],
    id_of: dict[int, str],
) -> Quote:
    speaker = drafts[attribution.speaker] if attribution.speaker is not None else None
    return Quote(
        id="",
        text=span.text(article),
        start=span.start,
        end=span.end,
        speaker=speaker.name if speaker is not None else None,
        speaker_id=id_of.get(attribution.speaker) if attribution.speaker is not None else None,
        kind="direct" if span.kind == "direct" else "partial",
        cue=attribution.cue,
    )


def speaker_of(attribution: Attribution, choice: Choice | None) -> int | None:
    """The draft that speaks a quote: the model's choice where it ran, else the rules'."""
    return choice.speaker if choice is not None else attribution.speaker


def chosen_quote(
    article: Article,
    span: QuoteSpan,
    choice: Choice,
    drafts: list[EntityDraft],
    id_of: dict[int, str],
) -> Quote:
    """A quote with the speaker the model chose, its words in the text and its confidence."""
    cue = choice.cue
    if choice.description is not None and cue is not None:
        cue = (
            f"{cue} {choice.description}"
            if cue == "according to"
            else f"{choice.description} {cue}"
        )
    return Quote(
        id="",
        text=span.text(article),
        start=span.start,
        end=span.end,
        speaker=drafts[choice.speaker].name if choice.speaker is not None else None,
        speaker_id=id_of.get(choice.speaker) if choice.speaker is not None else None,
        kind="direct" if span.kind == "direct" else "partial",
        cue=cue,
        speaker_span=choice.speaker_span,
        confidence=choice.confidence,
    )


def finish_entities(
    drafts: list[EntityDraft],
    speakers: list[int | None],
    kept: Iterable[tuple[QuoteSpan, Attribution, Choice | None]] = (),
) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """Ids and salience order: mentions, being quoted, appearing early.

    A pronoun the model took as a quote's speaker ("he" of "he said") is listed among its
    entity's mentions with the kind "pronoun"."""
    spoken = Counter(s for s in speakers if s is not None)
    pronouns: dict[int, list[tuple[int, int]]] = {}
    for _, _, choice in kept:
        if (
            choice is not None
            and choice.pronoun
            and choice.speaker is not None
            and choice.speaker_span is not None
        ):
            pronouns.setdefault(choice.speaker, []).append(choice.speaker_span)
    order = sorted(
        range(len(drafts)),
        key=lambda i: (
            -(len(drafts[i].mentions) + 2 * spoken.get(i, 0)),
            drafts[i].first_position,
        ),
    )
    used: set[str] = set()
    id_of: dict[int, str] = {}
    entities: list[Entity] = []
    for index in order:
        draft = drafts[index]
        base = f"{draft.type.lower()}-{SLUG_JUNK.sub('-', draft.name.lower()).strip('-') or 'x'}"
        entity_id = base
        n = 2
        while entity_id in used:
            entity_id = f"{base}-{n}"
            n += 1
        used.add(entity_id)
        id_of[index] = entity_id
        entities.append(
            Entity(
                id=entity_id,
                name=draft.name,
                type=draft.type,
                aliases=draft.aliases,
                mentions=_mentions(draft.mentions, pronouns.get(index, ())),
                description=draft.description,
            )
        )
    return tuple(entities), id_of


def _mentions(
    names: Iterable[tuple[int, int]], pronouns: Iterable[tuple[int, int]]
) -> tuple[Mention, ...]:
    named = set(names)
    found = [Mention(start, end) for start, end in named]
    found += [Mention(start, end, "pronoun") for start, end in set(pronouns) - named]
    return tuple(sorted(found, key=lambda m: (m.start, m.end)))
