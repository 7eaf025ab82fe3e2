"""What a loader says when one of its caps bites: one sentence each, kept on the Article.

A loader deep in the call stack (the page parser, the content extractor) calls `note`; the
dispatcher (`reader.load.extract_bytes`) collects the sentences with `collecting` and puts
them in `Article.limits`, which `reader extract` writes in its JSON (`limits`) and the
reader shows in one line. Outside `collecting`, `note` does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_NOTES: ContextVar[list[str] | None] = ContextVar("load_notes", default=None)


def note(sentence: str) -> None:
    """Say that a cap bit (once per sentence)."""
    notes = _NOTES.get()
    if notes is not None and sentence not in notes:
        notes.append(sentence)


@contextmanager
def collecting() -> Iterator[list[str]]:
    """Collect the sentences noted inside the block."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
