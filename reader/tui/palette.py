"""Command palette entries for every action that has a key where the palette was opened.

Each entry is titled with the binding's description and shows its keys, so the palette is
also a way to learn them; choosing it runs the action on the widget or screen that owns the
binding, exactly as the key would.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from reader.tui.keys import key_display

#: Actions the palette already offers, or that only make sense as keys.
_LEFT_OUT = {"command_palette", "app.command_palette"}


def export_commands(screen: Screen, folder: Path) -> list[SystemCommand]:
    """On the reading screen, one command per export format that writes files into `folder`."""
    from reader.keep.export import FORMATS, saved_formats
    from reader.tui.screens.reader import ReaderScreen

    if not isinstance(screen, ReaderScreen):
        return []
    return [
        SystemCommand(
            f"Export as {label}",
            f"write the quotes and entities as {label} in {folder}",
            lambda name=name: screen.action_export(name),
        )
        for name, label in ((name, FORMATS[name].label()) for name, _ in saved_formats())
    ]


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    """One command per enabled, described binding active on `screen`, with its keys."""
    found: dict[tuple[int, str], tuple[DOMNode, Binding, list[str]]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or not binding.description or binding.action in _LEFT_OUT:
            continue
        entry = found.setdefault((id(active.node), binding.action), (active.node, binding, []))
        entry[2].append(key)
    for node, binding, keys in found.values():
        yield SystemCommand(
            binding.description,
            f"key: {key_display(','.join(keys))}",
            partial(screen.app.run_action, binding.action, node),
        )
