"""From an article to its analysis, looking in the analysis cache first.

`cached_analysis` is the one place that looks an article up in the cache, and `analysis_for`
the one that says "the cached analysis, or analyse and store it": the command line and the
reader both go through them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache


def cached_analysis(article: Article, cache: AnalysisCache | None) -> Analysis | None:
    """The analysis of `article` that `cache` holds, or None (no cache, or not analysed yet).

    The reader looks here before it starts its analysis process; `analysis_for` looks here
    before it analyses in this process.
    """
    return cache.get(article) if cache is not None else None


def analysis_for(article: Article, cache: AnalysisCache | None) -> Analysis:
    """The analysis of `article`: from `cache` if it holds one, else analysed (in this
    process, loading spaCy on first use) and stored in `cache`.

    `cache=None` (`--no-cache`) always analyses and stores nothing. An unusable cache is
    passed over quietly (see `AnalysisCache`). Raises `AnalysisError` as `analyze` does.
    """
    found = cached_analysis(article, cache)
    if found is not None:
        return found
    from reader.analyze import analyze  # spaCy and the rules: only when there is work

    analysis = analyze(article)
    if cache is not None:
        cache.put(analysis)
    return analysis
