"""A site's page -> its feeds: the `<link rel="alternate">` elements that name a feed type."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

#: `type` values of `<link rel="alternate">` that announce a feed.
ANNOUNCED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
    }
)


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.base: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            kind = values.get("type", "").split(";")[0].strip().lower()
            if "alternate" in rel and kind in ANNOUNCED_TYPES and values.get("href"):
                self.found.append(values["href"])
        elif tag == "body":
            self.done = True  # feeds are announced in the head


def discover_feeds(page: str, url: str) -> list[str]:
    """The feed addresses `page` (fetched from `url`) announces, absolute, in its order."""
    finder = _LinkFinder()
    # The head is enough; a huge page is not parsed to its end.
    for start in range(0, min(len(page), 2_000_000), 65_536):
        finder.feed(page[start : start + 65_536])
        if finder.done:
            break
    base = urljoin(url, finder.base) if finder.base else url
    feeds: list[str] = []
    for href in finder.found:
        absolute = urljoin(base, href.strip())
        if urlsplit(absolute).scheme in ("http", "https") and absolute not in feeds:
            feeds.append(absolute)
    return feeds
