"""The reader's corrections to one article's analysis, in order, kept in the library database
under the article's text when there is one (without it, they last the session)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from reader.keep.corrections import Correction, apply_corrections
from reader.store.db import StoreUnavailable

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.library import Library


class CorrectionLog:
    """One article's corrections: read from the library the first time, then kept in step."""

    def __init__(self, article: Article, library: Library | None) -> None:
        self.article = article
        self.library = library
        self.raw: Analysis | None = None
        """The analysis as the analyser made it, before the corrections."""
        self._corrections: list[Correction] | None = None

    @property
    def loaded(self) -> bool:
        """Whether the stored corrections were read (the first `corrected` reads them)."""
        return self._corrections is not None

    def _read(self) -> list[Correction]:
        if self._corrections is None:
            self._corrections = []
            if self.library is not None:
                with contextlib.suppress(StoreUnavailable):
                    self._corrections = self.library.corrections(self.article)
        return self._corrections

    def corrected(self, analysis: Analysis) -> Analysis:
        """`analysis` (kept as `raw`) with every correction applied."""
        self.raw = analysis
        return apply_corrections(analysis, self._read())

    def add(self, correction: Correction) -> bool:
        """Keep `correction`; False when it lasts this session only (the database is busy)."""
        self._read().append(correction)
        if self.library is not None:
            try:
                self.library.add_correction(self.article, correction)
            except StoreUnavailable:
                return False
        return True

    def undo(self) -> bool:
        """Forget the latest correction; False when there is none (or none is read yet)."""
        if not self._corrections:
            return False
        self._corrections.pop()
        if self.library is not None:
            with contextlib.suppress(StoreUnavailable):
                self.library.undo_correction(self.article)
        return True
