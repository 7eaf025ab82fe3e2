"""Article -> Analysis: entities and quotes from one shared spaCy pass.

`import reader.analyze` does not import spaCy; the model loads on the first `analyze` call.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from reader.analyze import ranker
from reader.analyze.entities import EntityDraft, collect_candidates, merge_candidates
from reader.analyze.indirect import find_indirect
from reader.analyze.nlp import AnalysisCancelled, ParsedChunk, load_model, parse_article
from reader.analyze.quotes import (
    QuoteSpan,
    classify,
    find_quote_spans,
    has_first_person,
    is_headline_case,
    is_modifier,
    is_naming,
    looks_like_name_or_title,
)
from reader.analyze.speakers import Attribution, SpeakerFinder
from reader.model import Analysis, Article, Entity, Mention, Quote

__all__ = [
    "ANALYZER_VERSION",
    "AnalysisCancelled",
    "analyze",
    "analyze_parsed",
    "load_model",
    "parse_article",
]

#: Bump whenever a change to the rules or the model changes what `analyze` returns: cached
#: analyses are keyed by it (`reader.store.cache`), so old results are not shown again.
ANALYZER_VERSION = "3"

SHORT_PARTIAL_WORDS = 3
SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def analyze(
    article: Article,
    *,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Find the article's entities and quotes; `progress` gets fractions from 0 to 1.

    Raises `AnalysisCancelled` when `is_cancelled()` turns true between batches, and
    `AnalysisError` when the language model cannot be loaded.
    """
    chunks = parse_article(article, progress=progress, is_cancelled=is_cancelled)
    analysis = analyze_parsed(article, chunks)
    if progress is not None:
        progress(1.0)
    return analysis


def analyze_parsed(
    article: Article, chunks: list[ParsedChunk], *, model: Any = None
) -> Analysis:
    """The rules and the learned model on top of the parse: entities, quotes and speakers.

    `model` is the attribution model (`reader.analyze.ranker`): None for the shipped one,
    False for the hand-written rules alone (the benchmark's baseline).
    """
    drafts, spans, finder, attributions = prepare(article, chunks)
    if model is None:
        model = ranker.shipped()
    choices: list[ranker.Choice | None] = [None] * len(spans)
    keep = [
        _is_reported_speech(article, span, a)
        for span, a in zip(spans, attributions, strict=True)
    ]
    if model:
        collected = ranker.collect(finder, spans, attributions)
        choices = list(ranker.choose(model, finder, spans, attributions, collected))
        if model.quote is not None:
            quote_model = model.quote
            # Names and titles keep the rules' verdict: the corpus counts a so-called "X" or
            # a show's title inside an attributed sentence as words said, the reader does not;
            # so do quotes over several paragraphs (the corpus scores paragraph by paragraph).
            keep = [
                kept_by_rules
                if len(span.blocks) > 1 or _names_or_titles(article, span)
                else quote_model.score(ranker.quote_features(article, span, a, candidates))
                >= quote_model.threshold
                for span, a, candidates, kept_by_rules in zip(
                    spans, attributions, collected, keep, strict=True
                )
            ]
    kept = [
        (span, attribution, choice)
        for span, attribution, choice, keep_it in zip(
            spans, attributions, choices, keep, strict=True
        )
        if keep_it
    ]
    reported = find_indirect(chunks, finder)
    speakers = [
        choice.speaker if choice is not None else attribution.speaker
        for _, attribution, choice in kept
    ]
    pronouns: dict[int, list[tuple[int, int]]] = {}
    for _, _, choice in kept:
        if choice is not None and choice.pronoun and choice.speaker is not None:
            assert choice.speaker_span is not None
            pronouns.setdefault(choice.speaker, []).append(choice.speaker_span)
    entities, id_of = _finish_entities(drafts, speakers, pronouns)
    marked = [
        _quote(article, span, attribution, drafts, id_of)
        if choice is None
        else _chosen(article, span, choice, drafts, id_of)
        for span, attribution, choice in kept
    ]
    unmarked = [
        Quote(
            id="",
            text=article.text[item.start : item.end],
            start=item.start,
            end=item.end,
            speaker=drafts[item.speaker].name,
            speaker_id=id_of.get(item.speaker),
            kind="indirect",
            cue=item.cue,
        )
        for item in reported
    ]
    ordered = sorted([*marked, *unmarked], key=lambda quote: quote.start)
    quotes = tuple(replace(quote, id=f"q{number}") for number, quote in enumerate(ordered, start=1))
    return Analysis(article=article, entities=entities, quotes=quotes)


def prepare(
    article: Article, chunks: list[ParsedChunk]
) -> tuple[list[EntityDraft], list[QuoteSpan], SpeakerFinder, list[Attribution]]:
    """Entities, quote-mark spans and the hand-written rules' attributions of one parse."""
    # The candidates (some 20 MB on a 5 MB page) are dropped once merged.
    drafts = merge_candidates(collect_candidates(chunks), article.text)
    spans = find_quote_spans(article)
    previous = None
    for span in spans:
        span.kind = classify(article, span, previous)
        previous = span
    finder = SpeakerFinder(article, chunks, spans, drafts)
    return drafts, spans, finder, finder.attribute_all(spans)


def _names_or_titles(article: Article, span: QuoteSpan) -> bool:
    """so-called "X", the word "X", a "phase one" deal, a Title In Capitals."""
    inner = span.text(article)
    return (
        is_naming(article, span)
        or is_modifier(article, span)
        or looks_like_name_or_title(inner)
        or is_headline_case(inner)
    )


def _is_reported_speech(article: Article, span: QuoteSpan, attribution: Attribution) -> bool:
    """Speech, not a title or a label; a fragment only when it reads as someone's words."""
    inner = span.text(article)
    spoken = attribution.governed and attribution.cue_in_sentence
    if is_naming(article, span) or is_modifier(article, span):
        return False
    if looks_like_name_or_title(inner) or is_headline_case(inner):
        return spoken and attribution.close  # chanted "Red for Ed," yes; a song's title, no
    if span.kind == "direct":
        return True
    if span.words <= SHORT_PARTIAL_WORDS:
        return (
            attribution.close
            or (has_first_person(inner) and attribution.cue_in_sentence)
            or (spoken and attribution.speaker is not None)
        )
    return (
        attribution.cue_in_sentence
        or has_first_person(inner)
        or (attribution.speaker is not None and attribution.cue is not None)
    )


def _quote(
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


def _chosen(
    article: Article,
    span: QuoteSpan,
    choice: ranker.Choice,
    drafts: list[EntityDraft],
    id_of: dict[int, str],
) -> Quote:
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


def _finish_entities(
    drafts: list[EntityDraft],
    speakers: list[int | None],
    pronouns: dict[int, list[tuple[int, int]]] | None = None,
) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """Ids and salience order: mentions, being quoted, appearing early.

    `pronouns`: the pronouns that name an entity as a quote's speaker, listed among its
    mentions with the kind "pronoun"."""
    spoken = Counter(s for s in speakers if s is not None)
    pronouns = pronouns or {}
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
