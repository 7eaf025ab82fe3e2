"""Which language an article is written in: py3langid's naive Bayes over byte n-grams.

py3langid (140 languages, a 4.5 MB model, no download at run time) is imported and its model
read on the first call only: reading the model costs some half a second, so a caller on the
way to a first paint leaves the article's `lang` unset and the analysis fills it in
(`reader.analyze`). `python benchmarks/language.py` measures its accuracy and speed on the
paragraphs of the benchmark pages.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from reader.model import Article

#: Characters of the article read: a few paragraphs decide, and the time stays flat.
SAMPLE_CHARS = 4000
#: Fewer letters than this say too little to name a language.
MIN_LETTERS = 12
#: A guess less likely than this (py3langid's probability, calibrated by length) names no
#: language: "Kim Jong Un met Moon Jae-in in Seoul." is Afrikaans at 0.20.
MIN_CONFIDENCE = 0.5


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier, or None when it cannot be loaded (then no language is named,
    and the article is read as English, as before there was a detector)."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except (ImportError, OSError, ValueError):
        return None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in ("en", "de", "zh"), or None
    when it holds too few letters to tell, or the best guess is not likely enough."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return None
    language, confidence = guess_language(sample)
    return language if confidence >= MIN_CONFIDENCE else None


def guess_language(text: str) -> tuple[str, float]:
    """py3langid's best guess for `text` and its probability, however unlikely."""
    identifier = _identifier()
    if identifier is None:
        return "und", 0.0  # undetermined (ISO 639-2)
    language, confidence = identifier.classify(text[:SAMPLE_CHARS])
    return str(language), float(confidence)


def with_language(article: Article) -> Article:
    """`article` with its `lang` filled in (unchanged when it is set already)."""
    if article.lang is not None:
        return article
    language = detect_language(article.text)
    return article if language is None else dataclasses.replace(article, lang=language)
