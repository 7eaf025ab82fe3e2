"""Who gets a voice: quotes named, unnamed or anonymous; quoted versus only mentioned; the
same figures from one article's analysis and from the archive's tables; CSV and the CLI."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

from support.archive_helpers import story

from reader.archive.store import Archive
from reader.archive.voice import attribution, voice_csv, voice_of, voice_of_archive
from reader.model import Analysis, Quote
from reader.store.dirs import archive_path

ROOT = Path(__file__).resolve().parents[2]


def with_unattributed(analysis: Analysis, *cues: str) -> Analysis:
    """`analysis` with one more quote per cue, said by nobody named."""
    extra = tuple(
        Quote(f"u{n}", "Words", 0, 5, None, None, "direct", cue) for n, cue in enumerate(cues)
    )
    return dataclasses.replace(analysis, quotes=analysis.quotes + extra)


def samples() -> list[Analysis]:
    return [
        with_unattributed(story(1, "Ana Ruiz", "We will build it now", site="Post"),
                          "a spokesperson said", "said a source who declined to be named"),
        story(2, "Ana Ruiz", "Later", site="Post", published="2026-02-01"),
        with_unattributed(story(3, "Ben Ode", "No", site="Herald"), "according to sources"),
    ]  # fmt: skip


def test_attribution_names_unnamed_and_anonymous() -> None:
    said = Quote("q", "x", 0, 1, "Ana Ruiz", None, "direct", "said")
    assert attribution(said) == "named"
    for cue, kind in (("a spokesperson said", "unnamed"), (None, "unnamed"),
                      ("said on condition of anonymity", "anonymous"),
                      ("according to a source", "anonymous")):  # fmt: skip
        assert attribution(dataclasses.replace(said, speaker=None, cue=cue)) == kind


def test_the_archive_gives_the_figures_its_analyses_give(tmp_path: Path) -> None:
    analyses = samples()
    by_hand = voice_of(analyses, "these")
    assert by_hand.attributions == {"named": 3, "unnamed": 1, "anonymous": 2}
    assert by_hand.speakers == [("Ana Ruiz", 2, 6), ("Ben Ode", 1, 1)]
    assert (by_hand.quoted, by_hand.mentioned_only) == (2, 1)  # Moon Jae-in: named only
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        for analysis in analyses:
            archive.add(analysis)
        stored = voice_of_archive(archive)
        # One mention each per article here, so mentions and articles agree.
        assert dataclasses.replace(stored, scope="these", counted="mentions") == by_hand
        post = voice_of_archive(archive, site="Post", until="2026-01-31")
        assert post.articles == 1 and post.speakers == [("Ana Ruiz", 1, 5)]
        assert post.scope == "Post, until 2026-01-31"


def test_the_voice_csv_is_safe_and_the_command_prints_it() -> None:
    with Archive.open(archive_path()) as archive:
        archive.add(story(1, "=Evil Name", "Hello there"))
    run = subprocess.run(
        [sys.executable, "-m", "reader", "archive", "voice", "--format", "csv"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env=dict(os.environ),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {"section": "speaker", "name": "'=Evil Name", "count": "1", "words": "2"} in rows
    text = subprocess.run(
        [sys.executable, "-m", "reader", "archive", "voice"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env=dict(os.environ),
    ).stdout  # fmt: skip
    assert "Who gets a voice: the whole archive" in text and "█" in text
    assert voice_csv(voice_of([], "none")).startswith("section,name,count,words")
