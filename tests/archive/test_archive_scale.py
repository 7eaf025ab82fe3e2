"""docs/scale.md's example, run as written: the sample articles analysed by a Dask bag on two
local worker processes and loaded into an archive, identical to `reader extract --jobs 1`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive.store import Archive
from reader.archive.upkeep import export_lines

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"

pytestmark = pytest.mark.slow


def scale_example() -> str:
    """The Python block of docs/scale.md under its `scale-example` mark."""
    text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- scale-example -->\n```python\n(.*?)```", text, re.DOTALL)
    assert found, "docs/scale.md has no scale example"
    return found.group(1)


def without_times(lines: list[str]) -> list[dict[str, object]]:
    """An archive's export with the moments of archiving left out (they differ by run)."""
    items = [json.loads(line) for line in lines]
    for item in items:
        item.pop("archived", None)
    return items


def test_a_dask_bag_on_two_workers_builds_the_archive_jobs_1_builds(tmp_path: Path) -> None:
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask[distributed] is not installed (the `scale` extra)"
    )
    one_job = tmp_path / "one-job"
    extracted = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "--save", "--no-cache", "--jobs", "1",
         "--format", "jsonl", str(SAMPLES)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
        env={**os.environ, "READER_DATA_DIR": str(one_job)},
    )  # fmt: skip
    assert extracted.returncode == 0, extracted.stderr
    analyses = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert len(analyses) >= 5

    namespace: dict[str, object] = {}
    exec(compile(scale_example(), "docs/scale.md", "exec"), namespace)  # noqa: S102
    build_archive = namespace["build_archive"]
    on_dask = tmp_path / "dask" / "archive.sqlite3"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        count = build_archive(str(SAMPLES), on_dask, partitions=4)  # type: ignore[operator]
    assert count == len(analyses)

    with Archive.open(on_dask) as built, Archive.open(one_job / "archive.sqlite3") as saved:
        dask_lines, saved_lines = list(export_lines(built)), list(export_lines(saved))
    assert without_times(dask_lines) == without_times(saved_lines)
    assert [item["article"] for item in without_times(dask_lines) if "article" in item] == analyses
