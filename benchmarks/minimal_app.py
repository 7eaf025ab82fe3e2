"""The anchor for first-paint timings: the smallest Textual app, one `Static` with some text.

python benchmarks/minimal_app.py [--keys] TEXT_FILE

`q` quits, as in the reader, so that quitting has an anchor too: Textual's own shutdown (its
input thread polls the terminal every 100 ms and is joined on exit) is in both.

With `--keys` the anchor for key latency: the text, repeated, in a `VerticalScroll` that `j`
and `k` scroll by a line, as the reader's do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]  # the anchor for quitting too

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


class MinimalScrollingApp(App[None]):
    BINDINGS = [("q", "quit", "Quit"), ("j", "line(1)", "Down"), ("k", "line(-1)", "Up")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = "\n\n".join([text] * 50)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False)

    def action_line(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)


if __name__ == "__main__":
    keys = sys.argv[1] == "--keys"
    text = Path(sys.argv[-1]).read_text(encoding="utf-8")
    (MinimalScrollingApp(text) if keys else MinimalApp(text)).run()
