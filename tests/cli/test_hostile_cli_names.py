"""A file name with terminal escapes, or with bytes that are not UTF-8, through `reader
extract` in a subprocess: every format writes it clean (the `source` field included), and
an error sentence that names it is clean too."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.hostile_helpers import FORBIDDEN

ROOT = Path(__file__).resolve().parents[2]
PAGE = (
    "<html><head><title>Harbour wall vote</title></head><body><article><p>The council voted "
    'on Tuesday to rebuild the harbour wall. "We cannot wait another winter," said Mayor '
    "Ruth Okafor, who has argued for the work since the spring storms.</p></article></body></html>"
)
#: OSC 0, OSC 52, CSI, C1 (8-bit CSI), a bidi override, and a byte that is not UTF-8.
NAME = b"x\x1b]0;pwned\x07\x1b]52;c;SGFja2Vk\x07\x1b[2J\xc2\x9b31m\xe2\x80\xaey\xff.html"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"},
    )


@pytest.fixture
def hostile_name(tmp_path: Path) -> str:
    path = os.path.join(os.fsencode(tmp_path), NAME)
    with open(path, "wb") as out:
        out.write(PAGE.encode())
    return os.fsdecode(path)


@pytest.mark.parametrize("format_name", ["json", "jsonl", "csv", "markdown"])
def test_every_format_writes_the_source_clean(hostile_name: str, format_name: str) -> None:
    result = run("extract", hostile_name, "--format", format_name, "--no-cache")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")  # valid UTF-8: no surrogate was written
    found = FORBIDDEN.search(out.replace("\r\n", "\n"))
    assert found is None, f"{found.group()!r} in the {format_name} output"
    shown = "xy\ufffd.html"
    if format_name in ("json", "jsonl"):
        assert json.loads(out.splitlines()[0] if format_name == "jsonl" else out)[
            "source"
        ].endswith(shown)
    elif format_name == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and rows[0]["source"].endswith(shown)


def test_an_error_sentence_names_the_file_clean(tmp_path: Path) -> None:
    path = os.path.join(os.fsencode(tmp_path), NAME.replace(b".html", b".txt"))
    open(path, "wb").close()  # empty: no article
    result = run("extract", os.fsdecode(path), "--format", "text")
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "xy\ufffd.txt is empty" in err
    assert FORBIDDEN.search(err) is None
