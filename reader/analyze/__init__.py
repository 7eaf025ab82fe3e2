"""Article -> Analysis: entities and quotes from one shared spaCy pass (`orchestrate`).

Importing this package, or one of its modules (the worker, the limits, the languages), does
not import the analysis: `analyze`, `analyze_parsed` and the rest are read from their modules
on first use, so the reader's first paint does not wait for some twenty modules it may never
need. spaCy itself loads on the first `analyze` call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.analyze.nlp import AnalysisCancelled, load_model, parse_article
    from reader.analyze.orchestrate import analyze, analyze_parsed, prepare

__all__ = [
    "ANALYZER_VERSION",
    "AnalysisCancelled",
    "analyze",
    "analyze_parsed",
    "load_model",
    "parse_article",
    "prepare",
]

#: Bump whenever a change to the rules or the model changes what `analyze` returns: cached
#: analyses are keyed by it (`reader.store.cache`), so old results are not shown again.
ANALYZER_VERSION = "5"

#: Where each name of the package's face lives.
_HOMES = {
    "AnalysisCancelled": "nlp",
    "load_model": "nlp",
    "parse_article": "nlp",
    "analyze": "orchestrate",
    "analyze_parsed": "orchestrate",
    "prepare": "orchestrate",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
