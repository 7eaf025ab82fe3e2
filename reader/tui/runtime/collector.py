"""Long-lived objects kept out of the garbage collector's full passes.

A long article and its analysis are hundreds of thousands of objects (lines, quotes,
mentions, span indexes) that live as long as the article is open. Every full collection
walked them all again: 60-110 ms each, falling on keys at random. Frozen (`gc.freeze`),
they are left out of collections; they are still freed by reference counting, and
`release_long_lived` hands them back to the collector when the article is closed, so that
its cycles are collected then.
"""

from __future__ import annotations

import gc


def keep_long_lived() -> None:
    """Leave every object alive now out of later collections."""
    gc.freeze()


def release_long_lived() -> None:
    """Let the collector see the frozen objects again (an article was closed)."""
    gc.unfreeze()
