"""The settings file, `config.toml`: theme, reading width, key remaps and the export folder.

`load_settings` never raises: a file that cannot be read or parsed gives the defaults, a bad
value gives the default for that setting, and either way one sentence says what was wrong
(the app shows it as a notification, the command line on stderr). No Textual here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.record import Record
from reader.store.db import StoreUnavailable
from reader.store.dirs import config_path

#: The narrowest and widest reading column a config may ask for, in cells (the reader's
#: own limits for `+` / `-`, in `reader.tui.text.measure`).
READING_WIDTH_RANGE = (40, 160)


@dataclass(frozen=True, eq=False, repr=False)
class Settings(Record):
    """What the config file asks for; `None` means "the reader's default"."""

    theme: str | None = None
    reading_width: int | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    export_dir: Path | None = None


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings in `path` (default: the user's config file) and one sentence, if wrong.

    A missing default file is not a problem; a missing file named with `--config` is.
    """
    named = path is not None
    try:
        path = path if path is not None else config_path()
    except StoreUnavailable as error:
        return Settings(), f"No config file was read: {error}; using the default settings."
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not named:
            return Settings(), None
        return Settings(), f"No config file at {path}; using the default settings."
    except OSError as error:
        return Settings(), (
            f"Cannot read the config file {path} ({error.strerror or error}); "
            "using the default settings."
        )
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(), (
            f"The config file {path} is not valid TOML ({error}); using the default settings."
        )
    settings, problems = settings_from_dict(data)
    if not problems:
        return settings, None
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return settings, f"In the config file {path}, {problems[0]}{more}; the defaults stand in."


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, and a phrase for each value that was left at its default."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        check = _CHECKS.get(key)
        if check is None:
            problems.append(f"{key!r} is not a setting")
            continue
        checked, problem = check(value)
        if problem:
            problems.append(f"{key} {problem}")
        else:
            values[key] = checked
    return Settings(**values), problems


def _check_theme(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, "must be a theme name in quotes"


def _check_reading_width(value: Any) -> tuple[Any, str | None]:
    low, high = READING_WIDTH_RANGE
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value, None
    return None, f"must be a whole number from {low} to {high}"


def _check_keymap(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, dict):
        return None, 'must be a table of binding ids and keys, like {"reader.next-quote" = "n"}'
    for binding_id, keys in value.items():
        if not isinstance(keys, str) or not keys.strip():
            return None, f'gives {binding_id!r} no keys (write them as "ctrl+n" or "n,j")'
    return {binding_id: keys.strip() for binding_id, keys in value.items()}, None


def _check_export_dir(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return Path(value.strip()).expanduser(), None
    return None, "must be a folder path in quotes"


_CHECKS = {
    "theme": _check_theme,
    "reading_width": _check_reading_width,
    "keymap": _check_keymap,
    "export_dir": _check_export_dir,
}
