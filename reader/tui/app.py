"""The Textual app: `ReaderApp(article, analysis=...)`, and `python -m reader.tui.app SOURCE`.

Importing this module is cheap: the NLP (spaCy) is imported by the analysis worker, and the
loaders only by `main()`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from textual.app import App
from textual.reactive import var
from textual.screen import Screen

from reader.model import Analysis, Article
from reader.tui.measure import DEFAULT_WIDTH, WIDTH_STEP, clamp_width
from reader.tui.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from reader.store.cache import AnalysisCache


class ReaderApp(App[None]):
    """Read one article; if no `analysis` is given, analyse it in a worker after first paint."""

    CSS_PATH = "reader.tcss"
    TITLE = "article-reader"

    reading_width: var[int] = var(DEFAULT_WIDTH)
    """The text column's width in cells (`+` / `-`), clamped to 40–160; settings may persist it."""

    def validate_reading_width(self, width: int) -> int:
        return clamp_width(width)

    def action_change_reading_width(self, steps: int) -> None:
        """Widen (`steps` > 0) or narrow the text column by `WIDTH_STEP` cells a step."""
        self.reading_width += steps * WIDTH_STEP

    def __init__(
        self,
        article: Article,
        *,
        analysis: Analysis | None = None,
        cache: AnalysisCache | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.cache = cache
        """Where a finished analysis is stored, and looked up first (None: no cache)."""
        if analysis is None and cache is not None:
            analysis = cache.get(article)
        self.analysis = analysis
        self.title = article.title or article.source

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.article, analysis=self.analysis)


def main(argv: list[str] | None = None) -> int:
    """Open SOURCE in the reader; a source that cannot be read prints one sentence, exit 1."""
    from reader.errors import LoadError
    from reader.load import load

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.tui.app SOURCE", file=sys.stderr)
        return 2
    try:
        article = load(args[0], stdin=sys.stdin.buffer if args[0] == "-" else None)
    except LoadError as error:
        print(error, file=sys.stderr)
        return 1
    ReaderApp(article).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
