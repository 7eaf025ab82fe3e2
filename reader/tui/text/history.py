"""Back and forward between the articles opened by following links (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Analysis, Article
from reader.record import Record

#: The most places kept each way.
MAX_PLACES = 50


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Place(Record):
    """An article, its analysis if it had one, and the offset at the top of the view."""

    article: Article
    analysis: Analysis | None
    offset: int | None


class History:
    """Places behind (`back`) and ahead (`forward`) of the article on screen."""

    def __init__(self) -> None:
        self.back: list[Place] = []
        self.forward: list[Place] = []

    def went_to(self, here: Place) -> None:
        """A link was followed from `here`: it goes behind, and nothing is ahead any more."""
        self.back.append(here)
        del self.back[:-MAX_PLACES]
        self.forward.clear()

    def step(self, here: Place, step: int) -> Place | None:
        """The place one step back (`step` -1) or forward (1) from `here`, which goes the
        other way; None (and nothing changes) when there is none."""
        source, target = (self.back, self.forward) if step < 0 else (self.forward, self.back)
        if not source:
            return None
        target.append(here)
        del target[:-MAX_PLACES]
        return source.pop()
