"""The model's two serialisations: a JSON dict (the contract of `reader extract --format
json`) and compressed bytes (the analysis cache, and the analysis process's wire).

`analysis_to_dict` / `analysis_from_dict` carry the whole article; `encode_analysis` /
`decode_analysis` carry only the entities and quotes, because whoever decodes them holds the
article already (the cache's key stands for it, the reader sent it to the child).
"""

from __future__ import annotations

import zlib
from dataclasses import replace
from typing import Any

from reader.model import Analysis, Article, Block, Entity, Link, Mark, Mention, Quote


def analysis_to_dict(analysis: Analysis, *, analysed: bool = True) -> dict[str, Any]:
    """The JSON contract of `reader extract --format json`.

    `analysed=False` (`--no-analysis`): the analysis did not run; `"analysis"` is null and
    the entities and quotes are empty. Otherwise `"analysis"` counts what it found.
    """
    from reader.analyze.limits import analysis_limits  # here: the package is not cheap

    article = analysis.article
    return {
        "source": article.source,
        "title": article.title,
        "byline": article.byline,
        "site": article.site,
        "published": article.published,
        "url": article.url,
        # One sentence per cap the loader or the analysis reached (empty for most articles).
        "limits": [*article.limits, *analysis_limits(article)],
        "lang": article.lang,
        "text": article.text,
        "blocks": [
            {"kind": block.kind, "start": block.start, "end": block.end} for block in article.blocks
        ],
        "links": [
            {"start": link.start, "end": link.end, "href": link.href} for link in article.links
        ],
        "marks": [
            {"start": mark.start, "end": mark.end, "kind": mark.kind} for mark in article.marks
        ],
        "analysis": (
            {"entities": len(analysis.entities), "quotes": len(analysis.quotes)}
            if analysed
            else None
        ),
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "mentions": [
                    {"start": m.start, "end": m.end, "kind": m.kind} for m in entity.mentions
                ],
            }
            for entity in analysis.entities
        ],
        "quotes": [
            {
                "id": quote.id,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "speaker": quote.speaker,
                "speaker_id": quote.speaker_id,
                "kind": quote.kind,
                "cue": quote.cue,
                "speaker_span": (
                    {"start": quote.speaker_span[0], "end": quote.speaker_span[1]}
                    if quote.speaker_span is not None
                    else None
                ),
                "confidence": round(quote.confidence, 3),
            }
            for quote in analysis.quotes
        ],
    }


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """The inverse of `analysis_to_dict`; raises ValueError on a dict that is not one."""
    from reader.analyze.limits import analysis_limits

    try:
        article = Article(
            source=data["source"],
            text=data["text"],
            blocks=tuple(
                Block(block["kind"], block["start"], block["end"]) for block in data["blocks"]
            ),
            title=data["title"],
            byline=data["byline"],
            site=data["site"],
            published=data["published"],
            url=data["url"],
            lang=data.get("lang"),
            links=tuple(
                Link(link["start"], link["end"], link["href"]) for link in data.get("links", ())
            ),
            marks=tuple(
                Mark(mark["start"], mark["end"], mark["kind"]) for mark in data.get("marks", ())
            ),
        )
        analysis_notes = set(analysis_limits(article))
        limits = tuple(str(s) for s in data.get("limits", ()) if s not in analysis_notes)
        if limits:
            article = replace(article, limits=limits)
        entities = tuple(
            Entity(
                id=entity["id"],
                name=entity["name"],
                type=entity["type"],
                aliases=tuple(entity["aliases"]),
                mentions=tuple(
                    Mention(m["start"], m["end"], m.get("kind", "name")) for m in entity["mentions"]
                ),
            )
            for entity in data["entities"]
        )
        quotes = tuple(_quote_from_dict(quote) for quote in data["quotes"])
    except (KeyError, TypeError) as error:
        raise ValueError(f"not an analysis: {error}") from error
    return Analysis(article=article, entities=entities, quotes=quotes)


def _quote_from_dict(quote: dict[str, Any]) -> Quote:
    fields = dict(quote)
    span = fields.pop("speaker_span", None)
    fields["speaker_span"] = (span["start"], span["end"]) if span is not None else None
    return Quote(**fields)


def encode_analysis(analysis: Analysis) -> bytes:
    """The entities and quotes of `analysis` (not the article: the key stands for it)."""
    data = {
        "entities": [
            [
                entity.id,
                entity.name,
                entity.type,
                list(entity.aliases),
                [
                    [m.start, m.end] if m.kind == "name" else [m.start, m.end, m.kind]
                    for m in entity.mentions
                ],
                entity.description,
            ]
            for entity in analysis.entities
        ],
        "quotes": [
            [
                q.id,
                q.text,
                q.start,
                q.end,
                q.speaker,
                q.speaker_id,
                q.kind,
                q.cue,
                list(q.speaker_span) if q.speaker_span is not None else None,
                q.confidence,
            ]
            for q in analysis.quotes
        ],
        "lang": analysis.article.lang,
    }
    import json  # some 4.5 M instructions: an article opened without a cached analysis needs none

    return zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1)


def decode_analysis(article: Article, payload: bytes) -> Analysis:
    """The inverse of `encode_analysis`, for `article`; raises ValueError on a bad payload."""
    import json

    try:
        data: dict[str, Any] = json.loads(zlib.decompress(payload))
        entities = tuple(
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=tuple(aliases),
                mentions=tuple(Mention(*mention) for mention in mentions),
                description=description,
            )
            for entity_id, name, kind, aliases, mentions, description in data["entities"]
        )
        quotes = tuple(_quote_from_fields(fields) for fields in data["quotes"])
        lang = data.get("lang")
        if lang is not None and article.lang != lang:  # detected by the analysis
            article = replace(article, lang=str(lang))
    except (zlib.error, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"unreadable cache entry: {error}") from error
    length = len(article.text)
    spans = [(m.start, m.end) for e in entities for m in e.mentions]
    spans += [(q.start, q.end) for q in quotes]
    spans += [q.speaker_span for q in quotes if q.speaker_span is not None]
    if any(not 0 <= start <= end <= length for start, end in spans):
        raise ValueError("cache entry does not fit the article")
    return Analysis(article=article, entities=entities, quotes=quotes)


def _quote_from_fields(fields: list[Any]) -> Quote:
    quote = Quote(*fields)
    if quote.speaker_span is not None:
        start, end = quote.speaker_span
        quote = replace(quote, speaker_span=(int(start), int(end)))
    return quote
