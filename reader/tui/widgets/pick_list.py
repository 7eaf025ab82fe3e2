"""An `OptionList` with the reader's list keys (vim and arrows), each binding with an id."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList

from reader.tui.widgets.row_list import list_bindings

__all__ = ["PickList", "list_bindings"]


class PickList(OptionList, inherit_bindings=False):
    """A list moved with `j`/`k` or the arrows; `enter` picks the highlighted item.

    A subclass sets its `BINDINGS` from `list_bindings(prefix, ...)`: the prefix names the
    list in binding ids (`choice.down`), so that a keymap can remap one list without another.
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    DEFAULT_CSS = """
    PickList {
        border: none;
        padding: 0 0 0 1;
        background: transparent;
        scrollbar-size-vertical: 1;
        &:focus { border: none; background-tint: transparent; }
        & > .option-list--option-disabled { color: $text-secondary; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
