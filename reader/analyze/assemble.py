"""The analysis put together: entity ids and salience order, and each kept quote with its
speaker's name and id."""

from __future__ import annotations

import re
from collections import Counter

from reader.analyze.entities import EntityDraft
from reader.analyze.quotes import QuoteSpan
from reader.analyze.speakers import Attribution
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


def finish_entities(
    drafts: list[EntityDraft], attributions: list[Attribution]
) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """Ids and salience order: mentions, being quoted, appearing early."""
    spoken = Counter(a.speaker for a in attributions if a.speaker is not None)
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
                mentions=tuple(Mention(start, end) for start, end in sorted(set(draft.mentions))),
                description=draft.description,
            )
        )
    return tuple(entities), id_of
