"""Which screens are lists that articles are opened from (`back` returns to them), answered
without importing them."""

from __future__ import annotations

import sys

from textual.screen import Screen

#: The screens an article is opened from, by module: `back` returns to them.
_LIST_SCREENS = (
    ("reader.tui.screens.library", "LibraryScreen"),
    ("reader.tui.screens.feeds", "FeedsScreen"),
    ("reader.tui.screens.highlights", "HighlightsScreen"),
    ("reader.tui.screens.people", "PeopleScreen"),
)


def is_a_list(screen: Screen[object]) -> bool:
    """Whether `screen` is a list articles are opened from. Asked for every key bar, from the
    first paint on: a class whose module was never imported has no screen on the stack, so
    no module (the feeds bring their store and parser) is imported to answer."""
    for module_name, class_name in _LIST_SCREENS:
        module = sys.modules.get(module_name)
        if module is not None and isinstance(screen, getattr(module, class_name)):
            return True
    return False
