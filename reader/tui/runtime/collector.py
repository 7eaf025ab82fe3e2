"""Long-lived objects kept out of the garbage collector's full passes.

A long article and its analysis are hundreds of thousands of objects (lines, quotes,
mentions, span indexes) that live as long as the article is open. Every full collection
walked them all again: 60-110 ms each, falling on keys at random. Frozen (`gc.freeze`),
they are left out of collections; they are still freed by reference counting, and
`release_long_lived` hands them back to the collector when the article is closed, so that
its cycles are collected then.

At start the collector is paused until the first frame is out (`pause_until_first_frame`,
`first_frame_out`): what the first frame makes lives on, so collecting then frees nothing.
"""

from __future__ import annotations

import gc


def keep_long_lived() -> None:
    """Leave every object alive now out of later collections."""
    gc.freeze()


def release_long_lived() -> None:
    """Let the collector see the frozen objects again (an article was closed)."""
    gc.unfreeze()


_paused_for_first_frame = False


def pause_until_first_frame() -> None:
    """No collection until `first_frame_out` (nothing, if the collector is off already)."""
    global _paused_for_first_frame
    if gc.isenabled():
        gc.disable()
        _paused_for_first_frame = True


def first_frame_out() -> None:
    """The first frame is on screen: what was made for it is frozen, and the collector runs
    again if `pause_until_first_frame` stopped it."""
    global _paused_for_first_frame
    if _paused_for_first_frame:
        _paused_for_first_frame = False
        gc.freeze()
        gc.enable()
