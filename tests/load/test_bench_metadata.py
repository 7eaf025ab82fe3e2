"""The metadata benchmark's gold and matching rules (benchmarks/metadata.py)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_metadata", ROOT / "benchmarks" / "metadata.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _bench()
GOLD = json.loads((ROOT / "benchmarks" / "gold" / "metadata.json").read_text(encoding="utf-8"))


def test_gold_records_follow_the_conventions():
    assert len(GOLD) == 151
    for page_id, record in GOLD.items():
        assert set(record) <= {"url", "title", "byline", "date", "site", "note"}, page_id
        assert record["title"] and record["site"], page_id
        assert record["date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"]), page_id
        assert not re.match(r"(?i)by\b", record["byline"]), page_id
        assert not re.search(r"\d", record["byline"]), page_id  # no dates glued on


@pytest.mark.skipif(not (DATA / "ground-truth.json").is_file(), reason="benchmark data absent")
def test_gold_has_exactly_the_benchmark_pages():
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    assert set(GOLD) == set(truth)
    assert all(GOLD[key]["url"] == truth[key]["url"] for key in truth)


def test_title_is_lenient_but_not_loose():
    gold = "Republicans Are Following Trump to Nowhere"
    assert bench.title_ok(gold, "Republicans Are Following Trump to Nowhere - The New York Times")
    assert bench.title_ok(gold, "Republicans are following Trump nowhere")  # F1 >= 0.8
    assert not bench.title_ok(gold, "Opinion")
    assert not bench.title_ok("Allergies: what helps", "Allergies Health Center")
    assert bench.title_ok("", None) and not bench.title_ok("", "Editorial")


def test_byline_is_a_set_of_names():
    gold = "Lisa Kaczke, Trevor J. Mitchell"
    assert bench.byline_ok(gold, "By Trevor J Mitchell and LISA KACZKE")
    assert bench.byline_ok(gold, "Lisa  Kaczke; Trevor J. Mitchell")
    assert not bench.byline_ok("Charles M. Blow", "Charles M")
    assert not bench.byline_ok("Tom Krisher", "Tom Krisher, AP Auto Writer")
    assert not bench.byline_ok("", "CBS News") and bench.byline_ok("", None)


def test_date_and_site():
    assert bench.date_ok("2019-11-19", "2019-11-19T13:03:00Z")
    assert not bench.date_ok("2019-11-18", "2019-11-19")
    assert bench.date_ok("", None) and not bench.date_ok("", "2019-11-20")
    assert bench.site_ok("The Wall Street Journal", "Wall Street Journal")
    assert bench.site_ok("USA TODAY", "USA Today")
    assert not bench.site_ok("The New York Times", "NYTimes")
    assert not bench.site_ok("USA TODAY", "usatoday.com")
