"""The key bar's row at the bottom of the reading screen."""

from __future__ import annotations

from textual.containers import Container


class KeyBarRow(Container):
    """The key bar's row, held empty in the first frame; the `Footer` goes in after it.

    The footer is a widget per key, so it is mounted once the article is on screen; holding its
    row from the start means the panes are laid out once, at their final height.
    """

    DEFAULT_CSS = """
    KeyBarRow {
        dock: bottom;
        height: 1;
        background: $footer-background;
    }
    """
