"""From an article to its analysis, looking in the analysis cache first.

`cached_analysis` is the one place that looks an article up in the cache, and `analysis_for`
the one that says "the cached analysis, or analyse and store it": the command line and the
reader both go through them. `archived` keeps a finished analysis, as the reader corrected
it, in the archive (`reader extract --save`, the feeds' prefetch).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.store import Archive
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache
    from reader.store.library import Library


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


def archived(analysis: Analysis, archive: Archive, library: Library | None = None) -> int:
    """Keep `analysis` in `archive` with the reader's corrections to it (from `library`, when
    there is one: corrections apply before archiving); its article's id in the archive.

    Raises `StoreUnavailable` (or `sqlite3.Error`) as the archive does; `archive.ingest.keep`
    makes that one sentence."""
    from reader.store.db import StoreUnavailable

    corrections = []
    if library is not None:
        # Without them it is archived as analysed: they come with the next archiving.
        with contextlib.suppress(StoreUnavailable):
            corrections = library.corrections(analysis.article)
    return archive.add(analysis, corrections)
