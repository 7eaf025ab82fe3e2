"""The anchor for first-paint timings: the smallest Textual app, one `Static` with some text.

python benchmarks/minimal_app.py TEXT_FILE

`q` quits, as in the reader, so that quitting has an anchor too: Textual's own shutdown (its
input thread polls the terminal every 100 ms and is joined on exit) is in both.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]  # the anchor for quitting too

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    MinimalApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
