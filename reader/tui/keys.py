"""Every key binding of the reader, read from the widgets and screens that own them.

The help screen and README's key table are both generated from here, so neither can drift
from the real bindings. `python -m reader.tui.keys` prints the Markdown table that goes
between README's `<!-- keys:start -->` and `<!-- keys:end -->` markers (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

#: How key names are written for people.
_KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "colon": ":",
    "backslash": "\\",
    "apostrophe": "'",
    "quotation_mark": '"',
    "shift+enter": "Shift+Enter",
    "ctrl+t": "Ctrl+T",
    "backspace": "Backspace",
    "delete": "Del",
    "shift+backspace": "Shift+Backspace",
}


def _key_name(key: str) -> str:
    """One key as people write it: `ctrl+n` -> `Ctrl+N`, `pagedown` -> `PgDn`."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    *modifiers, last = key.split("+")
    if not modifiers:
        return key
    return "+".join([*(m.capitalize() for m in modifiers), _KEY_NAMES.get(last, last.upper())])


def key_display(keys: str) -> str:
    """`"j,down"` -> `"j / ↓"`."""
    return " / ".join(_key_name(key.strip()) for key in keys.split(","))


def _owners() -> list[tuple[str, type[DOMNode]]]:
    """Where each set of keys works, with the class that owns the bindings."""
    from reader.tui.dialogs.choice_prompt import ChoiceList, ChoicePrompt
    from reader.tui.dialogs.help import HelpScreen
    from reader.tui.dialogs.links_list import LinksList
    from reader.tui.dialogs.open_prompt import OpenPrompt
    from reader.tui.dialogs.quote_card import QuoteCard
    from reader.tui.dialogs.text_prompt import TextPrompt
    from reader.tui.dialogs.voice_panel import VoicePanel
    from reader.tui.screens.feeds import FeedsScreen
    from reader.tui.screens.highlights import HighlightsScreen
    from reader.tui.screens.library import ArticleTable, LibraryScreen
    from reader.tui.screens.people import PeopleScreen
    from reader.tui.screens.reader import ReaderScreen
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.entities_pane import EntityList
    from reader.tui.widgets.feed_lists import FeedList, ItemList
    from reader.tui.widgets.filter_input import FilterInput
    from reader.tui.widgets.highlight_list import HighlightList
    from reader.tui.widgets.people_list import PeopleList
    from reader.tui.widgets.quotes_pane import QuoteList
    from reader.tui.widgets.search_bar import SearchBar

    return [
        ("Anywhere", ReaderScreen),
        ("Article", ArticleView),
        ("Entities", EntityList),
        ("List filter", FilterInput),
        ("Quotes", QuoteList),
        ("Search bar", SearchBar),
        ("Quote card", QuoteCard),
        ("Links list", LinksList),
        ("Help", HelpScreen),
        ("Library", LibraryScreen),
        ("Library list", ArticleTable),
        ("Feeds", FeedsScreen),
        ("Feed list", FeedList),
        ("Feed items", ItemList),
        ("People", PeopleScreen),
        ("People list", PeopleList),
        ("Who gets a voice", VoicePanel),
        ("Highlights", HighlightsScreen),
        ("Highlights list", HighlightList),
        ("Choice", ChoicePrompt),
        ("Choice list", ChoiceList),
        ("Text prompt", TextPrompt),
        ("Open prompt", OpenPrompt),
    ]


def _bindings(owner: type[DOMNode]) -> list[Binding]:
    found: list[BindingType] = list(owner.__dict__.get("BINDINGS", []))
    return [binding for binding in found if isinstance(binding, Binding)]


def key_sections(
    keymap: Mapping[str, str] | None = None,
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Per place (`Anywhere`, `Article`, ...), its `(keys, description, binding id)` rows;
    `keymap` (binding id -> keys) gives the keys a user's config put in place of the default."""
    keymap = keymap or {}

    def keys(binding: Binding) -> str:
        return keymap.get(binding.id, binding.key) if binding.id else binding.key

    return [
        (where, [(key_display(keys(b)), b.description, b.id or "") for b in _bindings(owner)])
        for where, owner in _owners()
    ]


def key_rows() -> list[tuple[str, str, str]]:
    """Every binding as `(keys, description, binding id)`, in the order of the help screen."""
    return [row for _, rows in key_sections() for row in rows]


def markdown_table() -> str:
    """The key map as a Markdown table, as it appears in README.md."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| Where | Keys | Action | Binding id |", "| :- | :- | :- | :- |"]
    for where, rows in key_sections():
        for keys, description, binding_id in rows:
            lines.append(f"| {where} | {cell(keys)} | {cell(description)} | `{binding_id}` |")
    return "\n".join(lines) + "\n"


README_START = "<!-- keys:start -->"
README_END = "<!-- keys:end -->"


def readme_section(readme: str) -> str:
    """The text between README's key-table markers, without the blank lines around it."""
    start = readme.index(README_START) + len(README_START)
    return readme[start : readme.index(README_END, start)].strip("\n") + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
