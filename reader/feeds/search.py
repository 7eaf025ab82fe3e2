"""The feeds screen's `/` filter: words in an item, `e:NAME` an entity, `q:NAME` a speaker.

`e:` and `q:` look at what the item's article holds once it was analysed (opened, or
prefetched): `e:moon` keeps items that name an entity whose name holds "moon", `q:moon`
those that quote such a speaker, and `q:` alone those with any quote. Plain text is looked
for in the title, summary, author and feed name. Case is ignored. No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.feeds.store import Item


def analysis_summary(analysis: Any) -> dict[str, object]:
    """What the list and the filter keep of an `Analysis`: quote count, speakers, entities."""
    speakers: list[str] = []
    for quote in analysis.quotes:
        if quote.speaker and quote.speaker not in speakers:
            speakers.append(quote.speaker)
    entities = [entity.name for entity in analysis.entities if entity.type == "PERSON"]
    entities += [entity.name for entity in analysis.entities if entity.type != "PERSON"]
    return {"quotes": len(analysis.quotes), "speakers": speakers[:50], "entities": entities[:100]}


def item_matches(item: Item, query: str) -> bool:
    query = query.strip().casefold()
    if not query:
        return True
    if query.startswith("e:"):
        name = query[2:].strip()
        return any(name in entity.casefold() for entity in item.entities)
    if query.startswith("q:"):
        name = query[2:].strip()
        if not name:
            return bool(item.quote_count)
        return any(name in speaker.casefold() for speaker in item.speakers)
    fields = (item.title, item.summary, item.author, item.feed_title)
    return any(query in field.casefold() for field in fields if field)


def filtered(items: Iterable[Item], query: str) -> list[Item]:
    return [item for item in items if item_matches(item, query)]
