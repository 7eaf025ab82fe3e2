"""The article pane: the body wrapped to a reading measure, rendered one visible line at a time.

Like toolong's `LogLines`, this is a `ScrollView` on the line API: a `LineIndex` says which slice
of `Article.text` is on each screen line (rebuilt when the width changes), `render_line` builds
only the lines on screen, and an LRU cache keeps the strips. Styling (quotes, the current quote,
mentions of the selected entity) comes from span lookups over character offsets; the article text
is always data (`rich.text.Text`), never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar, TypeAlias

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article, Block, Link
from reader.tui.runtime.collector import keep_long_lived
from reader.tui.text.focus_filter import pieces_shown
from reader.tui.text.line_index import LineIndex, wrap_article
from reader.tui.widgets import article_messages
from reader.tui.widgets.article_drag import ArticleDrag
from reader.tui.widgets.article_lines import (
    ARTICLE_COMPONENTS,
    ARTICLE_CSS,
    Span,
    SpanLayers,
    line_strip,
)
from reader.tui.widgets.article_spans import ArticleSpans

#: The widest the text column gets, in cells: a comfortable reading measure.
READING_WIDTH = 80
#: Cells kept free at each side of the text column when the pane is narrow.
SIDE_MARGIN = 2
#: Articles longer than this (characters) are wrapped lazily: the first screen at once, the
#: rest in short steps between keys, so that the text is on screen before it is all wrapped.
LAZY_WRAP_CHARS = 100_000
#: How long one step of wrapping in the background may hold the UI, in seconds.
WRAP_STEP_SECONDS = 0.008


class ArticleView(ArticleSpans, ArticleDrag, ScrollView, can_focus=True, inherit_bindings=False):
    """The scrolling body of the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Line down", id="article.line-down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Line up", id="article.line-up", show=False),
        Binding("space,pagedown,ctrl+f", "scroll_pages(1)", "Page down", id="article.page-down"),
        Binding("b,pageup,ctrl+b", "scroll_pages(-1)", "Page up", id="article.page-up", show=False),
        Binding(
            "ctrl+d", "scroll_half_pages(1)", "Half a page down", id="article.half-down", show=False
        ),
        Binding(
            "ctrl+u", "scroll_half_pages(-1)", "Half a page up", id="article.half-up", show=False
        ),
        Binding("g,home", "scroll_top", "Top", id="article.top", show=False),
        Binding("G,end", "scroll_bottom", "Bottom", id="article.bottom", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down | Scroll down one line. |
    | k, up | Scroll up one line. |
    | space, pagedown, ctrl+f | Scroll down one page. |
    | b, pageup, ctrl+b | Scroll up one page. |
    | ctrl+d, ctrl+u | Scroll down, up half a page (as in less and vim). |
    | g, home | Go to the top. |
    | G, end | Go to the bottom. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = ARTICLE_COMPONENTS
    DEFAULT_CSS = ARTICLE_CSS

    Clicked: TypeAlias = article_messages.Clicked
    ViewMoved: TypeAlias = article_messages.ViewMoved
    ProgressChanged: TypeAlias = article_messages.ProgressChanged
    Dragged: TypeAlias = article_messages.Dragged

    current_span: var[Span | None] = var(None)
    """The current quote's span, which stands out."""

    current_mention: var[Span | None] = var(None)
    """The mention that `]` / `[` last went to."""

    current_match: var[Span | None] = var(None)
    """The search match that `n` / `N` last went to."""

    reading_width: var[int] = var(READING_WIDTH, init=False)
    """The widest the text column gets (the reading measure); the screen follows the app's."""

    def __init__(self, article: Article, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.article = article
        self._shown_article = article
        self.line_index: LineIndex | None = None
        self._spans = SpanLayers()
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._rich_style: Style | None = None
        self._pending_span: Span | None = None
        self._wrapped_width = 0
        #: The offset the last rewrap kept at the top, and the line it put there.
        self._anchor: Span | None = None
        #: The view's size when the first paint laid it out (until the first resize event).
        self._laid_out_at: Size | None = None
        self.links: tuple[Link, ...] = ()
        self.set_article_spans(article)

    # -- layout -------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells in the text column at the current pane width."""
        return min(self.reading_width, self.widest_text)

    @property
    def widest_text(self) -> int:
        """The widest text column the pane has room for."""
        return max(1, self.scrollable_content_region.width - 2 * SIDE_MARGIN)

    @property
    def left_margin(self) -> int:
        """Cells before the text column, which is centred in the pane."""
        width = self.scrollable_content_region.width
        return max(0, (width - self.text_width) // 2)

    def on_resize(self) -> None:
        if self._laid_out_at == self.size:
            # The resize event of the size the first paint laid out: the text is wrapped for
            # it already (the scrollbar that the line count brought does not narrow it).
            self._laid_out_at = None
            return
        self._laid_out_at = None
        self._relayout()

    def show_blocks(self, blocks: Sequence[Block] | None) -> None:
        """Show only `blocks` of the article (None: all of it), keeping the place.

        The text and every offset stay the same: only the line index leaves blocks out.
        """
        article = self.article
        self._shown_article = article if blocks is None else replace(article, blocks=tuple(blocks))
        self._wrapped_width = 0
        if self.line_index is not None:
            self._relayout()

    @property
    def shown_article(self) -> Article:
        """The article as shown: all its blocks, or those the focus filter keeps."""
        return self._shown_article

    @property
    def filtered(self) -> bool:
        """Whether some blocks are left out (the focus filter is on)."""
        return self._shown_article is not self.article

    def visible_spans(self) -> list[Span]:
        """The text on screen, a span per stretch shown (the filter leaves blocks out)."""
        span = self.visible_span()
        if span is None:
            return []
        return pieces_shown(self._shown_article.blocks, *span) if self.filtered else [span]

    def watch_reading_width(self) -> None:
        if self.line_index is not None:
            self._relayout()

    def _relayout(self) -> None:
        """Wrap the article again if the text column's width changed, keeping the place."""
        width = self.text_width
        index = self.line_index
        self._strips.clear()
        if index is not None and self._wrapped_width == width:
            self._size_to_index()
            return
        self._wrapped_width = width
        top_offset = self.top_offset()
        if self._anchor is not None and self._anchor[1] == int(self.scroll_y):
            # Not scrolled since the last rewrap: keep its place, so rewraps do not drift.
            top_offset = self._anchor[0]
        article = self._shown_article
        if len(article.text) > LAZY_WRAP_CHARS and self._pending_span is None:
            # The lines down to the place kept, and a screen below it; the rest in steps.
            self.line_index = LineIndex.lazy(article, width)
            first = 0 if top_offset is None else self.line_index.line_at(top_offset)
            self.line_index.has_line(first + 2 * self.scrollable_content_region.height)
            self._size_to_index()
            self.set_timer(0.001, self._wrap_in_steps)
        else:
            self.line_index = wrap_article(article, width)
            self._size_to_index()
        if self._pending_span is not None:
            start, end = self._pending_span
            self._pending_span = None
            self.scroll_to_span(start, end)
        elif top_offset is not None:
            line = self.line_index.line_at(top_offset)
            self.scroll_to(y=line, animate=False, immediate=True, force=True)
            self._anchor = (top_offset, int(self.scroll_y))
        self.refresh()
        self._post_progress()

    def _size_to_index(self) -> None:
        """The scrollable height: the line count, estimated while the index is still lazy."""
        index = self.line_index
        assert index is not None
        height = index.scroll_height(self.scrollable_content_region.height)
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _wrap_in_steps(self) -> None:
        """Wrap more of a lazy index, a few milliseconds at a time, until it is complete."""
        index = self.line_index
        if index is None or not self.is_attached:
            return
        if index.wrap_for(WRAP_STEP_SECONDS):
            self._size_to_index()
            self.refresh()
            self._post_progress()
            keep_long_lived()  # the lines live as long as the article is open
        else:
            self.set_timer(0.001, self._wrap_in_steps)

    def finish_wrapping(self) -> None:
        """Wrap the rest of a lazy index now (a jump needs the true line count)."""
        index = self.line_index
        if index is not None and (not index.complete or self.virtual_size.height != len(index)):
            index.finish()
            self._size_to_index()

    # -- scrolling ----------------------------------------------------------------------

    @property
    def progress(self) -> int:
        """Percent scrolled: 0 at the top, 100 at the bottom (and when the article fits)."""
        if self.max_scroll_y <= 0:
            return 100
        return max(0, min(100, round(100 * self.scroll_y / self.max_scroll_y)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._post_progress()

    def _post_progress(self) -> None:
        self.post_message(self.ProgressChanged(self.progress))
        span = self.visible_span()
        if span is not None:
            self.post_message(self.ViewMoved(*span))

    def visible_span(self) -> Span | None:
        """The offsets of the text on screen, `[start, end)`; None before the first layout."""
        index = self.line_index
        lines = self.visible_lines()
        if index is None or not index.has_line(lines.start):
            return None
        index.has_line(lines.stop - 1)
        last = min(lines.stop, index.wrapped) - 1
        return index[lines.start].start, index[last].end

    def visible_lines(self) -> range:
        """Line numbers now on screen."""
        top = int(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    def offset_at(self, x: int, y: int) -> int | None:
        """The offset of the character at cell `(x, y)` of the view, None off the text."""
        index = self.line_index
        number = int(self.scroll_y) + y
        if index is None or not index.has_line(number):
            return None
        line = index[number]
        return line.offset_at(self.article.text, x - self.left_margin - line.indent)

    def top_offset(self) -> int | None:
        """The offset of the text at the top of the view (None before the first layout).

        Only the lines down to the top of the view are wrapped for it, never the rest.
        """
        index = self.line_index
        if index is None or index.is_empty:
            return None
        top = int(self.scroll_y)
        if not index.has_line(top):  # scrolled past the end (the text got shorter)
            top = index.wrapped - 1
        return index[top].start

    def on_click(self, event: events.Click) -> None:
        if self.take_drag():  # the end of a drag, which selected a passage
            return
        where = event.get_content_offset(self)
        offset = None if where is None else self.offset_at(where.x, where.y)
        if offset is not None:
            self.post_message(self.Clicked(offset))

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll so the whole span `[start, end)` is in view (its start, if it is too tall).

        A span already in view does not move the text; otherwise it lands a third of the way
        down, with some of what comes before it above.
        """
        index = self.line_index
        if index is None or index.is_empty:
            self._pending_span = (start, end)
            return
        self.finish_wrapping()
        first, last = index.lines_of(start, end)
        height = self.scrollable_content_region.height
        view = self.visible_lines()
        if first in view and last in view:
            return
        span_height = last - first + 1
        target = first if span_height >= height else first - (height - span_height) // 3
        self.scroll_to(y=max(0, target), animate=False, immediate=True, force=True)

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True, force=True)

    def action_scroll_pages(self, pages: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + pages * page, animate=False, immediate=True, force=True)

    def action_scroll_half_pages(self, pages: int) -> None:
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + pages * half, animate=False, immediate=True, force=True)

    def action_scroll_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def action_scroll_bottom(self) -> None:
        self.finish_wrapping()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)

    # -- rendering ----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._rich_style = None

    def _base_style(self) -> Style:
        """`rich_style`, worked out once per style change (Textual walks the ancestors for
        it on every call, and a screen of lines asked for it a hundred times)."""
        if self._rich_style is None:
            self._rich_style = self.rich_style
        return self._rich_style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = int(self.scroll_y) + y
        index = self.line_index
        if index is None and width > 0:
            # Asked to paint before the first resize event: lay out now, so that the first
            # frame already holds the text rather than a blank pane.
            self._relayout()
            self._laid_out_at = self.size
            index = self.line_index
        if index is None or not index.has_line(number):
            return Strip.blank(width, self._base_style())
        strip = self._strips.get(number)
        if strip is None:
            strip = self._render_text_line(number)
            self._strips[number] = strip
        return strip.crop_extend(0, width, self._base_style()).apply_offsets(0, number)

    def _render_text_line(self, number: int) -> Strip:
        """Build the strip for line `number` of the index, styled by the spans it touches."""
        assert self.line_index is not None
        line = self.line_index[number]
        current = (self.current_span, self.current_mention, self.current_match)
        return line_strip(
            self.article.text,
            line,
            self.left_margin,
            self._base_style(),
            self.get_component_rich_style,
            self._spans.layers(line.start, line.end, current),
            self.app.console,
            self._spans.links_on(line.start, line.end) if self._spans.links else (),
            self._spans.hints_on(line.start, line.end),
        )
