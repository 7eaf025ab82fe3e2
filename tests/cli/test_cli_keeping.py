"""`reader extract --format csv`, and how `reader` starts: settings, library, folders."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store.library import Library
from reader.tui.launch import LAST_FOLDER, Launch

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "voa-korea-olympics-talks.txt"
TRAMS = ROOT / "sample_articles" / "lisbon-free-trams.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def extract(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """`reader extract ...` in this process (the language model is loaded once per session)."""
    from reader.cli import main

    assert main(["extract", *args]) == 0
    return capsys.readouterr().out


def test_extract_csv_is_one_table_of_quotes_for_all_sources(
    nlp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = extract(capsys, str(SEED), str(TRAMS), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["source"] for row in rows} == {str(SEED), str(TRAMS)}
    newsham = [row for row in rows if row["speaker"] == "Grant Newsham"]
    assert len(newsham) == 3
    assert newsham[0]["citation"].startswith("“") and "— Grant Newsham, " in newsham[0]["citation"]


def test_extract_csv_what_entities(nlp: object, capsys: pytest.CaptureFixture[str]) -> None:
    out = extract(capsys, str(SEED), "--format", "csv", "--what", "entities")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0].keys() >= {"id", "name", "type", "aliases", "mentions"}
    assert any(row["name"] == "Kim Jong Un" and row["type"] == "PERSON" for row in rows)


def test_a_bad_config_is_one_sentence_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("reading_width = [\n", encoding="utf-8")
    launch = Launch.prepare(str(config))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: ") and "not valid TOML" in err
    assert launch.notices == [err.removeprefix("reader: ").strip()]
    assert launch.library is not None


def test_the_default_config_comes_from_the_config_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text('theme = "nord"\n', encoding="utf-8")
    assert Launch.prepare().settings.theme == "nord"


def test_no_argument_and_nothing_read_yet_starts_nothing() -> None:
    launch = Launch.prepare()
    assert launch.run_library(None) is False


def test_the_last_folder_is_remembered(tmp_path: Path) -> None:
    launch = Launch.prepare()
    assert launch.library is not None
    launch.library.set(LAST_FOLDER, str(tmp_path))
    reopened = Library.open(launch.library.path)
    assert reopened.get(LAST_FOLDER) == str(tmp_path)


def test_reader_help_names_config_and_folders() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--config" in result.stdout and "folder" in result.stdout
