"""The header above the article: the title on one line; site · date · byline · address (its URL
or file) and progress below."""

from __future__ import annotations

from math import ceil

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.model import Article
from reader.sanitize import clean_name

#: Articles longer than this (characters) count their words after the first paint.
COUNT_LATER_CHARS = 100_000


def minutes_left(article: Article, percent: int, minutes: int | None = None) -> int:
    """Minutes of reading left at `percent` through: the reading time at 0%, 0 only at 100%.

    `minutes` is the article's reading time when the caller has it already (counting the
    words of a long article takes a while).
    """
    total = article.reading_minutes if minutes is None else minutes
    return ceil(total * (100 - percent) / 100)


class ArticleHeader(Widget):
    """Two lines naming the article: the title, then its details; time and progress always show."""

    DEFAULT_CSS = """
    ArticleHeader {
        height: 2;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .article-header--title { text-style: bold; color: $text; }
    }
    """

    COMPONENT_CLASSES = {"article-header--title"}

    progress: reactive[int] = reactive(0)
    """Percent of the article scrolled past (0 at the top, 100 at the bottom), from the view."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self._minutes: int | None = None

    @property
    def reading_minutes(self) -> int:
        """The article's reading time, counted once (the header renders on every scroll)."""
        if self._minutes is None:
            self._minutes = self.article.reading_minutes
        return self._minutes

    @property
    def address(self) -> str:
        """Where the article came from: its URL without the scheme, or its file."""
        url = self.article.url
        if url:
            return clean_name(url.partition("://")[2] or url)
        return clean_name(self.article.source)

    def _count_words(self) -> None:
        self._minutes = self.article.reading_minutes
        self.refresh()

    def render(self) -> RenderableType:
        article = self.article
        title = Text(
            article.title or clean_name(article.source),  # a file name is a stranger's too
            self.get_component_rich_style("article-header--title", partial=True),
            no_wrap=True,
            overflow="ellipsis",
        )
        details = Text(
            " · ".join(d for d in (article.site, article.published, article.byline) if d)
        )
        if self._minutes is None and len(article.text) > COUNT_LATER_CHARS:
            # Counting the words of a long read takes a while: after the first paint.
            self.call_after_refresh(self._count_words)
            where = Text(f"… min read · {self.progress}%", end="")
        else:
            read = f"{self.reading_minutes} min read · "
            left = f"{minutes_left(article, self.progress, self.reading_minutes)} min left"
            left += f" · {self.progress}%"
            # Narrow: the site, date and byline keep the room "N min read" would take.
            fits = details.cell_len + 2 + len(read) + len(left) <= self.content_size.width
            where = Text(read + left if fits else left, end="")
        # The address comes last: what room is left after the reading time, cut at the end.
        details.append(f" · {self.address}" if details else self.address)
        grid = Table.grid(expand=True, padding=(0, 0, 0, 2))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(details, where)
        return Group(title, grid)
