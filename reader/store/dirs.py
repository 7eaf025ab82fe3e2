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
CONFIG_FILE = "config.toml"


def data_dir() -> Path:
    """The folder for the reader's databases."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


def config_dir() -> Path:
    """The folder that holds `config.toml`."""
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Where the analysis cache lives: `READER_CACHE_DIR`, else the user cache directory."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def library_path() -> Path:
    """The database of history, reading places, corrections and remembered choices."""
    return data_dir() / LIBRARY_FILE


def config_path() -> Path:
    """The settings file read when `reader --config` names no other."""
    return config_dir() / CONFIG_FILE
