"""A long article's parse is not held whole: only the docs read last stay alive as spaCy Docs,
the others are set aside compact and rebuilt, identical, when the rules read them again."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from reader.analyze import analyze_parsed, parse_article
from reader.analyze.entities import collect_candidates, merge_candidates
from reader.analyze.indirect import find_indirect
from reader.analyze.nlp import ParsedChunk
from reader.analyze.quotes import find_quote_spans
from reader.analyze.speaker_cues import CACHED_CHUNKS
from reader.analyze.speakers import SpeakerFinder
from reader.model import Analysis, Article

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
#: Every annotation the rules may read, and the ones the Doc derives from them.
ATTRIBUTES = [
    *("ORTH", "SPACY", "IDX", "TAG", "POS", "MORPH", "DEP", "HEAD", "LEMMA", "NORM"),
    *("ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "SENT_START"),
]


def _sample(name: str) -> Article:
    from reader.load import load

    return load(str(SAMPLES / name))


def _alive_docs() -> int:
    from spacy.tokens import Doc

    gc.collect()
    return sum(isinstance(thing, Doc) for thing in gc.get_objects())


def _described(chunk: ParsedChunk) -> tuple[Any, ...]:
    doc = chunk.doc
    return (
        doc.text,
        doc.to_array(ATTRIBUTES).tolist(),
        [(ent.start, ent.end, ent.label_) for ent in doc.ents],
        [(sent.start, sent.end) for sent in doc.sents],
        [(t.left_edge.i, t.right_edge.i, t.n_lefts, t.n_rights, t.is_sent_start) for t in doc],
    )


def test_a_doc_read_back_is_the_doc_the_pipeline_made(nlp: Any) -> None:
    article = _sample("clyde-ferry-strike.html")
    alive = parse_article(article, nlp=nlp)
    set_aside = parse_article(article, nlp=nlp, live_tokens=0)
    assert alive[0].docs.alive == len(alive)  # a short article stays whole
    assert set_aside[0].docs.alive == 1
    assert len(set_aside) > 10
    for whole, rebuilt in zip(alive, set_aside, strict=True):
        assert rebuilt.text == rebuilt.doc.text == whole.doc.text
        assert _described(rebuilt) == _described(whole)


def test_the_analysis_is_the_same_when_the_docs_are_set_aside(
    nlp: Any, seed_article: Article, seed_analysis: Analysis
) -> None:
    chunks = parse_article(seed_article, nlp=nlp, live_tokens=200)
    assert chunks[0].docs.alive < len(chunks)
    analysis = analyze_parsed(seed_article, chunks)
    assert analysis.quotes and analysis.entities
    assert analysis == seed_analysis


@pytest.mark.slow
def test_reading_a_long_parse_keeps_few_docs_alive(nlp: Any, seed_article: Article) -> None:
    """Every reader of the parse (entities, speakers, reported speech) goes over all of it;
    none may keep each chunk's Doc alive (in a cache of sentences, tokens or Docs)."""
    texts = [seed_article.block_text(block) for block in seed_article.blocks]
    quoted = [text for text in texts if '"' in text or "“" in text]
    article = Article.from_blocks("long.txt", [("paragraph", text) for text in quoted * 40])
    before = _alive_docs()
    chunks = parse_article(article, nlp=nlp, live_tokens=300)
    alive = chunks[0].docs.alive
    assert len(chunks) >= 150 > 3 * (alive + CACHED_CHUNKS)
    assert _alive_docs() - before == alive

    drafts = merge_candidates(collect_candidates(chunks), article.text)
    spans = find_quote_spans(article)
    assert len(spans) >= len(chunks)
    finder = SpeakerFinder(article, chunks, spans, drafts)
    attributions = finder.attribute_all(spans)
    assert sum(a.speaker is not None for a in attributions) >= len(chunks)
    find_indirect(chunks, finder)
    assert _alive_docs() - before <= alive + CACHED_CHUNKS

    assert analyze_parsed(article, chunks) == analyze_parsed(article, parse_article(article))
