"""Who gets a voice, as a panel: the report's Rich view (bars drawn with Rich) in a scrolling
box; `x` writes it as CSV into the export folder, `escape` closes. Handed the report and the
folder as data; it imports no screen."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.archive.voice import VoiceReport, voice_csv, voice_view


class VoicePanel(ModalScreen[None]):
    """The voice report of one article, the archive, an outlet or a date range."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,W", "dismiss", "Close", id="voice.close"),
        Binding("x", "export", "Export as CSV", id="voice.export"),
    ]

    DEFAULT_CSS = """
    VoicePanel {
        align: center middle;
        background: $background 60%;
        & > #voice-box {
            width: 80;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            padding: 0 1;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
        }
    }
    """

    def __init__(self, report: VoiceReport, export_folder: Path, stem: str) -> None:
        super().__init__()
        self.report = report
        self.export_folder = export_folder
        self.stem = stem

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="voice-box") as box:
            box.border_title = "Who gets a voice"
            box.border_subtitle = "x: CSV · esc: close"
            yield Static(voice_view(self.report), id="voice-view")

    def action_export(self) -> None:
        path = self.export_folder / f"{self.stem}-voices.csv"
        counter = 1
        while path.exists():
            counter += 1
            path = self.export_folder / f"{self.stem}-voices-{counter}.csv"
        try:
            path.write_text(voice_csv(self.report), encoding="utf-8", newline="")
        except OSError as error:
            self.notify(f"Cannot write {path}: {error.strerror}.", severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", title="Exported", markup=False)
