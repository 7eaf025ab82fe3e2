"""The date search in a page's text, for a page whose metadata gives no date: bounded.

htmldate (trafilatura's date finder) looks in two passes. Its fast pass reads the page's
markup patterns (attributes, `<time>`, a date in the title, timestamps). Its extensive pass
also reads the free text, and hands what its own patterns cannot read to dateparser, which
tries every locale it knows and reads its locale data on first use: on one real page that
was 2.3 of 3.4 s. So the fast pass runs first, the extensive one only when the fast pass
found nothing, and then without dateparser: its own patterns ("30. Juli 2018", "March 3,
2019") still read written dates, and the search costs a few milliseconds at most.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from reader.load.values import iso_date

_PATCH_LOCK = threading.Lock()


def search_date(tree: Any, url: str | None) -> str | None:
    """The page's publication day (YYYY-MM-DD) found by htmldate in its text, or None."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    found = find_date(tree, **set_date_params(False), url=url)
    if found is None:
        with _without_dateparser():
            found = find_date(tree, **set_date_params(True), url=url)
    return iso_date(found)


@contextlib.contextmanager
def _without_dateparser() -> Iterator[None]:
    """htmldate's extensive pass with its dateparser step answering "no date".

    htmldate has no switch for this: its one function that calls dateparser
    (`extractors._external_date`) is swapped for the time of the search, under a lock, and
    put back; htmldate's cache of parsed strings is emptied after, so that no answer given
    without dateparser outlives the search. Should a later htmldate rename the function,
    nothing is swapped and the search is only slower.
    """
    from htmldate import extractors

    original = getattr(extractors, "_external_date", None)
    if original is None:
        yield
        return
    with _PATCH_LOCK:
        extractors._external_date = _no_date
        try:
            yield
        finally:
            extractors._external_date = original
            cache_clear = getattr(extractors.try_date_expr, "cache_clear", None)
            if cache_clear is not None:
                cache_clear()


def _no_date(string: str) -> None:
    return None
