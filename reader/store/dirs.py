"""Where the reader keeps its files: the user data, config and cache directories (platformdirs).

`READER_DATA_DIR`, `READER_CONFIG_DIR` and `READER_CACHE_DIR` override them (tests point
them at temporary folders; a user can point them anywhere). Read at call time, never at
import.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "article-reader"
LIBRARY_FILE = "library.sqlite3"
ARCHIVE_FILE = "archive.sqlite3"
CONFIG_FILE = "config.toml"


def _override(variable: str) -> Path | None:
    """The folder the environment `variable` names, `~` expanded; None if it is unset.

    Raises `StoreUnavailable` (one sentence) when it names the home folder of a user who
    does not exist (`~nosuchuser/x`): the callers carry on without that store."""
    value = os.environ.get(variable)
    if not value:
        return None
    try:
        return Path(value).expanduser()
    except RuntimeError:  # pathlib: "Could not determine home directory."
        from reader.store.db import StoreUnavailable

        raise StoreUnavailable(
            f"{variable}={value} names the home folder of a user that does not exist"
        ) from None


def data_dir() -> Path:
    """The folder for the reader's databases."""
    override = _override("READER_DATA_DIR")
    if override is not None:
        return override
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


def config_dir() -> Path:
    """The folder that holds `config.toml`."""
    override = _override("READER_CONFIG_DIR")
    if override is not None:
        return override
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Where the analysis cache lives: `READER_CACHE_DIR`, else the user cache directory."""
    override = _override("READER_CACHE_DIR")
    if override is not None:
        return override
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def library_path() -> Path:
    """The database of history, reading places, corrections and remembered choices."""
    return data_dir() / LIBRARY_FILE


def archive_path() -> Path:
    """The archive of every article analysed: its text, quotes, entities and the people."""
    return data_dir() / ARCHIVE_FILE


def config_path() -> Path:
    """The settings file read when `reader --config` names no other."""
    return config_dir() / CONFIG_FILE
