"""From an article to its analysis, looking in the analysis cache first.

`analysis_for` is the one place that says "the cached analysis, or analyse and store it";
the command line and the reader both go through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache


def analysis_for(article: Article, cache: AnalysisCache | None) -> Analysis:
    """The analysis of `article`: from `cache` if it holds one, else analysed (in this
    process, loading spaCy on first use) and stored in `cache`.

    `cache=None` (`--no-cache`) always analyses and stores nothing. An unusable cache is
    passed over quietly (see `AnalysisCache`). Raises `AnalysisError` as `analyze` does.
    """
    if cache is not None:
        found = cache.get(article)
        if found is not None:
            return found
    from reader.analyze import analyze  # spaCy and the rules: only when there is work

    analysis = analyze(article)
    if cache is not None:
        cache.put(analysis)
    return analysis
