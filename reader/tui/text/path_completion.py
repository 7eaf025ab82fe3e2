"""Completing a path typed in a prompt (no Textual): what Tab adds to `~/news/ba`.

The answer keeps what was typed (a `~` stays a `~`) and adds the rest of the longest name that
every match starts with; a single folder gets its `/`, so the next Tab lists inside it. A web
address is never completed.
"""

from __future__ import annotations

import os
from pathlib import Path

#: How many entries of one folder are looked at, at most (a huge folder stays quick).
MAX_ENTRIES = 5_000


def complete_path(typed: str, cwd: Path | None = None) -> str | None:
    """`typed` completed as far as the file names under it agree, or None (no match, a web
    address, nothing typed). With several matches and no common part beyond what is typed,
    the first match in order is offered, as a hint of what is there."""
    if not typed or "://" in typed or typed.startswith(("http:", "https:", "mailto:")):
        return None
    folder_typed, _, stem = typed.rpartition("/")
    if "/" in typed:
        folder_typed += "/"
    folder = Path(os.path.expanduser(folder_typed or "."))
    if not folder.is_absolute():
        folder = (cwd or Path.cwd()) / folder
    matches = _names_starting(folder, stem)
    if not matches:
        return None
    common = os.path.commonprefix(matches)
    if len(matches) == 1 and (folder / common).is_dir():
        common += "/"
    if len(common) <= len(stem):
        common = matches[0] + ("/" if (folder / matches[0]).is_dir() else "")
    return folder_typed + common


def _names_starting(folder: Path, stem: str) -> list[str]:
    """The names in `folder` that start with `stem`, sorted; hidden ones only when `stem`
    starts with a dot."""
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for number, entry in enumerate(entries):
                if number >= MAX_ENTRIES:
                    break
                name = entry.name
                if name.startswith(stem) and (stem.startswith(".") or not name.startswith(".")):
                    names.append(name)
    except OSError:
        return []
    return sorted(names)
