"""The sidebar of the reading screen: `\\` hides or shows it, and below `NARROW_BELOW` columns
it becomes a drawer over the article, which then gets the whole width (a mixin typed by the
`SidebarHost` Protocol).

The width is read by Textual's breakpoints (`HORIZONTAL_BREAKPOINTS`, the classes `-narrow`
and `-wide` on the screen); the stylesheet (`reader.tcss`) does the rest. On a wide screen
`\\` hides the sidebar (`-sidebar-hidden`); on a narrow one it opens the drawer
(`-drawer-open`), as `2` and `3` do, and `1` (the article) closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from textual.widget import Widget

#: Below this many columns, the sidebar is a drawer and the article gets the width.
NARROW_BELOW = 90

#: The panes `1`, `2`, `3` focus, by name, with the widget that takes the focus.
PANES = {"article": "#article", "entities": "#entity-list", "quotes": "#quote-list"}


class SidebarHost(Protocol):
    """What the sidebar actions need of the screen they are mixed into."""

    @property
    def focused(self) -> Widget | None: ...

    def has_class(self, *class_names: str) -> bool: ...

    def set_class(self, add: bool, *class_names: str, update: bool = True) -> object: ...

    def set_focus(self, widget: Widget | None) -> None: ...

    def refresh_bindings(self) -> None: ...

    def call_after_refresh(self, callback: Callable[[], object]) -> bool: ...

    def query_one(self, selector: str) -> Widget: ...

    def notify(self, message: str, *, markup: bool = True) -> None: ...

    _laid_out_narrow: bool | None

    @property
    def narrow(self) -> bool: ...

    @property
    def sidebar_shown(self) -> bool: ...

    def _show_sidebar(self, shown: bool) -> None: ...

    def _layout_changed(self) -> None: ...

    def action_toggle_sidebar(self) -> None: ...


class SidebarActions:
    """`\\`, the panes `1` `2` `3`, and the drawer on narrow screens."""

    _laid_out_narrow: bool | None = None
    """Whether the screen was narrow when last laid out (None: not yet)."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (NARROW_BELOW, "-wide"),
    ]

    @property
    def narrow(self: SidebarHost) -> bool:
        """Whether the screen is narrow: the sidebar is a drawer there."""
        return self.has_class("-narrow")

    @property
    def sidebar_shown(self: SidebarHost) -> bool:
        if self.narrow:
            return self.has_class("-drawer-open")
        return not self.has_class("-sidebar-hidden")

    def _show_sidebar(self: SidebarHost, shown: bool) -> None:
        if self.narrow:
            self.set_class(shown, "-drawer-open")
        else:
            self.set_class(not shown, "-sidebar-hidden")

    def on_resize(self: SidebarHost) -> None:
        # Before Textual's own handler sets the breakpoint classes: look once they are set.
        self.call_after_refresh(self._layout_changed)

    def _layout_changed(self: SidebarHost) -> None:
        """The key bar names `\\` on narrow screens only; a pane hidden away gives the focus
        back to the article. Only when the layout changed: the key bar is not built again
        for every resize (nor at the first, before it is there)."""
        narrow = self.narrow
        if narrow == self._laid_out_narrow:
            return
        first = self._laid_out_narrow is None
        self._laid_out_narrow = narrow
        if first:
            return
        self.refresh_bindings()
        focused = self.focused
        # Textual takes the focus from a pane that is hidden (None), or it is still there.
        lost = focused is None or focused.id in ("entity-list", "quote-list")
        if lost and not self.sidebar_shown:
            self.set_focus(self.query_one(PANES["article"]))

    def check_action(self: SidebarHost, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`\\` is one key with two bindings: the drawer's on narrow screens (in the key bar
        there), the sidebar's on wide ones."""
        if action in ("toggle_sidebar", "toggle_drawer"):
            return self.narrow == (action == "toggle_drawer")
        return True

    def action_toggle_drawer(self: SidebarHost) -> None:
        """`\\` on a narrow screen: open or close the drawer."""
        self.action_toggle_sidebar()

    def action_toggle_sidebar(self: SidebarHost) -> None:
        """Hide the sidebar, or show it (on a narrow screen: open or close the drawer, the
        focus going into it or back to the article)."""
        shown = not self.sidebar_shown
        self._show_sidebar(shown)
        if shown and self.narrow:
            self.set_focus(self.query_one(PANES["entities"]))
        elif not shown:
            self.set_focus(self.query_one(PANES["article"]))

    def action_focus_pane(self: SidebarHost, pane: str) -> None:
        """Focus a pane (the sidebar's open on the way; on a narrow screen the article
        closes the drawer)."""
        if pane == "article":
            if self.narrow:
                self._show_sidebar(False)
        elif not self.sidebar_shown:
            self._show_sidebar(True)
        # At once, not as `Widget.focus` does (after the messages already queued): a key
        # typed right after this one goes to the pane it chose.
        self.set_focus(self.query_one(PANES[pane]))
