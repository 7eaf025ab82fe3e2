"""The article view's drawn spans: the page's bold and italic words, quotes, mentions,
matches, links and their hints, the reader's highlights and the passage being selected (a
mixin typed by the `SpanHost` Protocol)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from textual.cache import LRUCache
from textual.strip import Strip

from reader.model import Article, Link, Mark
from reader.tui.text.line_index import LineIndex
from reader.tui.text.links import terminal_href
from reader.tui.text.quote_marks import with_quote_marks
from reader.tui.text.spans import SpanIndex
from reader.tui.widgets.article_lines import Span, SpanLayers


class SpanHost(Protocol):
    """What the span drawing needs of the view it is mixed into."""

    article: Article
    _shown_article: Article
    line_index: LineIndex | None
    links: tuple[Link, ...]
    _spans: SpanLayers
    _strips: LRUCache[int, Strip]

    @property
    def filtered(self) -> bool: ...

    def visible_span(self) -> Span | None: ...

    def refresh(self) -> object: ...

    def _restyle(self) -> None: ...

    def _restyle_spans(self, before: Span | None, now: Span | None) -> None: ...


class ArticleSpans:
    """Which spans the view draws, set from above; the host (a `SpanHost`) supplies the text,
    the line index and the strip cache."""

    # -- attributes set from above ------------------------------------------------------

    def set_quote_spans(self: SpanHost, spans: Iterable[tuple[int, int]]) -> None:
        """Tint these spans (each quote's words) as quotations."""
        text = self.article.text
        self._spans.quotes = SpanIndex(with_quote_marks(text, start, end) for start, end in spans)
        self._restyle()

    def set_mention_spans(self: SpanHost, spans: Iterable[tuple[int, int]]) -> None:
        """Mark these spans (the selected entity's mentions); an empty list clears them."""
        self._spans.mentions = SpanIndex(spans)
        self._restyle()

    def set_search_spans(self: SpanHost, spans: Iterable[tuple[int, int]]) -> None:
        """Mark these spans (the search matches); an empty list clears them."""
        self._spans.matches = SpanIndex(spans)
        self._restyle()

    def set_article_spans(self: SpanHost, article: Article) -> None:
        """Draw `article`'s own spans: its links and its bold and italic words."""
        ArticleSpans.set_links(self, article.links)
        ArticleSpans.set_marks(self, article.marks)

    def set_marks(self: SpanHost, marks: Iterable[Mark]) -> None:
        """Draw these marks: `strong` bold, `em` italic."""
        marks = tuple(marks)
        self._spans.strong = SpanIndex((m.start, m.end) for m in marks if m.kind == "strong")
        self._spans.em = SpanIndex((m.start, m.end) for m in marks if m.kind == "em")
        self._restyle()

    def set_highlight_spans(self: SpanHost, spans: Iterable[tuple[int, int]]) -> None:
        """Mark these spans (the reader's highlights); an empty list clears them."""
        self._spans.highlights = SpanIndex(spans)
        self._restyle()

    def set_current_highlight(self: SpanHost, span: Span | None) -> None:
        """Make `span` the highlight that stands out (None: none); only its lines redrawn."""
        before, self._spans.current_highlight = self._spans.current_highlight, span
        self._restyle_spans(before, span)

    def set_selection(self: SpanHost, span: Span | None) -> None:
        """Draw `span` as the passage being selected (None: no selection)."""
        before, self._spans.selection = self._spans.selection, span
        self._restyle_spans(before, span)

    @property
    def selection(self: SpanHost) -> Span | None:
        return self._spans.selection

    @property
    def current_highlight_span(self: SpanHost) -> Span | None:
        return self._spans.current_highlight

    def set_links(self: SpanHost, links: Iterable[Link]) -> None:
        """Draw these links (underlined, each a terminal hyperlink); a link whose href is not
        safe for the terminal (`terminal_href`) is left out."""
        kept = [(link, terminal_href(link.href)) for link in links]
        self.links = tuple(link for link, href in kept if href is not None)
        self._spans.links = SpanIndex((link.start, link.end) for link in self.links)
        self._spans.hrefs = {
            (link.start, link.end): href for link, href in kept if href is not None
        }
        self._restyle()

    def links_in_view(self: SpanHost) -> list[Link]:
        """The links on screen, in reading order (in the blocks shown)."""
        span = self.visible_span()
        if span is None or not self.links:
            return []
        shown = {(link.start, link.end) for link in self.links}
        spans = [s for s in self._spans.links.overlapping(*span) if s in shown]
        by_span = {(link.start, link.end): link for link in self.links}
        blocks = self._shown_article.blocks
        if self.filtered:
            spans = [s for s in spans if any(b.start <= s[0] < b.end for b in blocks)]
        return [by_span[s] for s in spans]

    def show_hints(self: SpanHost, hints: dict[int, str]) -> None:
        """Draw these labels (by link start) over the links; empty: no hints."""
        self._spans.hints = dict(hints)
        self._restyle()

    @property
    def hinting(self: SpanHost) -> bool:
        return bool(self._spans.hints)

    def _restyle_spans(self: SpanHost, before: Span | None, now: Span | None) -> None:
        """Draw again only the lines of the current quote, mention or match that was and the
        one that is (`before`, `now`): the other lines' cached strips stay good."""
        index = self.line_index
        if index is None:
            self._restyle()
            return
        for span in (before, now):
            if span is not None and span[1] > span[0]:
                first, last = index.lines_of(*span)
                for number in range(first, last + 1):
                    self._strips.discard(number)
        self.refresh()

    watch_current_span = watch_current_mention = watch_current_match = _restyle_spans

    def _restyle(self: SpanHost) -> None:
        self._strips.clear()
        self.refresh()
