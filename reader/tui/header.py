"""The header line above the article: title · site · date · byline · reading time · progress."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.model import Article


class ArticleHeader(Widget):
    """One line naming the article: the title first; reading time and progress always show."""

    DEFAULT_CSS = """
    ArticleHeader {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .article-header--title { text-style: bold; color: $text; }
    }
    """

    COMPONENT_CLASSES = {"article-header--title"}

    progress: reactive[int] = reactive(0)
    """Percent of the article read (the bottom of the view), from the article view."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article

    def render(self) -> RenderableType:
        article = self.article
        about = Text(no_wrap=True, overflow="ellipsis", end="")
        about.append(
            article.title or article.source,
            self.get_component_rich_style("article-header--title", partial=True),
        )
        for detail in (article.site, article.published, article.byline):
            if detail:
                about.append(" · ")
                about.append(detail)
        where = Text(f"{article.reading_minutes} min read · {self.progress}%", end="")
        grid = Table.grid(expand=True, padding=(0, 0, 0, 2))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(about, where)
        return grid
