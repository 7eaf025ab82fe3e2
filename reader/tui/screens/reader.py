"""The reading screen: article, entities and quotes, and the keys that move between them.

The panes post messages up (`EntitySelected`, `QuoteChosen`, `ProgressChanged`); the screen
decides what they mean and sets attributes down (`current_span`, `selected_id`, ...). The
analysis comes through `AnalysisFeed`; what the reader has chosen is held in a `Selection`.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from reader.keep.correction_log import CorrectionLog
from reader.model import Analysis, Article, Entity, Quote
from reader.tui.context import ReaderContext
from reader.tui.runtime.collector import release_long_lived
from reader.tui.screens.analysis_feed import AnalysisFeed
from reader.tui.screens.highlighting import SELECTING_ACTIONS, Highlighting
from reader.tui.screens.in_view import InViewActions
from reader.tui.screens.keeping import KeepingActions
from reader.tui.screens.link_hints import LinkHints
from reader.tui.screens.reader_bindings import READER_BINDINGS
from reader.tui.screens.selection import Selection, quote_near, quotes_of, thing_at
from reader.tui.screens.sidebar import SidebarActions
from reader.tui.text.quote_marks import with_quote_marks
from reader.tui.text.scroll_spy import InView
from reader.tui.text.spans import SpanIndex
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntitiesPane, EntityList
from reader.tui.widgets.header import ArticleHeader
from reader.tui.widgets.key_bar import KeyBarRow
from reader.tui.widgets.quotes_pane import QuotesPane
from reader.tui.widgets.search_bar import SearchBar


class ReaderScreen(
    SidebarActions, LinkHints, Highlighting, KeepingActions, InViewActions, AnalysisFeed
):
    """Read one article with its entities and quotes beside it."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    def __init__(
        self,
        article: Article,
        context: ReaderContext | None = None,
        *,
        analysis: Analysis | None = None,
    ) -> None:
        context = context or ReaderContext()
        super().__init__(article, context, analysis)
        self.selection = Selection()
        self.corrections = CorrectionLog(article, context.library)
        self._spy: InView | None = None
        self._view_span = (0, 0)
        self._spy_pending = False
        self._init_hints()
        self._init_highlighting()

    def on_key(self, event: events.Key) -> None:
        """While the link hints show, keys choose a link (`LinkHints.hint_key`)."""
        if self.hinting:
            self.hint_key(event)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):  # the sidebar a drawer in it on narrow screens
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

    @property
    def selected(self) -> Entity | None:
        """The selected entity."""
        return self.selection.entity

    def on_unmount(self) -> None:
        release_long_lived()  # this article's objects go back to the collector

    def _say_limits(self) -> None:
        """One line when a cap of the loader or the analysis bites on this article."""
        from reader.analyze.limits import analysis_limits

        notes = [*self.article.limits, *analysis_limits(self.article)]
        if notes:
            self.notify(" ".join(notes), title="Limits", severity="warning", timeout=20,
                        markup=False)  # fmt: skip

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_key_bar)
        self.call_after_refresh(self._say_limits)
        self.call_after_refresh(self.load_highlights)
        self.call_after_refresh(self.search_bar.build)  # hidden until `/`: after the first frame
        self.article_view.focus()
        self.watch(self.app, "reading_width", self._follow_reading_width)
        self.search_bar.set_text(self.article.text, quotes=SpanIndex(), entities=SpanIndex())
        self.start_feed()

    async def _mount_key_bar(self) -> None:
        """The keys at the bottom, once the first frame is out (their row is held for them)."""
        row = next(iter(self.query(KeyBarRow)), None)
        if row is None or not row.is_attached:  # quit (or left) before the first frame was out
            return
        from textual.widgets import Footer  # some 7 M instructions, not needed for the first frame

        await row.mount(Footer())
        self.refresh_bindings()  # the footer lists the keys when told that they are settled

    # -- the analysis on screen ---------------------------------------------------------

    def show_status(self, status: str) -> None:
        self.entities_pane.show_status(status)
        self.quotes_pane.show_status(status)

    def show_progress_below(self, status: str | None) -> None:
        self.entities_pane.border_subtitle = status
        self.quotes_pane.border_subtitle = status

    def show_analysis(self, analysis: Analysis) -> None:
        """List `analysis` (with the reader's corrections), keeping what the reader chose: the
        selected entity and the current quote are found again in it."""
        analysis = self.corrected(analysis)  # the reader's own corrections, kept per article
        self.analysis = analysis
        # Here, not at the top: `reader.analyze` is not needed for the first paint.
        from reader.analyze.languages import entity_notice

        notice = entity_notice(analysis.article.lang)
        self.entities_pane.show_entities(analysis.entities, notice)
        had_selection = self.selected is not None
        entity, quote = self.selection.carried_to(analysis)
        if entity is not None:
            self._mark_entity(entity)
            current = self.article_view.current_mention
            self.selection.mention = next(
                (n for n, m in enumerate(entity.mentions) if (m.start, m.end) == current), None
            )
            self.entities_pane.show_mention(
                entity.name, self.selection.mention, len(entity.mentions)
            )
        elif had_selection:
            self._unmark_entity()
        self.quotes_pane.show_quotes(
            quotes_of(analysis, entity), speaker=entity.name if entity is not None else None
        )
        if self.selection.quote is not None:
            if quote is not None:
                self.selection.quote = quote
            self.quotes_pane.current_id = quote.id if quote is not None else None
        if (self.selected is not None) != had_selection:
            # The mention keys come or go (`check_action`); the key bar is rebuilt only then,
            # not for every partial result (it mounts a widget per key).
            self.refresh_bindings()
        # The rest a step per frame: the quotes tinted, the scroll-spy, the search scopes.
        self.show_in_steps(analysis, (self._tint_quotes, self._spy_on, self._set_search_scopes))

    def _spy_on(self, analysis: Analysis) -> None:
        self._spy = InView(analysis)
        self._mark_in_view()

    def _set_search_scopes(self, analysis: Analysis) -> None:
        """The spans `q:` and `e:` searches look in."""
        text = self.article.text
        self.search_bar.set_text(
            text,
            quotes=SpanIndex(with_quote_marks(text, q.start, q.end) for q in analysis.quotes),
            entities=SpanIndex((m.start, m.end) for e in analysis.entities for m in e.mentions),
        )

    def _tint_quotes(self, analysis: Analysis | None = None) -> None:
        """Tint the quotes in the article; reported speech only while the list shows it."""
        analysis = analysis or self.analysis
        if analysis is None:
            return
        shown = self.quotes_pane.show_reported
        spans = [(q.start, q.end) for q in analysis.quotes if shown or q.kind != "indirect"]
        self.article_view.set_quote_spans(spans)

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
            position = quote_near(quotes, self.article_view.top_offset() or 0, step)
        else:
            position += step
            if not 0 <= position < len(quotes):
                self.app.bell()
                which = "after" if step > 0 else "before"
                here = position - step + 1
                self.notify(f"No quote {which} this one ({here} of {len(quotes)}).", markup=False)
                return
        self.go_to_quote(quotes[position])

    def _on_screen(self, quote: Quote) -> bool:
        """Whether some of `quote` is in the part of the article on screen."""
        span = self.article_view.visible_span()
        return span is None or (quote.start < span[1] and quote.end > span[0])

    def go_to_quote(self, quote: Quote | None) -> None:
        """Make `quote` current: highlight it, scroll it into view, follow it in the list."""
        if quote is None:
            return
        self.selection.quote = quote
        start, end = with_quote_marks(self.article.text, quote.start, quote.end)
        self.article_view.current_span = (start, end)
        self.article_view.scroll_to_span(start, end)
        self.quotes_pane.current_id = quote.id

    @on(QuotesPane.QuoteChosen)
    def _quote_chosen(self, message: QuotesPane.QuoteChosen) -> None:
        self.go_to_quote(message.quote)
        if message.card:
            self.show_quote_card(message.quote)

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        """A click on a mention selects its entity (as `enter` in the entity list), on a quote
        goes to it and shows its card (as `enter` in the quote list)."""
        if self.analysis is None:
            return
        found = thing_at(self.analysis, self.article.text, message.offset)
        if isinstance(found, Quote):
            self.go_to_quote(found)
            self.show_quote_card(found)
        elif found is not None:
            self._select_clicked_mention(*found)

    def _select_clicked_mention(self, entity: Entity, number: int) -> None:
        """Select `entity` with its mention `number` current, the text staying where it is."""
        view = self.article_view
        scroll_y = view.scroll_y
        self.select_entity(entity)
        view.scroll_to(y=scroll_y, animate=False, immediate=True, force=True)
        self.selection.mention = number
        self.entities_pane.show_mention(entity.name, number, len(entity.mentions))
        mention = entity.mentions[number]
        view.current_mention = (mention.start, mention.end)

    def show_quote_card(self, quote: Quote) -> None:
        """Show `quote` whole over the reader, numbered in the quotes listed."""
        from reader.tui.dialogs.quote_card import QuoteCard  # not needed for the first paint

        card = QuoteCard(self.article, quote, self.quotes_pane.quotes)
        self.app.push_screen(card, self.go_to_quote)  # closed: to the quote it showed last

    # -- entities -----------------------------------------------------------------------

    @on(EntitiesPane.EntitySelected)
    def _entity_selected(self, message: EntitiesPane.EntitySelected) -> None:
        self.select_entity(message.entity)
        if self.article_view.filtered:
            self.action_focus_filter(refocus=True)

    def select_entity(self, entity: Entity) -> None:
        """Mark `entity`'s mentions, go to the first, and list only its quotes."""
        self._mark_entity(entity)
        self.quotes_pane.show_quotes(quotes_of(self.analysis, entity), speaker=entity.name)
        self.selection.mention = None
        self.article_view.current_mention = None
        if entity.mentions:
            self.action_step_mention(1)
        self.refresh_bindings()

    def _mark_entity(self, entity: Entity) -> None:
        self.selection.entity = entity
        self.entities_pane.selected_id = entity.id
        self.article_view.set_mention_spans((m.start, m.end) for m in entity.mentions)

    def _unmark_entity(self) -> None:
        self.entities_pane.show_mention(None, None)
        self.selection.clear_entity()
        self.entities_pane.selected_id = None
        self.article_view.set_mention_spans(())
        self.article_view.current_mention = None

    def action_step_mention(self, step: int) -> None:
        """Go to the selected entity's next (`step` 1) or previous (-1) mention."""
        entity = self.selected
        if entity is None or not entity.mentions:
            self.app.bell()
            return
        count = len(entity.mentions)
        if self.selection.mention is None:
            index = 0 if step > 0 else count - 1
        else:
            index = self.selection.mention + step
            if not 0 <= index < count:
                self.app.bell()
                which = "after" if step > 0 else "before"
                self.notify(
                    f"No mention of {entity.name} {which} this one "
                    f"({self.selection.mention + 1} of {count}).",
                    markup=False,
                )
                return
        # `]`/`[` skip the pronouns listed as mentions of a quote's speaker ("he" of "he said").
        while 0 <= index < len(entity.mentions) and entity.mentions[index].kind == "pronoun":
            index += 1 if step > 0 else -1
        if not 0 <= index < len(entity.mentions):
            self.app.bell()
            return
        self.selection.mention = index
        self.entities_pane.show_mention(entity.name, index, count)
        mention = entity.mentions[index]
        self.article_view.current_mention = (mention.start, mention.end)
        self.article_view.scroll_to_span(mention.start, mention.end)

    def action_mention_without_entity(self) -> None:
        """`]` or `[` with no entity selected: say how to select one."""
        self.app.bell()
        self.notify(
            "No entity is selected: press 2 for the entities, then enter on one.", markup=False
        )

    def action_clear_selection(self) -> None:
        """Unmark the selected entity and list every quote again."""
        self._unmark_entity()
        if self.analysis is not None:
            self.quotes_pane.show_quotes(self.analysis.quotes)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Mention keys and `escape` only do something while an entity is selected."""
        if action in SELECTING_ACTIONS:
            return self.selecting
        if action in ("step_mention", "clear_selection"):
            return self.selected is not None
        if action == "mention_without_entity":
            return self.selected is None
        if action in ("step_match", "end_search"):
            return self.search_bar.is_open
        if action == "unfilter":
            return self.article_view.filtered
        if action == "search":  # in the entity list, `/` filters the list
            return not isinstance(self.focused, (Input, EntityList))
        return super().check_action(action, parameters)  # the sidebar's keys

    # -- search -------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar; matches are counted from the top of the view."""
        self.search_bar.open(self.article_view.top_offset() or 0)
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

    def on_article_view_progress_changed(self, message: ArticleView.ProgressChanged) -> None:
        self.query_one(ArticleHeader).progress = message.percent
