"""The reading screen's keys, as data (`ReaderScreen.BINDINGS`).

Several keys are bound more than once (`escape`, `n`): the first binding whose action is enabled
wins, and `ReaderScreen.check_action` says which are enabled (searching, filtered, selected).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    # On a narrow screen the sidebar is a drawer: its key comes first in the key bar there.
    Binding("backslash", "toggle_drawer", "Sidebar (drawer)", id="reader.drawer"),
    Binding(
        "backslash", "toggle_sidebar", "Sidebar: hide / show", id="reader.sidebar", show=False
    ),
    # A priority binding: the keys typed straight after `/` go into the search bar.
    Binding("slash", "search", "Search", id="reader.search", priority=True),
    Binding("n,enter", "step_match(1)", "Next match (searching)", id="reader.next-match"),
    Binding(
        "N,shift+enter",
        "step_match(-1)",
        "Previous match (searching)",
        id="reader.previous-match",
        show=False,
    ),
    Binding("escape", "end_search", "End search", id="reader.end-search"),
    Binding(
        "f",
        "focus_filter",
        "Focus: only paragraphs with the entity (or quotes)",
        id="reader.focus-filter",
        show=False,
    ),
    Binding("escape", "unfilter", "Whole article again", id="reader.unfilter", show=False),
    Binding("n", "step_quote(1)", "Next quote", id="reader.next-quote"),
    Binding("W", "voices", "Who gets a voice", id="reader.voices", show=False),
    Binding("p", "step_quote(-1)", "Previous quote", id="reader.previous-quote", show=False),
    Binding("right_square_bracket", "step_mention(1)", "Next mention", id="reader.next-mention"),
    Binding(
        "left_square_bracket",
        "step_mention(-1)",
        "Previous mention",
        id="reader.previous-mention",
        show=False,
    ),
    Binding(
        "right_square_bracket,left_square_bracket",
        "mention_without_entity",
        "Mention keys with no entity selected: say so",
        id="reader.mention-without-entity",
        show=False,
    ),
    Binding(
        "v", "start_selection", "Select a passage to highlight", id="reader.select", show=False
    ),
    # While a passage is selected (`v`), these keys shape and keep it, wherever the focus is.
    Binding(
        "j,down",
        "grow_selection(1)",
        "Selecting: a sentence more",
        id="reader.select-more",
        show=False,
        priority=True,
    ),
    Binding(
        "k,up",
        "grow_selection(-1)",
        "Selecting: a sentence less",
        id="reader.select-less",
        show=False,
        priority=True,
    ),
    Binding(
        "w",
        "grow_selection(1, True)",
        "Selecting: a word more",
        id="reader.select-word-more",
        show=False,
        priority=True,
    ),
    Binding(
        "b",
        "grow_selection(-1, True)",
        "Selecting: a word less",
        id="reader.select-word-less",
        show=False,
        priority=True,
    ),
    Binding(
        "a",
        "keep_highlight",
        "Keep the selection as a highlight (a note, #tags)",
        id="reader.keep-highlight",
        priority=True,
    ),
    Binding(
        "escape",
        "cancel_selection",
        "Cancel the selection",
        id="reader.cancel-selection",
        priority=True,
    ),
    Binding(
        "apostrophe", "step_highlight(1)", "Next highlight", id="reader.next-highlight", show=False
    ),
    Binding(
        "quotation_mark",
        "step_highlight(-1)",
        "Previous highlight",
        id="reader.previous-highlight",
        show=False,
    ),
    Binding("H", "app.highlights", "All highlights", id="reader.highlights", show=False),
    Binding("y", "copy_quote", "Copy quote with citation", id="reader.copy-quote", show=False),
    Binding("escape", "clear_selection", "Clear selection", id="reader.clear-selection"),
    Binding("escape", "app.back", "Back to the list", id="reader.back", show=False),
    Binding("tab", "app.focus_next", "Next pane", id="reader.focus-next", show=False),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        id="reader.focus-previous",
        show=False,
    ),
    Binding("1", "focus_pane('article')", "Focus article", id="reader.focus-article", show=False),
    Binding(
        "2", "focus_pane('entities')", "Focus entities", id="reader.focus-entities", show=False
    ),
    Binding("3", "focus_pane('quotes')", "Focus quotes", id="reader.focus-quotes", show=False),
    Binding("plus", "app.change_reading_width(1)", "Wider text", id="reader.wider", show=False),
    Binding(
        "minus",
        "app.change_reading_width(-1)",
        "Narrower text",
        id="reader.narrower",
        show=False,
    ),
    Binding("e", "export", "Export quotes and entities", id="reader.export", show=False),
    Binding("r", "rename_entity", "Rename entity", id="reader.rename-entity", show=False),
    Binding("m", "merge_entity", "Merge entity into another", id="reader.merge-entity", show=False),
    Binding("s", "fix_speaker", "Set the quote's speaker", id="reader.fix-speaker", show=False),
    Binding("u", "undo_correction", "Undo the last correction", id="reader.undo", show=False),
    Binding("o", "link_hints", "Links: number those on screen", id="reader.link-hints"),
    Binding(
        "O",
        "open_in_browser",
        "Open the page in the browser (in hints: the link)",
        id="reader.open-in-browser",
        show=False,
    ),
    Binding("L", "links_list", "List the links", id="reader.links-list", show=False),
    Binding(
        "backspace,ctrl+o",
        "app.history_back",
        "Back to the article before",
        id="reader.history-back",
        show=False,
    ),
    Binding(
        "shift+backspace,ctrl+i",
        "app.history_forward",
        "Forward to the article after",
        id="reader.history-forward",
        show=False,
    ),
    Binding(
        "colon", "app.open_source", "Open a file or web address", id="reader.open", show=False
    ),
    Binding("h", "app.show_library", "History and library", id="reader.library", show=False),
    Binding("question_mark", "app.help", "Help", id="reader.help"),
    Binding("q", "app.quit", "Quit", id="reader.quit"),
]
