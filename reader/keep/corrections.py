"""A reader's corrections to an analysis: rename or merge entities, fix a quote's speaker.

Corrections are kept per article, keyed by `text_key` (a hash of the clean text, so the same
article read from another path or URL finds them), and re-applied in the order they were made
each time the article is analysed. They name entities by id and quotes by their span, both of
which stay the same for the same text. A correction whose entity or quote is no longer found
is skipped. No Textual here.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from reader.model import Analysis, Article, Entity, Mention, Quote
from reader.record import Record

CorrectionKind = Literal["rename", "merge", "speaker"]


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Correction(Record):
    """One change, as stored.

    - `rename`: `target` is an entity id, `value` its new name.
    - `merge`: `target` is the id of the entity merged away, `value` the id of the one kept.
    - `speaker`: `target` is a quote's span `"start:end"`; `value` is an entity id, any other
      name for a speaker the analysis did not list, or `""` for "no speaker".
    """

    kind: CorrectionKind
    target: str
    value: str


def text_key(article: Article) -> str:
    """The key corrections and reading places are kept under: SHA-256 of the clean text."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def quote_target(quote: Quote) -> str:
    """How a `speaker` correction names its quote."""
    return f"{quote.start}:{quote.end}"


def rename(entity: Entity, name: str) -> Correction:
    return Correction("rename", entity.id, name.strip())


def merge(away: Entity, into: Entity) -> Correction:
    return Correction("merge", away.id, into.id)


def set_speaker(quote: Quote, speaker: Entity | str | None) -> Correction:
    """`speaker` is an entity, a name the analysis did not list, or None for no speaker."""
    value = speaker.id if isinstance(speaker, Entity) else (speaker or "").strip()
    return Correction("speaker", quote_target(quote), value)


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction]) -> Analysis:
    """`analysis` with each correction applied in turn."""
    for correction in corrections:
        if correction.kind == "rename":
            analysis = _rename(analysis, correction.target, correction.value)
        elif correction.kind == "merge":
            analysis = _merge(analysis, correction.target, correction.value)
        elif correction.kind == "speaker":
            analysis = _set_speaker(analysis, correction.target, correction.value)
    return analysis


def _with_alias(aliases: Iterable[str], *names: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*aliases, *names]))


def _rename(analysis: Analysis, entity_id: str, name: str) -> Analysis:
    entity = analysis.entity(entity_id)
    if entity is None or not name or name == entity.name:
        return analysis
    renamed = dataclasses.replace(
        entity, name=name, aliases=_with_alias(entity.aliases, entity.name)
    )
    entities = tuple(renamed if e.id == entity_id else e for e in analysis.entities)
    quotes = tuple(
        dataclasses.replace(q, speaker=name) if q.speaker_id == entity_id else q
        for q in analysis.quotes
    )
    return dataclasses.replace(analysis, entities=entities, quotes=quotes)


def _merge(analysis: Analysis, away_id: str, into_id: str) -> Analysis:
    away, into = analysis.entity(away_id), analysis.entity(into_id)
    if away is None or into is None or away_id == into_id:
        return analysis
    mentions = sorted(set(into.mentions) | set(away.mentions), key=lambda m: (m.start, m.end))
    merged = dataclasses.replace(
        into,
        aliases=_with_alias(into.aliases, away.name, *away.aliases),
        mentions=tuple(Mention(m.start, m.end) for m in mentions),
    )
    entities = tuple(merged if e.id == into_id else e for e in analysis.entities if e.id != away_id)
    quotes = tuple(
        dataclasses.replace(q, speaker=into.name, speaker_id=into_id)
        if q.speaker_id == away_id
        else q
        for q in analysis.quotes
    )
    return dataclasses.replace(analysis, entities=entities, quotes=quotes)


def _set_speaker(analysis: Analysis, span: str, value: str) -> Analysis:
    entity = analysis.entity(value) if value else None
    speaker, speaker_id = (entity.name, entity.id) if entity else (value or None, None)
    found = False
    quotes: list[Quote] = []
    for quote in analysis.quotes:
        if quote_target(quote) == span:
            found = True
            quote = dataclasses.replace(quote, speaker=speaker, speaker_id=speaker_id)
        quotes.append(quote)
    return dataclasses.replace(analysis, quotes=tuple(quotes)) if found else analysis
