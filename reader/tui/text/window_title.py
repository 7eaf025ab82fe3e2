"""The terminal's title for an article (no Textual): one clean line, never a control."""

from __future__ import annotations

from reader.sanitize import clean_text

#: The longest title handed to the terminal, in characters.
MAX_TITLE = 120


def window_title(title: str) -> str:
    """`title` fit for an OSC 2 sequence: no control, escape or bidi override (`clean_text`),
    whitespace squashed to single spaces, cut at `MAX_TITLE` with an ellipsis."""
    line = " ".join(clean_text(title).split())
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1] + "…"


def title_sequence(title: str) -> str:
    """The escape sequence that sets the terminal's (window and tab) title to `title`."""
    return f"\x1b]2;{window_title(title)}\x1b\\"


#: Keep the terminal's own title on its stack while the reader runs, and put it back (xterm).
PUSH_TITLE = "\x1b[22;2t"
POP_TITLE = "\x1b[23;2t"
