"""The reading screen's view of the article: the focus filter (`f`) and the scroll-spy (a
mixin typed by the `InViewHost` Protocol). The panes `1` `2` `3` are in `sidebar.py`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rich.text import Text
from textual.widget import Widget

from reader.model import Analysis, Article, Entity
from reader.tui.screens.selection import focus_spans
from reader.tui.text.focus_filter import blocks_touching
from reader.tui.text.scroll_spy import InView
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntitiesPane
from reader.tui.widgets.quotes_pane import QuotesPane


class InViewHost(Protocol):
    """What the view actions need of the screen they are mixed into."""

    article: Article
    analysis: Analysis | None
    _spy: InView | None
    _view_span: tuple[int, int]
    _spy_pending: bool

    @property
    def selected(self) -> Entity | None: ...

    @property
    def article_view(self) -> ArticleView: ...

    @property
    def entities_pane(self) -> EntitiesPane: ...

    @property
    def quotes_pane(self) -> QuotesPane: ...

    def notify(self, message: str, *, markup: bool = True) -> None: ...

    def refresh_bindings(self) -> None: ...

    def set_focus(self, widget: Widget | None) -> None: ...

    def query_one(self, selector: str) -> Widget: ...

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object: ...

    def action_unfilter(self) -> None: ...

    def _mark_in_view(self) -> None: ...


class InViewActions:
    """The focus filter, the panes and the scroll-spy; the host screen (an `InViewHost`)
    supplies the article, the analysis, the view and the panes."""

    # -- focus filter -------------------------------------------------------------------

    def action_focus_filter(self: InViewHost, refocus: bool = False) -> None:
        """Show only the paragraphs that mention the selected entity (none selected: that
        hold quotes); pressed again, the whole article, at the same place."""
        view = self.article_view
        if view.filtered and not refocus:
            self.action_unfilter()
            return
        if self.analysis is None:
            self.notify(
                "Analysing… the focus filter needs the quotes and entities; "
                "press f again when they are listed.",
                markup=False,
            )
            return
        what, spans = focus_spans(self.analysis, self.selected)
        blocks = blocks_touching(self.article, spans)
        if not blocks:
            self.notify(f"No paragraph to focus on: none with {what}.", markup=False)
            return
        view.show_blocks(blocks)
        title = Text(f"Focus: {what} · {len(blocks)} of {len(self.article.blocks)} paragraphs")
        view.border_title = title
        self.refresh_bindings()

    def action_unfilter(self: InViewHost) -> None:
        """The whole article again, with the same text at the top."""
        self.article_view.show_blocks(None)
        self.article_view.border_title = None
        self.refresh_bindings()

    def _follow_reading_width(self: InViewHost, width: int) -> None:
        self.article_view.reading_width = width

    # -- scroll-spy ---------------------------------------------------------------------

    def on_article_view_view_moved(self: InViewHost, message: ArticleView.ViewMoved) -> None:
        """Mark what is in view in the panes, at most every 50 ms while the article scrolls."""
        self._view_span = (message.start, message.end)
        if not self._spy_pending:
            self._spy_pending = True
            self.set_timer(0.05, self._mark_in_view)

    def _mark_in_view(self: InViewHost) -> None:
        self._spy_pending = False
        if self._spy is None:
            return
        # With the focus filter on, only the paragraphs shown: not those left out between.
        pieces = self.article_view.visible_spans() if self.article_view.filtered else []
        pieces = pieces or [self._view_span]
        spy = self._spy
        self.quotes_pane.in_view = frozenset().union(*(spy.quotes(*piece) for piece in pieces))
        self.entities_pane.in_view = frozenset().union(
            *(spy.entities(*piece) for piece in pieces)
        )
