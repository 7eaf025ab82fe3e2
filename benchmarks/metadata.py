"""Metadata benchmark: title, byline, date and site against a hand-checked gold.

Scores the reader, trafilatura 2.3.1 and readability-lxml 0.9 on the 151 pages of the
article-extraction benchmark against `benchmarks/gold/metadata.json` (how it was made and
its conventions: `benchmarks/README.md`), in one run, for all pages and for the even and odd
halves (pages by sorted id, as in `extraction.py`: tune on one half, check the other).

Each field is scored per page as right or wrong, over every page (a page whose gold is
empty is right only when the output is empty too):

- title, lenient: the texts are folded (NFKC, case) and cut into word tokens
  (``\\w+``); right when the token F1 is at least 0.8, or when the gold's tokens appear in
  order and unbroken inside the output's (an output that adds a site or section label:
  "Headline - The Site");
- byline, exact after normalisation: a leading "By" dropped, split into names at commas,
  semicolons, "&" and the word "and", each name folded, its full stops dropped and its spaces
  collapsed ("Sarah E. Needleman" = "sarah e needleman"); right when the set of names is the
  gold's (order does not count);
- date: the same day, ``YYYY-MM-DD`` (an output's first ISO date);
- site: folded, a leading "The" and every character that is not a letter or digit dropped,
  then equal ("The Wall Street Journal" = "Wall Street Journal", not "WSJ").

Extractors:

- **reader**: ``reader.load.extract_bytes`` on the page's bytes as HTML with its URL, as
  ``reader extract`` loads a saved page (the same load ``extraction.py`` times);
- **trafilatura**: ``bare_extraction(with_metadata=True, include_comments=False)`` with and
  without ``favor_precision=True``; the "best of" row takes the better of the two per cell;
- **readability-lxml**: title only, ``Document.short_title()`` and ``Document.title()``.

Run from the repository root::

    python benchmarks/metadata.py             # the table
    python benchmarks/metadata.py --errors    # and every miss, per extractor and field
    python benchmarks/metadata.py --errors --half even --only reader
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
GOLD = REPO_ROOT / "benchmarks" / "gold" / "metadata.json"
FIELDS = ("title", "byline", "date", "site")
TITLE_F1 = 0.8
TOKEN_RE = re.compile(r"\w+")
DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
NAME_SPLIT_RE = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)
LEADING_BY_RE = re.compile(r"^\s*by[:\s]+", re.IGNORECASE)

Meta = dict[str, str | None]  # field -> value; a field an extractor does not give is absent


# --- the matching rules -----------------------------------------------------------------


def fold(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def tokens(text: str | None) -> list[str]:
    return TOKEN_RE.findall(fold(text))


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    rest = list(b)
    shared = 0
    for token in a:
        if token in rest:
            rest.remove(token)
            shared += 1
    return 2 * shared / (len(a) + len(b))


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def title_ok(gold: str, output: str | None) -> bool:
    want, got = tokens(gold), tokens(output)
    if not want:
        return not got
    return token_f1(want, got) >= TITLE_F1 or contains_run(got, want)


def byline_names(text: str | None) -> frozenset[str]:
    text = LEADING_BY_RE.sub("", unicodedata.normalize("NFKC", text or ""))
    names = (fold(name.replace(".", " ")) for name in NAME_SPLIT_RE.split(text))
    return frozenset(name for name in names if name)


def byline_ok(gold: str, output: str | None) -> bool:
    return byline_names(gold) == byline_names(output)


def iso_day(text: str | None) -> str:
    match = DATE_RE.search(text or "")
    return "-".join(match.groups()) if match else ""


def date_ok(gold: str, output: str | None) -> bool:
    return gold == iso_day(output)


def site_key(text: str | None) -> str:
    folded = fold(text)
    folded = folded[4:] if folded.startswith("the ") else folded
    return "".join(ch for ch in folded if ch.isalnum())


def site_ok(gold: str, output: str | None) -> bool:
    return site_key(gold) == site_key(output)


MATCHERS: dict[str, Callable[[str, str | None], bool]] = {
    "title": title_ok,
    "byline": byline_ok,
    "date": date_ok,
    "site": site_ok,
}


# --- the data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: bytes
    gold: dict[str, str]


def load_pages(data_dir: Path, gold_file: Path) -> list[Page]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    missing = sorted(set(truth) - set(gold))
    if missing:
        raise SystemExit(f"The metadata gold has no record for page {missing[0]}.")
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data_dir / "html" / f"{page_id}.html.gz").read_bytes())
        record = {name: gold[page_id].get(name, "") for name in FIELDS}
        pages.append(Page(page_id, truth[page_id].get("url", ""), raw, record))
    return pages


# --- the extractors ---------------------------------------------------------------------


#: (seconds in the date search, seconds in the whole extraction) of each page, in page order.
DATE_SEARCH_TIMES: list[tuple[float, float]] = []


def meta_reader(data: bytes, url: str) -> Meta:
    import htmldate

    from reader.load import extract_bytes

    searching = [0.0]
    find_date = htmldate.find_date

    def timed_find_date(*args: Any, **kwargs: Any) -> Any:  # the same call, timed
        start = time.perf_counter()
        try:
            return find_date(*args, **kwargs)
        finally:
            searching[0] += time.perf_counter() - start

    htmldate.find_date = timed_find_date
    try:
        start = time.perf_counter()
        article = extract_bytes(data, "page.html", kind_hint="html", url=url or None)
        DATE_SEARCH_TIMES.append((searching[0], time.perf_counter() - start))
    finally:
        htmldate.find_date = find_date
    return {
        "title": article.title,
        "byline": article.byline,
        "date": article.published,
        "site": article.site,
    }


def _trafilatura(data: bytes, url: str, *, favor_precision: bool) -> Meta:
    import trafilatura

    document = trafilatura.bare_extraction(
        data.decode("utf-8"),
        url=url or None,
        with_metadata=True,
        include_comments=False,
        favor_precision=favor_precision,
    )
    if document is None:
        return dict.fromkeys(FIELDS)
    return {
        "title": document.title,
        "byline": document.author,
        "date": document.date,
        "site": document.sitename,
    }


def meta_trafilatura(data: bytes, url: str) -> Meta:
    return _trafilatura(data, url, favor_precision=False)


def meta_trafilatura_precision(data: bytes, url: str) -> Meta:
    return _trafilatura(data, url, favor_precision=True)


def meta_readability_short(data: bytes, url: str) -> Meta:
    from readability import Document

    return {"title": Document(data.decode("utf-8"), url=url or None).short_title()}


def meta_readability_title(data: bytes, url: str) -> Meta:
    from readability import Document

    return {"title": Document(data.decode("utf-8"), url=url or None).title()}


EXTRACTORS: dict[str, Callable[[bytes, str], Meta]] = {
    "reader": meta_reader,
    "trafilatura 2.3.1": meta_trafilatura,
    "trafilatura favor_precision": meta_trafilatura_precision,
    "readability-lxml short_title": meta_readability_short,
    "readability-lxml title": meta_readability_title,
}
TRAFILATURA_ROWS = ("trafilatura 2.3.1", "trafilatura favor_precision")
HALVES = ("all", "even", "odd")


# --- the run ----------------------------------------------------------------------------


@dataclass
class Run:
    name: str
    outputs: list[Meta] = field(default_factory=list)
    right: dict[str, list[bool]] = field(default_factory=dict)
    crashes: list[tuple[str, str]] = field(default_factory=list)


def run_extractors(extractors: dict[str, Callable[[bytes, str], Meta]], pages: list[Page]):
    runs = [Run(name) for name in extractors]
    for page in pages:
        for run in runs:
            try:
                output = extractors[run.name](page.html, page.url)
            except Exception as error:  # a crash gives nothing and is counted
                output = {}
                run.crashes.append((page.id, f"{type(error).__name__}: {error}"))
            run.outputs.append(output)
            for name in FIELDS:
                if name in output or run.name == "reader" or run.name in TRAFILATURA_ROWS:
                    ok = MATCHERS[name](page.gold[name], output.get(name))
                    run.right.setdefault(name, []).append(ok)
    return runs


def share(right: list[bool], half: str) -> float | None:
    picked = right if half == "all" else right[0 if half == "even" else 1 :: 2]
    return sum(picked) / len(picked) if picked else None


def scores(run: Run) -> dict[tuple[str, str], float | None]:
    return {
        (name, half): share(run.right[name], half) if name in run.right else None
        for name in FIELDS
        for half in HALVES
    }


def print_table(runs: list[Run], pages: list[Page], halves: tuple[str, ...]) -> None:
    counts = {"all": len(pages), "even": len(pages[::2]), "odd": len(pages[1::2])}
    print(", ".join(f"{half} {counts[half]} pages" for half in halves))
    rows = [(run.name, scores(run), len(run.crashes)) for run in runs]
    tra = [row for row in rows if row[0] in TRAFILATURA_ROWS]
    if len(tra) == 2:
        best = {
            key: max(v for v in (tra[0][1][key], tra[1][1][key]) if v is not None)
            for key in tra[0][1]
            if tra[0][1][key] is not None
        }
        rows.insert(rows.index(tra[1]) + 1, ("trafilatura best of the two", best, 0))
    width = 6 * len(halves)
    header = f"{'extractor':<30}" + "".join(f" {name:^{width}}" for name in FIELDS)
    print(header)
    print(f"{'':<30}" + "".join(" " + "".join(f"{h:>6}" for h in halves) for _ in FIELDS))
    print("-" * len(header))
    for name, values, crashes in rows:
        cells = ""
        for fname in FIELDS:
            part = ""
            for half in halves:
                value = values.get((fname, half))
                part += f"{value:6.3f}" if value is not None else f"{'-':>6}"
            cells += " " + part
        extra = f"  ({crashes} crashes)" if crashes else ""
        print(f"{name:<30}{cells}{extra}")


def print_date_search(pages: list[Page]) -> None:
    """The date search's share of the reader's extraction time, page by page."""
    if len(DATE_SEARCH_TIMES) != len(pages):
        return
    shares = [searching / total if total else 0.0 for searching, total in DATE_SEARCH_TIMES]
    worst = max(range(len(pages)), key=lambda i: shares[i])
    searched = [
        share for share, (seconds, _) in zip(shares, DATE_SEARCH_TIMES, strict=True) if seconds
    ]
    print(
        f"\nreader's date search (htmldate, for a page whose metadata gives no date), share of "
        f"the extraction time, {len(pages)} pages: median {statistics.median(shares):.1%} "
        f"(of the {len(searched)} searched: "
        f"{statistics.median(searched) if searched else 0.0:.1%}), max {shares[worst]:.1%} "
        f"({DATE_SEARCH_TIMES[worst][0] * 1e3:.1f} of {DATE_SEARCH_TIMES[worst][1] * 1e3:.1f} ms, "
        f"page {pages[worst].id[:10]}); all pages: {sum(s for s, _ in DATE_SEARCH_TIMES):.2f} "
        f"of {sum(t for _, t in DATE_SEARCH_TIMES):.2f} s"
    )


def print_errors(runs: list[Run], pages: list[Page], half: str) -> None:
    index = range(len(pages)) if half == "all" else range(0 if half == "even" else 1, len(pages), 2)
    for run in runs:
        for name in FIELDS:
            if name not in run.right:
                continue
            misses = [i for i in index if not run.right[name][i]]
            print(f"\n{run.name}: {name} misses ({len(misses)} of {len(index)}, {half} pages)")
            for i in misses:
                got = run.outputs[i].get(name)
                print(f"  {pages[i].id[:10]}  gold={pages[i].gold[name]!r}  got={got!r}")
        for page_id, message in run.crashes:
            print(f"  crash on {page_id[:10]}: {message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--gold", type=Path, default=GOLD, help="metadata gold (JSON)")
    parser.add_argument("--errors", action="store_true", help="list every miss per field")
    parser.add_argument(
        "--half",
        choices=HALVES,
        default="all",
        help="with --errors: list the misses of only these pages (the table shows all three)",
    )
    parser.add_argument(
        "--only", action="append", choices=sorted(EXTRACTORS), help="run only these extractors"
    )
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"No benchmark data in {args.data}: pass --data DIR.", file=sys.stderr)
        return 1
    if not args.gold.is_file():
        print(f"No metadata gold at {args.gold}: pass --gold FILE.", file=sys.stderr)
        return 1
    pages = load_pages(args.data, args.gold)
    extractors = {name: EXTRACTORS[name] for name in args.only or EXTRACTORS}
    if importlib.util.find_spec("readability") is None:
        for name in [name for name in extractors if name.startswith("readability")]:
            extractors.pop(name)
        print("readability-lxml is not installed (pip install -e '.[bench]'): left out.")
    sys.path.insert(0, str(REPO_ROOT))
    runs = run_extractors(extractors, pages)
    print_table(runs, pages, HALVES)
    print_date_search(pages)
    if args.errors:
        print_errors(runs, pages, args.half)
    return 0


if __name__ == "__main__":
    sys.exit(main())
