"""The reading screen: article, entities and quotes, and the keys that move between them.

The panes post messages up (`EntitySelected`, `QuoteChosen`, `ProgressChanged`); the screen
decides what they mean and sets attributes down (`current_span`, `selected_id`, ...).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input

from reader.errors import ReaderError
from reader.keep.export.citation import quote_citation
from reader.model import Analysis, Article, Entity, Quote
from reader.tui.analysis_messages import (
    AnalysisFailed,
    AnalysisPartial,
    AnalysisProgress,
    AnalysisReady,
)
from reader.tui.article_view import ArticleView, with_quote_marks
from reader.tui.collector import keep_long_lived, release_long_lived
from reader.tui.entities_pane import EntitiesPane
from reader.tui.focus_filter import blocks_touching
from reader.tui.header import ArticleHeader
from reader.tui.keeping_actions import KeepingActions
from reader.tui.quotes_pane import QuotesPane
from reader.tui.scroll_spy import InView
from reader.tui.search_bar import SearchBar
from reader.tui.spans import SpanIndex

#: Longest wait for the first paint before the analysis starts anyway, in seconds.
FIRST_PAINT_WAIT = 0.5

#: How long the keys must have paused before a long article's partial results are shown.
KEYS_QUIET_SECONDS = 0.3

#: The panes `1`, `2`, `3` focus, by name, with the widget that takes the focus.
PANES = {"article": "#article", "entities": "#entity-list", "quotes": "#quote-list"}


class KeyBarRow(Container):
    """The key bar's row, held empty in the first frame; the `Footer` goes in after it.

    The footer is a widget per key, so it is mounted once the article is on screen; holding its
    row from the start means the panes are laid out once, at their final height.
    """

    DEFAULT_CSS = """
    KeyBarRow {
        dock: bottom;
        height: 1;
        background: $footer-background;
    }
    """


class ReaderScreen(KeepingActions, Screen[None]):
    """Read one article with its entities and quotes beside it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding: the keys typed straight after `/` go into the search bar.
        Binding("slash", "search", "Search", id="reader.search", priority=True),
        Binding("n,enter", "step_match(1)", "Next match (searching)", id="reader.next-match"),
        Binding(
            "N,shift+enter",
            "step_match(-1)",
            "Previous match (searching)",
            id="reader.previous-match",
            show=False,
        ),
        Binding("escape", "end_search", "End search", id="reader.end-search"),
        Binding(
            "f",
            "focus_filter",
            "Focus: only paragraphs with the entity (or quotes)",
            id="reader.focus-filter",
            show=False,
        ),
        Binding("escape", "unfilter", "Whole article again", id="reader.unfilter", show=False),
        Binding("n", "step_quote(1)", "Next quote", id="reader.next-quote"),
        Binding("p", "step_quote(-1)", "Previous quote", id="reader.previous-quote", show=False),
        Binding(
            "right_square_bracket", "step_mention(1)", "Next mention", id="reader.next-mention"
        ),
        Binding(
            "left_square_bracket",
            "step_mention(-1)",
            "Previous mention",
            id="reader.previous-mention",
            show=False,
        ),
        Binding("y", "copy_quote", "Copy quote with citation", id="reader.copy-quote", show=False),
        Binding("escape", "clear_selection", "Clear selection", id="reader.clear-selection"),
        Binding("escape", "app.back", "Back to the list", id="reader.back", show=False),
        Binding("tab", "app.focus_next", "Next pane", id="reader.focus-next", show=False),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous pane",
            id="reader.focus-previous",
            show=False,
        ),
        Binding(
            "1", "focus_pane('article')", "Focus article", id="reader.focus-article", show=False
        ),
        Binding(
            "2", "focus_pane('entities')", "Focus entities", id="reader.focus-entities", show=False
        ),
        Binding("3", "focus_pane('quotes')", "Focus quotes", id="reader.focus-quotes", show=False),
        Binding("plus", "app.change_reading_width(1)", "Wider text", id="reader.wider", show=False),
        Binding(
            "minus",
            "app.change_reading_width(-1)",
            "Narrower text",
            id="reader.narrower",
            show=False,
        ),
        Binding("e", "export", "Export quotes and entities", id="reader.export", show=False),
        Binding("r", "rename_entity", "Rename entity", id="reader.rename-entity", show=False),
        Binding(
            "m", "merge_entity", "Merge entity into another", id="reader.merge-entity", show=False
        ),
        Binding("s", "fix_speaker", "Set the quote's speaker", id="reader.fix-speaker", show=False),
        Binding("u", "undo_correction", "Undo the last correction", id="reader.undo", show=False),
        Binding("question_mark", "help", "Help", id="reader.help"),
        Binding("q", "app.quit", "Quit", id="reader.quit"),
    ]

    def __init__(self, article: Article, *, analysis: Analysis | None = None) -> None:
        super().__init__()
        self.article = article
        self.analysis = analysis
        self.selected: Entity | None = None
        self.mention_index: int | None = None
        self.current_quote: Quote | None = None
        self._spy: InView | None = None
        self._view_span = (0, 0)
        self._spy_pending = False
        self._partial = False
        """Whether the results shown are a long article's first part (the analysis goes on)."""
        self._pending_partial: Analysis | None = None
        """Partial results waiting for a pause in the keys."""
        self._progress_said: tuple[str, str] | None = None
        """Where the analysis progress was last shown (in place of the lists, or below them),
        and what it said."""
        self._painted = asyncio.Event()
        """Set once the article is on screen; the analysis starts then, off the first paint."""

    def compose(self) -> ComposeResult:
        with Vertical(id="article-column"):
            yield ArticleHeader(self.article, id="header")
            yield ArticleView(self.article, id="article")
            yield SearchBar(id="search")
        with Vertical(id="sidebar"):
            yield EntitiesPane(id="entities")
            yield QuotesPane(id="quotes")
        yield KeyBarRow(id="key-bar")

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def entities_pane(self) -> EntitiesPane:
        return self.query_one(EntitiesPane)

    @property
    def quotes_pane(self) -> QuotesPane:
        return self.query_one(QuotesPane)

    def on_unmount(self) -> None:
        release_long_lived()  # this article's objects go back to the collector

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_key_bar)
        self.call_after_refresh(self.search_bar.build)  # hidden until `/`: after the first frame
        self.article_view.focus()
        self.watch(self.app, "reading_width", self._follow_reading_width)
        self.search_bar.set_text(self.article.text, quotes=SpanIndex(), entities=SpanIndex())
        if self.analysis is not None:
            self._show_analysis(self.analysis)
        else:
            self.call_after_refresh(self._painted.set)
            self.analyse()

    async def _mount_key_bar(self) -> None:
        """The keys at the bottom, once the first frame is out (their row is held for them)."""
        row = next(iter(self.query(KeyBarRow)), None)
        if row is None or not row.is_attached:  # quit (or left) before the first frame was out
            return
        await row.mount(Footer())
        self.refresh_bindings()  # the footer lists the keys when told that they are settled

    # -- analysis -----------------------------------------------------------------------

    @work(exclusive=True, group="analysis", exit_on_error=False)
    async def analyse(self) -> None:
        """Analyse the article in a child process once the text is on screen.

        spaCy runs outside this interpreter, so keys are answered while it works, and
        cancelling this worker (quit, another article) kills the child at once. The result
        goes into the app's cache from a short thread, as the child encoded it.
        """
        from reader.tui.analysis_process import AnalysisFailure, analyse_in_child

        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._painted.wait(), FIRST_PAINT_WAIT)
        payloads: list[bytes] = []
        try:
            analysis = await analyse_in_child(
                self.article,
                lambda fraction: self.post_message(AnalysisProgress(fraction)),
                lambda found: self.post_message(AnalysisPartial(found)),
                payloads.append,
            )
        except AnalysisFailure as error:
            self.post_message(AnalysisFailed(str(error)))
            return
        except OSError as error:  # the child could not be started
            self.post_message(AnalysisFailed(_failure_sentence(error)))
            return
        self.post_message(AnalysisReady(analysis))
        cache = getattr(self.app, "cache", None)
        if cache is not None and payloads:
            await asyncio.to_thread(cache.put_payload, self.article, payloads[0])

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        status = f"analysing… {round(100 * message.fraction)}%"
        if self.analysis is None:
            said = ("in place of the lists", status)
        elif self._partial:  # the lists show what is found so far; the progress goes below
            said = ("below the lists", status)
        else:
            return
        if said == self._progress_said:
            # Progress comes some ten times a second and the figure moves by whole percents;
            # each change repaints both panes (several ms), so an unchanged one is not shown.
            return
        self._progress_said = said
        if self.analysis is None:
            self.entities_pane.show_status(status)
            self.quotes_pane.show_status(status)
        else:
            self.entities_pane.border_subtitle = status
            self.quotes_pane.border_subtitle = status

    def on_analysis_partial(self, message: AnalysisPartial) -> None:
        """What a long article's analysis found so far: listed, the selection kept, once the
        keys pause (showing thousands of quotes takes a few frames; a key should not wait)."""
        if self.analysis is not None and not self._partial:
            return  # the whole analysis is shown already
        self._pending_partial = message.analysis
        # Tens of thousands of new objects, alive until the next result replaces them: kept
        # out of the collector's passes meanwhile, which would walk them all on some key.
        keep_long_lived()
        self._show_pending_partial()

    def _show_pending_partial(self) -> None:
        found = self._pending_partial
        if found is None:
            return
        last_key = getattr(self.app, "last_key_at", float("-inf"))
        wait = KEYS_QUIET_SECONDS - (time.monotonic() - last_key)
        if wait > 0:
            self.set_timer(wait, self._show_pending_partial)
            return
        self._pending_partial = None
        self._partial = True
        self._show_analysis(found)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._pending_partial = None  # the whole analysis replaces it
        if self._partial:
            self._partial = False
            self.entities_pane.border_subtitle = None
            self.quotes_pane.border_subtitle = None
        self._show_analysis(message.analysis)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.entities_pane.show_status(message.reason)
        self.quotes_pane.show_status(message.reason)

    def _show_analysis(self, analysis: Analysis) -> None:
        analysis = self.corrected(analysis)  # the reader's own corrections, kept per article
        self.analysis = analysis
        self.entities_pane.show_entities(analysis.entities)
        self.quotes_pane.show_quotes(analysis.quotes)
        selected = self.selected is not None
        self._keep_selection(analysis)
        if (self.selected is not None) != selected:
            # The mention keys come or go (`check_action`); the key bar is rebuilt only then,
            # not for every partial result (it mounts a widget per key).
            self.refresh_bindings()
        self._finish_showing(analysis, 0)

    def _finish_showing(self, analysis: Analysis, step: int) -> None:
        """The rest of showing `analysis`, a step per frame (each builds a span index over
        thousands of spans): a key pressed meanwhile is answered between two steps, not after
        them all. The quotes tinted in the article, the scroll-spy, the search scopes."""
        if analysis is not self.analysis:
            return  # newer results came; they go through these steps themselves
        if step == 0:
            self._tint_quotes()
        elif step == 1:
            self._spy = InView(analysis)
            self._mark_in_view()
        else:
            self._set_search_scopes(analysis)
            keep_long_lived()  # the analysis and its indexes live as long as the article is open
            return
        self.call_after_refresh(self._finish_showing, analysis, step + 1)

    def _set_search_scopes(self, analysis: Analysis) -> None:
        """The spans `q:` and `e:` searches look in."""
        text = self.article.text
        self.search_bar.set_text(
            text,
            quotes=SpanIndex(with_quote_marks(text, q.start, q.end) for q in analysis.quotes),
            entities=SpanIndex((m.start, m.end) for e in analysis.entities for m in e.mentions),
        )

    def _keep_selection(self, analysis: Analysis) -> None:
        """After new results (a partial analysis, then the whole one), the selected entity and
        the current quote stay so: found again by id and name (else by name), and by place."""
        old = self.selected
        if old is not None:
            entity = next(
                (e for e in analysis.entities if e.id == old.id and e.name == old.name), None
            ) or next((e for e in analysis.entities if e.name == old.name), None)
            if entity is None:
                self.action_clear_selection()
            else:
                self.selected = entity
                self.entities_pane.selected_id = entity.id
                self.article_view.set_mention_spans((m.start, m.end) for m in entity.mentions)
                self.quotes_pane.show_quotes(
                    [quote for quote in analysis.quotes if quote.speaker_id == entity.id],
                    speaker=entity.name,
                )
                current = self.article_view.current_mention
                self.mention_index = next(
                    (n for n, m in enumerate(entity.mentions) if (m.start, m.end) == current),
                    None,
                )
        quote = self.current_quote
        if quote is not None:
            same = next(
                (q for q in analysis.quotes if (q.start, q.end) == (quote.start, quote.end)), None
            )
            if same is not None:
                self.current_quote = same
            self.quotes_pane.current_id = same.id if same is not None else None

    def _tint_quotes(self) -> None:
        """Tint the quotes in the article; reported speech only while the list shows it."""
        if self.analysis is None:
            return
        shown = self.quotes_pane.show_reported
        self.article_view.set_quote_spans(
            (quote.start, quote.end)
            for quote in self.analysis.quotes
            if shown or quote.kind != "indirect"
        )

    def on_quotes_pane_reported_toggled(self) -> None:
        self._tint_quotes()

    # -- quotes -------------------------------------------------------------------------

    def action_step_quote(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) quote of those listed: from the current
        quote while it is on screen, else from the part of the article on screen."""
        quotes = self.quotes_pane.quotes
        if not quotes:
            self.app.bell()
            return
        position = self.quotes_pane.position
        if position is not None and not self._on_screen(quotes[position]):
            position = None  # the reader scrolled away from it: step from where they read
        if position is None:
            position = self._quote_near_view(quotes, step)
        else:
            position += step
            if not 0 <= position < len(quotes):
                self.app.bell()
                return
        self.go_to_quote(quotes[position])

    def _on_screen(self, quote: Quote) -> bool:
        """Whether some of `quote` is in the part of the article on screen."""
        span = self.article_view.visible_span()
        return span is None or (quote.start < span[1] and quote.end > span[0])

    def _quote_near_view(self, quotes: tuple[Quote, ...], step: int) -> int:
        """With no current quote: the first quote from the top of the view, or the last before."""
        view = self.article_view
        index = view.line_index
        top = index[int(view.scroll_y)].start if index is not None and len(index) else 0
        if step > 0:
            return next((n for n, quote in enumerate(quotes) if quote.start >= top), 0)
        before = [n for n, quote in enumerate(quotes) if quote.start < top]
        return before[-1] if before else 0

    def go_to_quote(self, quote: Quote) -> None:
        """Make `quote` current: highlight it, scroll it into view, follow it in the list."""
        self.current_quote = quote
        start, end = with_quote_marks(self.article.text, quote.start, quote.end)
        self.article_view.current_span = (start, end)
        self.article_view.scroll_to_span(start, end)
        self.quotes_pane.current_id = quote.id

    def action_copy_quote(self) -> None:
        """Copy the current quote with its citation to the clipboard (OSC 52)."""
        quote = self.current_quote
        if quote is None and self.quotes_pane.quote_list.has_focus:
            quote = self.quotes_pane.highlighted_quote
        if quote is None:
            self.notify("No current quote to copy: press n to go to one.", severity="warning")
            return
        self.app.copy_to_clipboard(quote_citation(quote, self.article))
        who = quote.speaker or "an unattributed speaker"
        self.notify(f"Copied the quote by {who}, with its citation.", title="Copied", markup=False)

    @on(QuotesPane.QuoteChosen)
    def _quote_chosen(self, message: QuotesPane.QuoteChosen) -> None:
        self.go_to_quote(message.quote)
        if message.card:
            self.show_quote_card(message.quote)

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        """A click on a mention selects its entity (as `enter` in the entity list), on a quote
        goes to it and shows its card (as `enter` in the quote list)."""
        analysis = self.analysis
        if analysis is None:
            return
        offset = message.offset
        for entity in analysis.entities:
            for number, mention in enumerate(entity.mentions):
                if mention.start <= offset < mention.end:
                    self._select_clicked_mention(entity, number)
                    return
        text = self.article.text
        for quote in analysis.quotes:
            start, end = with_quote_marks(text, quote.start, quote.end)
            if start <= offset < end:
                self.go_to_quote(quote)
                self.show_quote_card(quote)
                return

    def _select_clicked_mention(self, entity: Entity, number: int) -> None:
        """Select `entity` with its mention `number` current, the text staying where it is."""
        view = self.article_view
        scroll_y = view.scroll_y
        self.select_entity(entity)
        view.scroll_to(y=scroll_y, animate=False, immediate=True, force=True)
        self.mention_index = number
        mention = entity.mentions[number]
        view.current_mention = (mention.start, mention.end)

    def show_quote_card(self, quote: Quote) -> None:
        """Show `quote` whole over the reader, numbered in the quotes listed."""
        from reader.tui.quote_card import QuoteCard

        self.app.push_screen(QuoteCard(self.article, quote, self.quotes_pane.quotes))

    # -- entities -----------------------------------------------------------------------

    @on(EntitiesPane.EntitySelected)
    def _entity_selected(self, message: EntitiesPane.EntitySelected) -> None:
        self.select_entity(message.entity)
        if self.article_view.filtered:
            self.action_focus_filter(refocus=True)

    def select_entity(self, entity: Entity) -> None:
        """Mark `entity`'s mentions, go to the first, and list only its quotes."""
        self.selected = entity
        self.entities_pane.selected_id = entity.id
        self.article_view.set_mention_spans((m.start, m.end) for m in entity.mentions)
        quotes = self.analysis.quotes if self.analysis is not None else ()
        self.quotes_pane.show_quotes(
            [quote for quote in quotes if quote.speaker_id == entity.id], speaker=entity.name
        )
        self.mention_index = None
        self.article_view.current_mention = None
        if entity.mentions:
            self.action_step_mention(1)
        self.refresh_bindings()

    def action_step_mention(self, step: int) -> None:
        """Go to the selected entity's next (`step` 1) or previous (-1) mention."""
        entity = self.selected
        if entity is None or not entity.mentions:
            self.app.bell()
            return
        if self.mention_index is None:
            index = 0 if step > 0 else len(entity.mentions) - 1
        else:
            index = self.mention_index + step
            if not 0 <= index < len(entity.mentions):
                self.app.bell()
                return
        self.mention_index = index
        mention = entity.mentions[index]
        self.article_view.current_mention = (mention.start, mention.end)
        self.article_view.scroll_to_span(mention.start, mention.end)

    def action_clear_selection(self) -> None:
        """Unmark the selected entity and list every quote again."""
        self.selected = None
        self.mention_index = None
        self.entities_pane.selected_id = None
        self.article_view.set_mention_spans(())
        self.article_view.current_mention = None
        if self.analysis is not None:
            self.quotes_pane.show_quotes(self.analysis.quotes)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Mention keys and `escape` only do something while an entity is selected."""
        if action in ("step_mention", "clear_selection"):
            return self.selected is not None
        if action in ("step_match", "end_search"):
            return self.search_bar.is_open
        if action == "unfilter":
            return self.article_view.filtered
        if action == "search":
            return not isinstance(self.focused, Input)
        return True

    # -- focus filter -------------------------------------------------------------------

    def action_focus_filter(self, refocus: bool = False) -> None:
        """Show only the paragraphs that mention the selected entity (none selected: that
        hold quotes); pressed again, the whole article, at the same place."""
        view = self.article_view
        if view.filtered and not refocus:
            self.action_unfilter()
            return
        if self.selected is not None:
            what = self.selected.name
            spans = [(mention.start, mention.end) for mention in self.selected.mentions]
        else:
            what = "quotes"
            quotes = self.analysis.quotes if self.analysis is not None else ()
            spans = [(quote.start, quote.end) for quote in quotes]
        blocks = blocks_touching(self.article, spans)
        if not blocks:
            self.notify(f"No paragraph to focus on: none with {what}.", markup=False)
            return
        view.show_blocks(blocks)
        title = Text(f"Focus: {what} · {len(blocks)} of {len(self.article.blocks)} paragraphs")
        view.border_title = title
        self.refresh_bindings()

    def action_unfilter(self) -> None:
        """The whole article again, with the same text at the top."""
        self.article_view.show_blocks(None)
        self.article_view.border_title = None
        self.refresh_bindings()

    # -- search -------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar; matches are counted from the top of the view."""
        self.search_bar.open(self._view_top_offset())
        self.refresh_bindings()

    def action_step_match(self, step: int) -> None:
        self.search_bar.step(step)

    def action_end_search(self) -> None:
        self.search_bar.action_close()

    @on(SearchBar.MatchesChanged)
    def _matches_changed(self, message: SearchBar.MatchesChanged) -> None:
        self.article_view.set_search_spans(message.matches)

    @on(SearchBar.CurrentChanged)
    def _current_match_changed(self, message: SearchBar.CurrentChanged) -> None:
        self.article_view.current_match = message.span
        if message.span is not None:
            self.article_view.scroll_to_span(*message.span)

    @on(SearchBar.Confirmed)
    def _search_confirmed(self) -> None:
        self.set_focus(self.article_view)  # at once: `n` typed next steps through the matches

    @on(SearchBar.Closed)
    def _search_closed(self, message: SearchBar.Closed) -> None:
        if message.had_focus:
            self.set_focus(self.article_view)
        self.refresh_bindings()

    def _view_top_offset(self) -> int:
        """The offset of the text at the top of the article view."""
        view = self.article_view
        index = view.line_index
        return index[int(view.scroll_y)].start if index is not None and len(index) else 0

    # -- panes, progress, help ----------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        # At once, not as `Widget.focus` does (after the messages already queued): a key
        # typed right after this one goes to the pane it chose.
        self.set_focus(self.query_one(PANES[pane]))

    def _follow_reading_width(self, width: int) -> None:
        self.article_view.reading_width = width

    # -- scroll-spy ---------------------------------------------------------------------

    def on_article_view_view_moved(self, message: ArticleView.ViewMoved) -> None:
        """Mark what is in view in the panes, at most every 50 ms while the article scrolls."""
        self._view_span = (message.start, message.end)
        if not self._spy_pending:
            self._spy_pending = True
            self.set_timer(0.05, self._mark_in_view)

    def _mark_in_view(self) -> None:
        self._spy_pending = False
        if self._spy is None:
            return
        start, end = self._view_span
        self.quotes_pane.in_view = self._spy.quotes(start, end)
        self.entities_pane.in_view = self._spy.entities(start, end)

    def on_article_view_progress_changed(self, message: ArticleView.ProgressChanged) -> None:
        self.query_one(ArticleHeader).progress = message.percent

    def action_help(self) -> None:
        from reader.tui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())


def _failure_sentence(error: Exception) -> str:
    """One sentence for the panes when the analysis fails."""
    if isinstance(error, ReaderError):
        return str(error)
    return f"The analysis failed ({type(error).__name__}: {error}); the article is still readable."
