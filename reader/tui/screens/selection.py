"""What the reader has chosen on the reading screen: the selected entity, its current mention,
the current quote; and how a choice is found again in newer results. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Analysis, Entity, Quote
from reader.record import MutableRecord
from reader.tui.text.quote_marks import with_quote_marks


@dataclass(eq=False, repr=False)
class Selection(MutableRecord):
    """The selected entity (its mentions marked, its quotes listed) and the current quote."""

    entity: Entity | None = None
    mention: int | None = None
    """The index of the entity's mention that `]` / `[` last went to."""
    quote: Quote | None = None

    def clear_entity(self) -> None:
        self.entity = None
        self.mention = None

    def carried_to(self, analysis: Analysis) -> tuple[Entity | None, Quote | None]:
        """The selected entity and current quote in `analysis` (a partial result, then the
        whole one): the entity found by id and name, else by name; the quote by its place."""
        old, entity = self.entity, None
        if old is not None:
            entity = next(
                (e for e in analysis.entities if e.id == old.id and e.name == old.name), None
            ) or next((e for e in analysis.entities if e.name == old.name), None)
        quote = self.quote
        same = None
        if quote is not None:
            place = (quote.start, quote.end)
            same = next((q for q in analysis.quotes if (q.start, q.end) == place), None)
        return entity, same


def quotes_of(analysis: Analysis | None, entity: Entity | None) -> tuple[Quote, ...]:
    """The quotes listed: `entity`'s, or with none selected every quote."""
    quotes = analysis.quotes if analysis is not None else ()
    if entity is None:
        return tuple(quotes)
    return tuple(quote for quote in quotes if quote.speaker_id == entity.id)


def focus_spans(
    analysis: Analysis | None, entity: Entity | None
) -> tuple[str, list[tuple[int, int]]]:
    """What the focus filter keeps paragraphs for, named, with its spans: the selected
    entity's mentions, or with none selected every quote."""
    if entity is not None:
        return entity.name, [(mention.start, mention.end) for mention in entity.mentions]
    quotes = analysis.quotes if analysis is not None else ()
    return "quotes", [(quote.start, quote.end) for quote in quotes]


def quote_near(quotes: tuple[Quote, ...], top: int, step: int) -> int:
    """With no current quote: the first quote from offset `top` on (`step` > 0), or the last
    before it."""
    if step > 0:
        return next((n for n, quote in enumerate(quotes) if quote.start >= top), 0)
    before = [n for n, quote in enumerate(quotes) if quote.start < top]
    return before[-1] if before else 0


def thing_at(analysis: Analysis, text: str, offset: int) -> tuple[Entity, int] | Quote | None:
    """What the character at `offset` belongs to: an entity's mention (with its number), else a
    quote (its marks included), else nothing."""
    for entity in analysis.entities:
        for number, mention in enumerate(entity.mentions):
            if mention.start <= offset < mention.end:
                return entity, number
    for quote in analysis.quotes:
        start, end = with_quote_marks(text, quote.start, quote.end)
        if start <= offset < end:
            return quote
    return None
