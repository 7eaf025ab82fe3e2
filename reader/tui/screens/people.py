"""The people screen: everyone quoted or named across the archive, and what each one said.

The list shows each person's articles, quotes, first and last seen and the outlets that
named them, most articles first; `/` filters it by name. `enter` on a person lists their
quotes in date order, each with its citation; `enter` on a quote opens its article at the
quote, from the archive's copy of the text (no network); `escape` goes back a step. The
archive is opened without its quick check (the people are read from their tallies), so
the screen is up at once on an archive of tens of thousands of articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from reader.archive.queries import FoundQuote, Person, find_quotes, list_people, quote_count
from reader.archive.store import Archive
from reader.model import Analysis, Quote
from reader.sanitize import clean_name
from reader.store.db import StoreUnavailable
from reader.tui.context import ReaderContext
from reader.tui.widgets.people_list import PeopleList, PeopleRows, QuoteRows


class PeopleScreen(Screen[None]):
    """Everyone across the archive; a person's quotes; an article opened at a quote."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="people.filter"),
        Binding("W", "voices", "Who gets a voice", id="people.voices"),
        Binding("escape", "back_step", "Back", id="people.back"),
        Binding("question_mark", "app.help", "Help", id="people.help"),
        Binding("q", "app.quit", "Quit", id="people.quit"),
    ]

    DEFAULT_CSS = """
    PeopleScreen {
        & > #people-title { padding: 0 1; text-style: bold; color: $text-primary; height: 1; }
        & > #people-status { padding: 0 1; color: $text-muted; height: 1; }
        & > #people-filter { display: none; }
        & > #people-filter.shown { display: block; }
    }
    """

    class QuoteOpened(Message):
        """A quote was chosen: its article, as archived, is to be read at the quote."""

        def __init__(self, analysis: Analysis, quote: Quote) -> None:
            super().__init__()
            self.analysis = analysis
            self.quote = quote

    def __init__(self, context: ReaderContext | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.context = context or ReaderContext()
        self.path = path
        self.archive: Archive | None = None
        self.people: list[Person] = []
        self._names: list[str] = []
        """The people's names casefolded once, for the filter (a key each)."""
        self.shown_people: list[Person] = []
        self.person: Person | None = None
        """Whose quotes are listed (None: the people are)."""
        self.quotes: QuoteRows | None = None
        self._people_highlight: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("People", id="people-title", markup=False)
        yield Static(id="people-status", markup=False)
        yield Input(placeholder="filter by name", id="people-filter")
        yield PeopleList(id="people-list")
        yield Footer()

    @property
    def people_list(self) -> PeopleList:
        return self.query_one(PeopleList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#people-filter", Input)

    def say(self, status: str) -> None:
        self._line("#people-status", status)

    def _line(self, selector: str, text: str) -> None:
        """One of the two one-line Statics set to `text`, redrawn alone: their height is
        fixed, so a key that changes them (every letter typed into the filter, `escape` back
        from the quotes) lays nothing out again, and one that does not change them draws
        nothing."""
        line = self.query_one(selector, Static)
        if str(line.content) != text:
            line.update(text, layout=False)

    def on_mount(self) -> None:
        try:
            self.archive = Archive.open(self.path, check=False)
            self.people = list_people(self.archive)
            self._names = [person.name.casefold() for person in self.people]
        except StoreUnavailable as error:
            self.say(f"The archive cannot be read ({error}).")
            return
        self.show_people(self.people)
        self.people_list.focus()

    def on_unmount(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    # -- the people ---------------------------------------------------------------------

    def show_people(self, people: list[Person], highlight: int | None = None) -> None:
        self.person = None
        self.shown_people = people
        self._line("#people-title", "People")
        quoted = sum(1 for p in people if p.quotes)
        if self.people:
            self.say(
                f"{len(people):,} people, {quoted:,} of them quoted · enter: their quotes"
                " · /: filter"
            )
        else:
            self.say("Nobody yet: the articles you read go into the archive.")
        self.people_list.show(PeopleRows(people), highlight=highlight)

    def action_filter(self) -> None:
        if self.person is not None:
            return
        self.filter_input.add_class("shown")
        self.filter_input.focus()

    @on(Input.Changed, "#people-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        people = [
            person
            for person, name in zip(self.people, self._names, strict=True)
            if all(word in name for word in words)
        ]
        self.show_people(people)

    @on(Input.Submitted, "#people-filter")
    def _filter_done(self) -> None:
        self.people_list.focus()

    # -- a person's quotes --------------------------------------------------------------

    @on(PeopleList.Picked)
    def _picked(self, message: PeopleList.Picked) -> None:
        if self.archive is None:
            return
        if self.person is None:
            person = self.shown_people[message.index]
            try:
                rows = self.quote_rows(person)
                if len(rows):
                    rows.quote(0)  # the first page, read now: a problem is said here
            except StoreUnavailable as error:
                self.say(f"The archive cannot be read ({error}).")
                return
            self._people_highlight = message.index
            self.show_quotes(person, rows)
            return
        if self.quotes is not None:
            try:
                found = self.quotes.quote(message.index)
            except StoreUnavailable as error:
                self.say(f"The archive cannot be read ({error}).")
                return
            self.open_quote(found)

    def quote_rows(self, person: Person) -> QuoteRows:
        """`person`'s quotes, read a page at a time."""
        archive = self.archive
        assert archive is not None

        def fetch(offset: int, limit: int) -> list[FoundQuote]:
            return find_quotes(archive, person_id=person.id, limit=limit, offset=offset)

        return QuoteRows(quote_count(archive, person.id), fetch)

    def show_quotes(self, person: Person, rows: QuoteRows) -> None:
        self.person, self.quotes = person, rows
        self._line("#people-title", clean_name(person.name))
        if len(rows):
            self.say(f"{len(rows):,} quotes, oldest first · enter: read it there · escape: back")
        else:
            self.say("Named, never quoted · escape: back")
        self.people_list.show(rows)

    def open_quote(self, found: FoundQuote) -> None:
        assert self.archive is not None
        try:
            analysis = self.archive.analysis(found.article_id)
        except StoreUnavailable as error:
            self.say(f"The archive cannot be read ({error}).")
            return
        if analysis is None:
            self.say("That article is no longer in the archive.")
            return
        self.post_message(self.QuoteOpened(analysis, found.quote))

    def action_voices(self) -> None:
        """Who gets a voice across the whole archive: a panel, exportable as CSV."""
        if self.archive is None:
            return
        from reader.archive.voice import voice_of_archive
        from reader.tui.dialogs.voice_panel import VoicePanel

        try:
            report = voice_of_archive(self.archive)
        except StoreUnavailable as error:
            self.say(f"The archive cannot be read ({error}).")
            return
        self.app.push_screen(VoicePanel(report, self.context.export_folder, "archive"))

    def action_back_step(self) -> None:
        """Escape: out of the filter, from the quotes to the people, or off this screen."""
        if self.filter_input.has_focus:
            self.filter_input.remove_class("shown")
            self.people_list.focus()
            return
        if self.person is not None:
            self.show_people(self.shown_people, highlight=self._people_highlight)
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
