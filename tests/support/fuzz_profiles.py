"""Hypothesis settings shared by the property tests: a quick run in the suite, a long one
behind the `fuzz` marker (`pytest -m fuzz`), and hostile pieces to build inputs from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

QUICK = settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))

#: Pieces a hostile or broken document is made of: escapes, markup, quote marks, tags.
PIECES = (
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\x1bP1$q\x1b\\",
    "\x1b",
    "\x9b",
    "\x9d",
    "\x00",
    "\x07",
    "\x7f",
    "\u202e",
    "\u2066",
    "\ud800",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    " ",
    "[bold]",
    "[/]",
    "[link=https://x]",
    '"',
    "“",
    "”",
    "„",
    "«",
    "»",
    "''",
    "``",
    "’",
    "—",
    ". ",
    ", ",
    "said",
    "Ann Lee",
    "Mr. Okafor",
    "The council",
    "Paris",
    "Tuesday",
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "---",
    "```",
    "![a](b)",
    "[a](b)",
    "**",
    "_",
    "By Ann Lee",
    "Jan. 5, 2024",
    "(AP Photo/X)",
    "FILE - ",
    "\ufeff",
    "é",
    "e\u0301",
    "日本",
)
WORDS = st.sampled_from(PIECES) | st.text(max_size=12)
TEXT = st.lists(WORDS, max_size=60).map("".join)

TAGS = (
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<blockquote>",
    "</blockquote>",
    "<li>",
    "<ul>",
    "<figure><figcaption>",
    "</figcaption>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<style>",
    "<br>",
    "<!--",
    "-->",
    "<meta property='og:title' content='",
    "<meta name='author' content='",
    "'>",
    '<script type=\'application/ld+json\'>{"@type":"NewsArticle","headline":"',
    '","author":{"name":"\\u001b]0;x\\u0007\\ud800"}}</script>',
    "&#x1b;",
    "&#27;",
    "&#xD800;",
    "&#x202E;",
    "&amp;",
    "&lt;",
    "<![CDATA[",
    "<?xml ?>",
    "<html>",
    "<body>",
    "<head>",
    "<meta charset='utf-16'>",
    "<meta charset='x-bogus'>",
    "The council voted on Tuesday to rebuild the harbour wall. ",
)
HTML = st.lists(st.sampled_from(TAGS) | WORDS, max_size=80).map("".join)


def quick_and_long(check: Callable[..., None], *strategies: Any) -> tuple[Any, Any]:
    """Two tests of one property: a quick one for the suite and a long one marked `fuzz`."""
    from hypothesis import given

    quick = QUICK(given(*strategies)(check))
    long = pytest.mark.fuzz(LONG(given(*strategies)(check)))
    return quick, long
