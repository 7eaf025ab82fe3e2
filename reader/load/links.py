"""Which links an article keeps: `safe_href`, shared by the HTML and Markdown loaders.

Only `http`, `https` and `mailto` links are kept, resolved against the page's URL (or its
`<base>`), with every control character and space taken out, so an href can never carry a
terminal escape.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

#: Schemes a link may keep; javascript:, data:, file: and the rest are dropped.
KEPT_SCHEMES = frozenset({"http", "https", "mailto"})
#: The longest href kept (longer ones are junk or tracking payloads).
MAX_HREF = 2048
# Controls, spaces and bidi marks: never part of an href (a space inside one is junk).
_UNSAFE = re.compile("[\x00-\x20\x7f-\x9f\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def safe_href(href: str, base: str | None = None) -> str | None:
    """`href` resolved against `base`, cleaned of controls and spaces; None unless it is an
    http(s) link with a host or a mailto link."""
    href = _UNSAFE.sub("", href)
    if not href or len(href) > MAX_HREF or href.startswith("#"):
        return None
    if base:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in KEPT_SCHEMES:
        return None
    if scheme != "mailto" and not parts.netloc:
        return None
    if scheme == "mailto" and len(href) <= len("mailto:"):
        return None
    return href
