"""What a page's class and id values say to the density scorer (`density`): page furniture,
and the weight of a container that usually holds the article. Each distinct value is
searched once per page (`ClassWords`).
"""

from __future__ import annotations

import re

# Class or id words of page furniture, and of containers that usually hold the article.
UNLIKELY_RE = re.compile(
    r"comment|disqus|foot|masthead|menu|sidebar|sponsor|ad-break|agegate|pagination|\bpager\b|"
    r"popup|share|sharing|social|related|recommend|newsletter|subscri|promo|breadcrumb|"
    r"cookie|banner|outbrain|taboola|widget|navbar|navigation|\bnav\b|toolbar|signup|"
    r"most-?popular|trending|read-?more|more-?stories|paywall|modal",
    re.IGNORECASE,
)
POSITIVE_RE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    re.IGNORECASE,
)
NEGATIVE_RE = re.compile(
    r"combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|"
    r"related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|share|social",
    re.IGNORECASE,
)
# The same three, case-sensitive, for a value in ASCII lowered (their words are lower case):
# three times quicker than the case-blind search, and the same answer (for other text,
# Unicode case rules differ from lowering, so the case-blind ones answer).
UNLIKELY_ASCII_RE = re.compile(UNLIKELY_RE.pattern)
POSITIVE_ASCII_RE = re.compile(POSITIVE_RE.pattern)
NEGATIVE_ASCII_RE = re.compile(NEGATIVE_RE.pattern)


class ClassWords:
    """What a page's class and id values say (furniture; the class weight), each distinct
    value searched once for the page.

    A page repeats a few hundred values over thousands of elements, and searching each
    element's with these case-blind alternations was half the scorer's time (an ASCII
    value, nearly all of them, is searched lowered, case-sensitively: quicker). The memo
    lives for one page (`density_blocks`), so a page costs the same however many were read
    before it.
    """

    __slots__ = ("_unlikely", "_weights")

    def __init__(self) -> None:
        self._unlikely: dict[str, bool] = {}
        self._weights: dict[str, int] = {}

    def unlikely(self, attributes: str) -> bool:
        """Whether a class and id (`density._attributes`) name page furniture (`UNLIKELY_RE`)."""
        found = self._unlikely.get(attributes)
        if found is None:
            if attributes.isascii():
                found = UNLIKELY_ASCII_RE.search(attributes.lower()) is not None
            else:
                found = UNLIKELY_RE.search(attributes) is not None
            self._unlikely[attributes] = found
        return found

    def weight(self, value: str) -> int:
        """One class or id value's share of `density._class_weight`."""
        found = self._weights.get(value)
        if found is None:
            if value.isascii():
                text, negative, positive = value.lower(), NEGATIVE_ASCII_RE, POSITIVE_ASCII_RE
            else:
                text, negative, positive = value, NEGATIVE_RE, POSITIVE_RE
            found = (25 if positive.search(text) else 0) - (25 if negative.search(text) else 0)
            self._weights[value] = found
        return found
