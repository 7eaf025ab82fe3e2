"""The header above the article: the title on one line; site · date · byline and progress below."""

from __future__ import annotations

from math import ceil

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.model import Article
from reader.sanitize import clean_text


def minutes_left(article: Article, percent: int) -> int:
    """Minutes of reading left at `percent` through: the reading time at 0%, 0 only at 100%."""
    return ceil(article.reading_minutes * (100 - percent) / 100)


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

    def render(self) -> RenderableType:
        article = self.article
        title = Text(
            article.title or clean_text(article.source),  # a file name is a stranger's too
            self.get_component_rich_style("article-header--title", partial=True),
            no_wrap=True,
            overflow="ellipsis",
        )
        details = Text(
            " · ".join(d for d in (article.site, article.published, article.byline) if d)
        )
        where = Text(
            f"{article.reading_minutes} min read · "
            f"{minutes_left(article, self.progress)} min left · {self.progress}%",
            end="",
        )
        grid = Table.grid(expand=True, padding=(0, 0, 0, 2))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(details, where)
        return Group(title, grid)
