"""Links from the reading screen: `o` numbers the links on screen, typing a number opens one,
`O` sends it (or, with no hints, the original page) to the browser, `L` lists them all.

What to open goes up to the app as `LinkChosen`: the app owns the screens and the history,
and fetches the page (the bounded fetch) before it leaves this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from rich.text import Text
from textual import events
from textual.message import Message

from reader.model import Article, Link
from reader.tui.text.links import hint_digit, hint_labels, link_host, terminal_href

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from reader.tui.widgets.article_view import ArticleView


class LinkChosen(Message):
    """The reader chose `href`: to read in the reader, or (`browser`) in the system browser."""

    def __init__(self, href: str, *, browser: bool = False) -> None:
        super().__init__()
        self.href = href
        self.browser = browser


class LinkHost(Protocol):
    """What the link actions need of the screen they are mixed into."""

    article: Article
    _hints: dict[str, Link]
    _hint_typed: str
    _hint_browser: bool

    @property
    def app(self) -> App[Any]: ...

    @property
    def article_view(self) -> ArticleView: ...

    def post_message(self, message: Message) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def _show_hint_title(self) -> None: ...

    def end_hints(self) -> None: ...


class LinkHints:
    """Link hints and the links list, mixed into the reading screen (a `LinkHost`)."""

    _hints: dict[str, Link]

    def _init_hints(self: LinkHost) -> None:
        self._hints = {}
        self._hint_typed = ""
        self._hint_browser = False

    @property
    def hinting(self) -> bool:
        return bool(self._hints)

    def action_link_hints(self: LinkHost) -> None:
        """Number the links on screen; the number typed opens its link."""
        links = self.article_view.links_in_view()
        if not links:
            what = "this article" if not self.article_view.links else "the screen"
            self.notify(f"No links on {what}.", markup=False)
            return
        labels = hint_labels(len(links))
        self._hints = dict(zip(labels, links, strict=True))
        self._hint_typed = ""
        self._hint_browser = False
        self._show_hint_title()
        self.article_view.show_hints({link.start: label for label, link in self._hints.items()})

    def _show_hint_title(self: LinkHost) -> None:
        if self._hint_browser:
            title = "Type a link's number to open it in the browser · esc: cancel"
        else:
            title = "Type a link's number · shift or O: browser · esc: cancel"
        self.article_view.border_subtitle = Text(title)

    def end_hints(self: LinkHost) -> None:
        self._hints = {}
        self._hint_typed = ""
        self.article_view.border_subtitle = None
        self.article_view.show_hints({})

    def hint_key(self: LinkHost, event: events.Key) -> None:
        """A key while the hints show: digits choose (with shift: for the browser), `O` turns
        to the browser, `backspace` takes a digit back; any other key ends the hints."""
        event.stop()
        event.prevent_default()
        digit = hint_digit(event.key, event.character)
        if digit is not None:
            typed = self._hint_typed + digit[0]
            width = len(next(iter(self._hints)))
            if not any(label.startswith(typed) for label in self._hints):
                self.notify(f"No link numbered {typed}.", markup=False)
                return
            if digit[1]:  # shift with a digit: this link goes to the browser
                self._hint_browser = True
            if len(typed) < width:
                self._hint_typed = typed
                return
            link = self._hints[typed]
            browser = self._hint_browser
            self.end_hints()
            self.post_message(LinkChosen(link.href, browser=browser))
        elif event.key == "O":
            self._hint_browser = True
            self._show_hint_title()
        elif event.key == "backspace" and self._hint_typed:
            self._hint_typed = self._hint_typed[:-1]
        else:
            self.end_hints()

    def action_open_in_browser(self: LinkHost) -> None:
        """The original page in the system browser (a file has none)."""
        url = self.article.url or self.article.source
        href = terminal_href(url) if "://" in url else None
        if href is None:
            self.notify("This article has no web address to open in the browser.", markup=False)
            return
        self.post_message(LinkChosen(href, browser=True))

    def action_links_list(self: LinkHost) -> None:
        """Every link of the article, filterable: `enter` opens one in the reader."""
        from reader.tui.dialogs.links_list import LinksList

        links = self.article_view.links
        if not links:
            self.notify("No links in this article.", markup=False)
            return
        text = self.article.text
        rows = [
            (" ".join(text[link.start : link.end].split()), link_host(link.href)) for link in links
        ]

        def chosen(index: int | None) -> None:
            if index is not None:
                self.post_message(LinkChosen(links[index].href))

        self.app.push_screen(LinksList(rows), chosen)
