"""The people screen's list: everyone across the archive, or one person's quotes.

A `RowList`, so only the rows on screen are drawn: three thousand people or ten thousand
quotes cost a screen a key. A person is one line (name, articles, quotes, first and last
seen, outlets); a quote is two (its words, then its citation: `— Speaker, Title, Site,
Date, URL`). Every field is data (`rich.text.Text`), never markup, and cleaned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from reader.archive.queries import FoundQuote, Person
from reader.keep.export.citation import citation_parts, one_line
from reader.tui.widgets.row_list import RowList, list_bindings


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


class PeopleRows:
    """People, one line each."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = list(people)

    def __len__(self) -> int:
        return len(self.people)

    def row_id(self, index: int) -> str | None:
        return str(self.people[index].id)

    def row_height(self, index: int, width: int) -> int:
        return 1

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        person = self.people[index]
        name = _cut(one_line(person.name), 28)
        line = Text(f"{name:<29}", style="bold" if person.quotes else "")
        seen = person.first_seen if person.first_seen == person.last_seen else (
            f"{person.first_seen} – {person.last_seen}"
        )  # fmt: skip
        facts = [
            _plural(person.articles, "article"),
            _plural(person.quotes, "quote") if person.quotes else "named only",
            seen,
            ", ".join(one_line(outlet) for outlet in person.outlets[:4])
            + (f" +{person.outlet_count - 4}" if person.outlet_count > 4 else ""),
        ]
        line.append(_cut(" · ".join(f for f in facts if f), max(1, width - 29)), style="dim")
        return [line]


class QuoteRows:
    """One person's `count` quotes, oldest first: the words, then the citation. They are
    fetched a page at a time as rows are drawn (`fetch(offset, limit)`), so a person quoted
    ten thousand times opens as fast as one quoted once."""

    PAGE = 200

    def __init__(self, count: int, fetch: Callable[[int, int], Sequence[FoundQuote]]) -> None:
        self.count = count
        self.fetch = fetch
        self._pages: dict[int, Sequence[FoundQuote]] = {}

    def __len__(self) -> int:
        return self.count

    def quote(self, index: int) -> FoundQuote:
        page = index // self.PAGE
        if page not in self._pages:
            self._pages[page] = self.fetch(page * self.PAGE, self.PAGE)
        found = self._pages[page]
        return found[min(index - page * self.PAGE, len(found) - 1)]

    def row_id(self, index: int) -> str | None:
        return str(index)

    def row_height(self, index: int, width: int) -> int:
        return 2

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        found = self.quote(index)
        quote = found.quote
        words = one_line(quote.text)
        said = f"“{words}”" if quote.kind != "indirect" else f"(reported) {words}"
        where = "— " + ", ".join(citation_parts(quote, found.article))
        return [
            Text(f"{found.day}  " + _cut(said, max(1, width - 12))),
            Text(" " * 12 + _cut(where, max(1, width - 12)), style="dim"),
        ]


class PeopleList(RowList):
    """People, or one person's quotes; `enter` shows a person's quotes, or opens the article
    at a quote."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("people-list", "Quotes / open")
