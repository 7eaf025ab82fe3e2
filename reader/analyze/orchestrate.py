"""The analysis itself: one shared spaCy pass, then the rules and the model over it.

`nlp` parses, `entities` finds and merges the names, `quotes` finds the quotation marks,
`speakers` attributes them by rule, `ranker` by a model trained on PolNeAR, `speech` keeps the
reported speech, `indirect` finds the unmarked quotes, and `assemble` gives the entities their
ids. spaCy loads on the first `analyze` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reader.analyze import ranker, ranker_candidates, ranker_quotes
from reader.analyze.assemble import chosen_quote, finish_entities, marked_quote, speaker_of
from reader.analyze.entities import EntityDraft, collect_candidates, merge_candidates
from reader.analyze.indirect import find_indirect
from reader.analyze.languages import DEFAULT_LANGUAGE, model_for
from reader.analyze.limits import quote_capped
from reader.analyze.nlp import AnalysisCancelled, ParsedChunk, load_model, parse_article
from reader.analyze.quotes import QuoteSpan, classify, find_quote_spans, is_naming
from reader.analyze.speaker_cues import Attribution
from reader.analyze.speakers import SpeakerFinder
from reader.analyze.speech import SHORT_PARTIAL_WORDS, is_reported_speech
from reader.load.language import with_language
from reader.model import Analysis, Article, Quote

__all__ = ["AnalysisCancelled", "analyze", "analyze_parsed", "load_model", "parse_article"]


def analyze(
    article: Article,
    *,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Find the article's entities and quotes; `progress` gets fractions from 0 to 1.

    The article's language is detected first when it is not known (`reader.load.language`);
    the returned analysis holds the article with its `lang`. Raises `AnalysisCancelled` when
    `is_cancelled()` turns true between batches, and `AnalysisError` when the language model
    cannot be loaded.
    """
    article = with_language(article)
    chunks = parse_article(article, progress=progress, is_cancelled=is_cancelled)
    analysis = analyze_parsed(article, chunks)
    if progress is not None:
        progress(1.0)
    return analysis


def analyze_parsed(article: Article, chunks: list[ParsedChunk], *, model: Any = None) -> Analysis:
    """The rules and the learned model on top of the parse: entities, quotes and speakers.

    `model` is the attribution model (`ranker.Model`): None for the shipped one, False for
    the hand-written rules alone (the benchmark's baseline). Entities only where a model knows
    the article's language (`languages.model_for`); the quotes of any language are found from
    their marks. The attribution model, trained on English news, attributes English only.
    """
    drafts, spans, finder, attributions = prepare(article, chunks)
    parsed = _finds_entities(article, chunks)
    if not parsed or article.lang not in (None, DEFAULT_LANGUAGE):
        model = False  # it learned English cues from English parses: the rules alone
    elif model is None:
        model = ranker.shipped()
    choices: list[ranker.Choice | None] = [None] * len(spans)
    keep = [
        is_reported_speech(article, span, a)
        or (not parsed and _reads_as_speech_unparsed(article, span))
        for span, a in zip(spans, attributions, strict=True)
    ]
    if model:
        collected = ranker_candidates.collect(finder, spans, attributions)
        choices = list(ranker.choose(model, finder, spans, attributions, collected))
        if model.quote is not None:
            keep = ranker_quotes.keep_quotes(
                model.quote, article, spans, attributions, collected, keep
            )
    kept = [
        (span, attribution, choice)
        for span, attribution, choice, keep_it in zip(
            spans, attributions, choices, keep, strict=True
        )
        if keep_it
    ]
    reported = find_indirect(chunks, finder)
    entities, id_of = finish_entities(drafts, [speaker_of(a, c) for _, a, c in kept], kept)
    marked = [
        marked_quote(article, span, attribution, drafts, id_of)
        if choice is None
        else chosen_quote(article, span, choice, drafts, id_of)
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
    drafts = (
        merge_candidates(collect_candidates(chunks), article.text)
        if _finds_entities(article, chunks)
        else []
    )
    # A paragraph with more quote marks than the cap is not analysed: its marks are not even
    # paired (a million took 4 s), and no quote runs into or out of it
    # (`reader.analyze.limits`).
    spans = find_quote_spans(article, skip=quote_capped(article))
    previous = None
    for span in spans:
        span.kind = classify(article, span, previous)
        previous = span
    finder = SpeakerFinder(article, chunks, spans, drafts)
    return drafts, spans, finder, finder.attribute_all(spans)


def _reads_as_speech_unparsed(article: Article, span: QuoteSpan) -> bool:
    """In a language read without a parse there are no reporting verbs to find (「…」と述べた):
    a quote is kept when it is longer than a short phrase and is not a name or a label."""
    return span.words > SHORT_PARTIAL_WORDS and not is_naming(article, span)


def _finds_entities(article: Article, chunks: list[ParsedChunk]) -> bool:
    """Whether the parse can name entities in the article's language: a model for it, and a
    pipeline that recognises entities (not the blank one)."""
    if article.lang is not None and model_for(article.lang) is None:
        return False
    return not chunks or "ner" in chunks[0].docs.nlp.pipe_names
