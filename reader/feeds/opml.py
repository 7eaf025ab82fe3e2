"""OPML 2.0 subscription lists, as newsboat, Feedly, Inoreader and NetNewsWire write them.

Reading is done with `defusedxml` (an OPML file is someone else's XML too). Every outline
with an `xmlUrl` is a feed; an outline without one that holds feeds is their folder (the
innermost such outline names it). Writing gives one folder outline per folder, feeds
outside a folder at the top, and `dateCreated` in RFC 822 form as the OPML 2.0 spec asks.
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from reader.errors import LoadError
from reader.feeds.parse import show
from reader.sanitize import clean_text

#: Largest OPML file read.
MAX_OPML_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed as a subscription list names it."""

    url: str
    title: str | None = None
    site: str | None = None
    folder: str | None = None


def read_opml(data: bytes, name: str) -> list[Subscription]:
    """The feeds an OPML document lists, in document order, each address once."""
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeTree

    if len(data) > MAX_OPML_BYTES:
        raise LoadError(f"{show(name)} is larger than 8 MB; it is not a subscription list.")
    try:
        root = SafeTree.fromstring(data)
    except DefusedXmlException:
        raise LoadError(
            f"{show(name)} declares XML entities, which the reader refuses; "
            "export the list again from your feed reader."
        ) from None
    except SafeTree.ParseError as error:
        raise LoadError(
            f"{show(name)} is not valid XML ({show(str(error))}); "
            "export the list again from your feed reader."
        ) from None
    body = root.find("body") if root.tag.lower() == "opml" else None
    if body is None:
        raise LoadError(f"{show(name)} is not an OPML file (no <opml><body>); check the file.")
    found: list[Subscription] = []
    seen: set[str] = set()
    _walk(body, None, found, seen)
    return found


def _walk(node: Any, folder: str | None, found: list[Subscription], seen: set[str]) -> None:
    for outline in node.findall("outline"):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        url = _clean(attributes.get("xmlurl"))
        label = _clean(attributes.get("title")) or _clean(attributes.get("text"))
        if url and urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            site = _clean(attributes.get("htmlurl"))
            found.append(Subscription(url, label, site, folder))
        _walk(outline, label if not url else folder, found, seen)


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(clean_text(value).split()) or None


def write_opml(subscriptions: list[Subscription], title: str = "article-reader feeds") -> str:
    """An OPML 2.0 document listing `subscriptions`, folders as outlines holding their feeds."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = email.utils.formatdate(
        time.time(), usegmt=True
    )
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}
    for subscription in subscriptions:
        parent = body
        if subscription.folder:
            parent = folders.get(subscription.folder)  # type: ignore[assignment]
            if parent is None:
                parent = ElementTree.SubElement(
                    body, "outline", text=subscription.folder, title=subscription.folder
                )
                folders[subscription.folder] = parent
        label = subscription.title or subscription.url
        attributes = {"type": "rss", "text": label, "title": label, "xmlUrl": subscription.url}
        if subscription.site:
            attributes["htmlUrl"] = subscription.site
        ElementTree.SubElement(parent, "outline", attributes)
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
