"""Whether a file in a folder reads as an article, by its content: a folder of articles often
holds a README (headings, tables, lists and code around a few sentences) or a licence too.

Only the start of the file is read, so judging a folder stays cheap. A file that is judged
an article may still hold none; the extractor then says so (`NoArticleError`).
"""

from __future__ import annotations

import re
from pathlib import Path

#: How much of a file is read to judge it.
HEAD_BYTES = 64 * 1024

#: Below this share of its words in prose paragraphs, a Markdown file is not an article.
MIN_PROSE_SHARE = 0.5

_FENCE = re.compile(r"^(```|~~~)")
_NOT_PROSE = re.compile(
    r"""^(?:
        \#{1,6}\s              # a heading
      | [-*+]\s | \d+[.)]\s    # a list item
      | \|                     # a table row
      | <                      # HTML
      | \[[^\]]+\]:\s          # a link definition
      | !\[ | \[!\[            # an image, a badge
      | [=-]{3,}$ | [*_]{3,}$  # an underline, a rule
    )""",
    re.VERBOSE,
)
_LICENCE = re.compile(
    r"permission is hereby granted|gnu (?:affero |lesser )?general public license"
    r"|apache license|mozilla public license|redistribution and use in source and binary"
    r"|licensed under the",
    re.IGNORECASE,
)


def prose_share(markdown: str) -> float:
    """The share of the words of `markdown` that stand in prose paragraphs, not in headings,
    lists, tables, code, HTML or link definitions. 1.0 for a text without words."""
    prose = total = 0
    in_fence = False
    after_blank = True
    for raw in markdown.splitlines():
        stripped = raw.strip()
        words = len(stripped.split())
        total += words
        if _FENCE.match(stripped):
            in_fence = not in_fence
        elif not in_fence and stripped:
            indented_code = after_blank and raw.startswith(("    ", "\t"))
            if not indented_code and not _NOT_PROSE.match(stripped):
                prose += words
        after_blank = not stripped
    return prose / total if total else 1.0


def reads_as_article(path: Path, kind: str) -> bool:
    """Whether the file at `path`, of document `kind`, looks like an article by its start: a
    Markdown file mostly of prose, a text file that is not a licence. Web pages are judged
    by the extractor, when they are read. A file that cannot be read counts as an article,
    so that reading it says what is wrong."""
    if kind not in ("markdown", "text"):
        return True
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:  # the loader gives the sentence for what is wrong
        return True
    text = head.decode("utf-8", errors="replace")  # enough to tell prose from structure
    if _LICENCE.search(text[:2000]):
        return False
    return kind != "markdown" or prose_share(text) >= MIN_PROSE_SHARE
