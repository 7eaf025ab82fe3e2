"""The feeds screen's two lists: feeds with unread counts, and a feed's items.

Both are `RowList`s, so only the rows on screen are drawn: ten thousand items cost a screen
a key. An item is two lines: an unread mark and its title, then its feed, date and, once
its article was analysed, its quote count and the people it quotes. Every field is data
(`rich.text.Text`), never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from reader.feeds.store import Feed, Item
from reader.tui.widgets.row_list import RowList, list_bindings

#: The row id of the first row of the feed list: the items of every feed.
ALL_FEEDS = "all"
UNREAD_MARK = "●"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class FeedRows:
    """ "All feeds", then each feed with its unread count (and a mark if it has a problem)."""

    def __init__(self, feeds: Sequence[Feed]) -> None:
        self.feeds = list(feeds)
        self.unread = sum(feed.unread for feed in self.feeds)

    def __len__(self) -> int:
        return len(self.feeds) + 1

    def row_id(self, index: int) -> str | None:
        return ALL_FEEDS if index == 0 else str(self.feeds[index - 1].id)

    def row_height(self, index: int, width: int) -> int:
        return 1

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        if index == 0:
            name, unread, problem = "All feeds", self.unread, None
        else:
            feed = self.feeds[index - 1]
            name, unread, problem = feed.name, feed.unread, feed.problem
        count = f" {unread:,}" if unread else ""
        mark = "! " if problem else ""
        line = Text(mark, style="bold red")
        line.append(_cut(name, max(1, width - len(count) - len(mark))))
        line.append(count, style="bold")
        return [line]


class ItemRows:
    """Items, two lines each: the title (bold while unread), then where and when from."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = list(items)

    def __len__(self) -> int:
        return len(self.items)

    def row_id(self, index: int) -> str | None:
        return str(self.items[index].id)

    def row_height(self, index: int, width: int) -> int:
        return 2

    def row_lines(self, index: int, width: int) -> Sequence[Text]:
        item = self.items[index]
        title = Text(UNREAD_MARK + " " if not item.read else "  ", style="bold")
        title.append(
            _cut(item.title or item.link or "(untitled)", max(1, width - 2)),
            style="bold" if not item.read else "",
        )
        facts = [item.feed_title or "", (item.published or "")[:10]]
        if item.quote_count is not None:
            quotes = f"{item.quote_count} quote" + ("" if item.quote_count == 1 else "s")
            if item.speakers:
                quotes += ": " + ", ".join(item.speakers[:3])
            facts.append(quotes)
        elif item.entities:
            facts.append(", ".join(item.entities[:3]))
        meta = Text("  " + _cut(" · ".join(f for f in facts if f), max(1, width - 2)), style="dim")
        return [title, meta]


class FeedList(RowList):
    """The feeds; moving the highlight shows that feed's items."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("feed-list", "Show its items")

    class Highlighted(Message):
        def __init__(self, row_id: str | None) -> None:
            super().__init__()
            self.row_id = row_id

    def watch_highlighted(self) -> None:
        super().watch_highlighted()
        self.post_message(self.Highlighted(self.highlighted_id))


class ItemList(RowList):
    """A feed's items, the newest first; `enter` opens the full article."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("feed-items", "Open the article")
