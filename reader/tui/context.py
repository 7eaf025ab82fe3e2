"""What the screens are handed by the app: the stores, the export folder, the keymap, the time
of the last key. Screens read these here, never through attributes of the app."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.record import MutableRecord

if TYPE_CHECKING:
    from reader.archive.ingest import Archiver
    from reader.model import Article
    from reader.store.cache import AnalysisCache
    from reader.store.library import Library


@dataclass(eq=False, repr=False)
class ReaderContext(MutableRecord):
    """The app's dependencies, built once by the app and handed to every screen."""

    cache: AnalysisCache | None = None
    """Where a finished analysis is stored, and looked up first (None: no cache)."""
    library: Library | None = None
    """History, reading places and corrections (None: nothing is kept)."""
    export_dir: Path | None = None
    """The configured export folder (None: the working directory)."""
    keymap: Mapping[str, str] = field(default_factory=dict)
    """The user's remapped keys: binding id -> keys."""
    last_key_at: float = float("-inf")
    """When the last key was pressed (`time.monotonic`); the app keeps it up to date."""
    note_quote_count: Callable[[Article, int], None] | None = None
    """Notes an article's quote count in the history, for the library."""
    archiver: Archiver | None = None
    """Keeps every article analysed in the archive, off the UI thread (None: not kept)."""

    @property
    def export_folder(self) -> Path:
        """Where exports are written."""
        return self.export_dir or Path.cwd()
