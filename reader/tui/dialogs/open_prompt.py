"""`:` asks for a file or a web address to open; Tab completes a path as a shell does."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from reader.tui.dialogs.text_prompt import TextPrompt
from reader.tui.text.path_completion import complete_path


class PathSuggester(Suggester):
    """Offers the rest of a path, from the files that are there (`complete_path`)."""

    def __init__(self, cwd: Path | None = None) -> None:
        # Not cached: a folder's files change while the reader runs.
        super().__init__(use_cache=False, case_sensitive=True)
        self.cwd = cwd

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, self.cwd)


class OpenPrompt(TextPrompt):
    """A file or a web address to open in the reader; dismissed with it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the path", id="open.complete"),
    ]

    def __init__(self, value: str = "", *, cwd: Path | None = None) -> None:
        super().__init__(
            "Open",
            "A file or a web address to read (Tab completes a path):",
            value,
            suggester=PathSuggester(cwd),
        )

    def action_complete(self) -> None:
        """Take the completion offered; with none, the bell."""
        answer = self.query_one("#answer", Input)
        before = answer.value
        answer.cursor_position = len(before)
        answer.action_cursor_right()  # at the end, this takes the suggestion
        if answer.value == before:
            self.app.bell()
