"""Highlights on the reading screen: `v` selects a passage (`j`/`k` a sentence more or less,
`w`/`b` a word, or a mouse drag), `a` keeps it with a note and `#tags`, `'` steps through the
article's highlights. A mixin typed by the `HighlightHost` Protocol.

The highlights are kept in the library (`store.highlights`) by offsets and the text's hash;
those whose text changed since are not drawn, and one line says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from rich.text import Text

from reader.model import Article
from reader.store.db import StoreUnavailable
from reader.tui.context import ReaderContext
from reader.tui.text.selecting import Passages, Span, word_span

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from reader.keep.highlights import Highlight
    from reader.tui.widgets.article_messages import Dragged
    from reader.tui.widgets.article_view import ArticleView

#: The actions that work only while a passage is selected.
SELECTING_ACTIONS = ("grow_selection", "keep_highlight", "cancel_selection")
SELECTING_TITLE = "Selecting · j/k: a sentence more/less · w/b: a word · a: keep · esc: cancel"


class HighlightHost(Protocol):
    """What the highlight actions need of the screen they are mixed into."""

    article: Article
    context: ReaderContext
    highlights: list[Highlight]
    _highlight_at: int | None
    _passages: Passages | None
    _left: bool

    @property
    def app(self) -> App[Any]: ...

    @property
    def article_view(self) -> ArticleView: ...

    @property
    def selecting(self) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def refresh_bindings(self) -> None: ...

    def _select(self, span: Span | None) -> None: ...

    def _draw_highlights(self) -> None: ...

    def _passages_of(self) -> Passages: ...

    def load_highlights(self, *, quiet: bool = False) -> None: ...

    def _keep(self, span: Span, answer: str | None) -> None: ...

    def go_to_highlight(self, span: Span) -> None: ...


class Highlighting:
    """Selecting, keeping and stepping through highlights (mixed into a `HighlightHost`)."""

    highlights: list[Highlight]
    _highlight_at: int | None
    _passages: Passages | None
    _left: bool

    def _init_highlighting(self) -> None:
        self.highlights = []
        self._highlight_at = None
        self._passages = None
        self._left = False  # the screen was left for another (read the highlights again)

    @property
    def selecting(self: HighlightHost) -> bool:
        return self.article_view.selection is not None

    def load_highlights(self: HighlightHost, *, quiet: bool = False) -> None:
        """Draw the article's highlights kept in the library; say if some no longer fit
        (unless `quiet`: read again, after the highlights list may have changed them)."""
        library = self.context.library
        if library is None:
            return
        # Here, not at the top: the highlights are read after the first frame.
        from reader.keep.highlights import changed_notice, fitting
        from reader.store.highlights import HighlightStore

        try:
            kept = HighlightStore(library).for_article(self.article)
        except StoreUnavailable as error:
            self.notify(f"The highlights cannot be read ({error}).", severity="warning",
                        markup=False)  # fmt: skip
            return
        current = self.article_view.current_highlight_span
        self.highlights, changed = fitting(kept, self.article)
        self._draw_highlights()
        spans = [h.span for h in self.highlights]
        if current is not None and current not in spans:  # deleted in the list meanwhile
            self.article_view.set_current_highlight(None)
            self._highlight_at = None
            if not self.selecting:
                self.article_view.border_subtitle = None
        notice = changed_notice(changed)
        if notice and not quiet:
            self.notify(notice, title="Highlights", severity="warning", markup=False)

    def on_screen_suspend(self: HighlightHost) -> None:
        self._left = True

    def on_screen_resume(self: HighlightHost) -> None:
        """Back from another screen (the highlights list may have changed some)."""
        if self._left and self.context.library is not None:
            self._left = False
            self.load_highlights(quiet=True)

    def _draw_highlights(self: HighlightHost) -> None:
        self.article_view.set_highlight_spans(h.span for h in self.highlights)

    def _passages_of(self: HighlightHost) -> Passages:
        """Sentence and word steps over the blocks shown (the focus filter may hide some)."""
        shown = self.article_view.shown_article
        if self._passages is None or self._passages.article is not shown:
            self._passages = Passages(shown, one_block=self.article_view.filtered)
        return self._passages

    def _select(self: HighlightHost, span: Span | None) -> None:
        view = self.article_view
        was = view.selection is not None
        view.set_selection(span)
        view.border_subtitle = Text(SELECTING_TITLE) if span is not None else None
        if span is not None:
            view.scroll_to_span(max(span[0], span[1] - 1), span[1])
        if was != (span is not None):
            self.refresh_bindings()  # the selection's keys come or go

    # -- selecting ----------------------------------------------------------------------

    def action_start_selection(self: HighlightHost) -> None:
        """Select the first sentence that starts on screen (`v`)."""
        top = self.article_view.top_offset() or 0
        sentence = self._passages_of().sentence_from(top)
        if sentence is None:
            self.app.bell()
            return
        self._select(sentence)

    def action_grow_selection(self: HighlightHost, step: int, by_word: bool = False) -> None:
        """A sentence (or word) more (`step` 1) or less (-1) in the selection."""
        span = self.article_view.selection
        grown = None if span is None else self._passages_of().grown(span, step, by_word=by_word)
        if grown is None:
            self.app.bell()
            return
        self._select(grown)

    def action_cancel_selection(self: HighlightHost) -> None:
        self._select(None)

    def on_article_view_dragged(self: HighlightHost, message: Dragged) -> None:
        """A mouse drag selects the words it went over."""
        span = word_span(self.article.text, message.start, message.end)
        if span is not None:
            self._select(span)

    # -- keeping ------------------------------------------------------------------------

    def action_keep_highlight(self: HighlightHost) -> None:
        """Keep the selection as a highlight, with the note (and `#tags`) asked for (`a`)."""
        span = self.article_view.selection
        if span is None:
            return
        if self.context.library is None:
            self.notify("Highlights cannot be kept: the library is not available.",
                        severity="warning", markup=False)  # fmt: skip
            return
        from reader.tui.dialogs.text_prompt import TextPrompt

        prompt = TextPrompt(
            "Keep highlight",
            "A note, if you like; #words become tags. Enter keeps it.",
            optional=True,
        )
        self.app.push_screen(prompt, lambda answer: self._keep(span, answer))

    def _keep(self: HighlightHost, span: Span, answer: str | None) -> None:
        """Keep `span` with the prompt's `answer`; None (`escape`) keeps nothing, and the
        selection stays."""
        library = self.context.library
        if library is None or answer is None:
            return
        from reader.keep.highlights import new_highlight, note_and_tags
        from reader.store.highlights import HighlightStore

        note, tags = note_and_tags(answer)
        try:
            kept = HighlightStore(library).add(new_highlight(self.article, *span, note, tags))
        except (StoreUnavailable, ValueError) as error:
            self.notify(f"The highlight was not kept ({error}).", severity="warning",
                        markup=False)  # fmt: skip
            return
        self.highlights = sorted([*self.highlights, kept], key=lambda h: h.span)
        self._highlight_at = self.highlights.index(kept)
        self._draw_highlights()
        self._select(None)
        self.article_view.set_current_highlight(kept.span)
        count = len(self.highlights)
        self.notify(f"Highlight kept ({count} in this article); H lists them all.", markup=False)

    # -- stepping -----------------------------------------------------------------------

    def action_step_highlight(self: HighlightHost, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) highlight of this article (`'`)."""
        spans = [h.span for h in self.highlights]
        if not spans:
            self.app.bell()
            self.notify("No highlights in this article: v selects a passage, a keeps it.",
                        markup=False)  # fmt: skip
            return
        view, current = self.article_view, self._highlight_at
        shown = view.visible_span() or (0, len(self.article.text))
        if current is not None and (
            view.current_highlight_span != spans[current]
            or not (spans[current][0] < shown[1] and spans[current][1] > shown[0])
        ):
            current = None  # scrolled away from it: step from where the reader is
        from reader.keep.highlights import step_index

        index = step_index(spans, current, view.top_offset() or 0, step)
        if not 0 <= index < len(spans):
            self.app.bell()
            which = "after" if step > 0 else "before"
            where = "this point" if current is None else "this one"
            here = "" if current is None else f"{current + 1} of "
            self.notify(f"No highlight {which} {where} ({here}{len(spans)} in this article).",
                        markup=False)  # fmt: skip
            return
        self.go_to_highlight(spans[index])

    def go_to_highlight(self: HighlightHost, span: Span) -> None:
        """Make the highlight at `span` current: drawn brighter, scrolled to, counted."""
        spans = [h.span for h in self.highlights]
        if span not in spans:  # asked before the article's highlights were read
            self.load_highlights(quiet=True)
            spans = [h.span for h in self.highlights]
        if span not in spans:
            return
        self._highlight_at = spans.index(span)
        view = self.article_view
        view.set_current_highlight(span)
        view.scroll_to_span(*span)
        if not self.selecting:
            view.border_subtitle = Text(f"Highlight {self._highlight_at + 1} of {len(spans)}")
