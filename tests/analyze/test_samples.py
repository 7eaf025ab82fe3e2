"""Every sample article against its hand-written expectation file.

`tests/expected/<sample file name>.json` holds what a careful reader finds in
`sample_articles/<sample file name>`, written from reading the article, not from the program:

- `sample`: the file name in `sample_articles/`.
- `title`; `byline`, `site`, `published` (YYYY-MM-DD): each checked only when the key is present
  (a null value means the article must have none).
- `body_includes` / `body_excludes`: substrings that must / must not be in `Article.text`
  (page chrome, navigation, share bars, footers must be gone).
- `captions`: for each, exactly one block of kind "caption" starts with it, and the string occurs
  once in the text (a caption printed twice by the page is kept once).
- `quotes`: EVERY direct and partial quote, in text order. The analysis's direct/partial quotes
  must match one to one: same count, `quote.text` starts with `starts`, same `speaker` (the full
  name the article gives, or null where it names no speaker), same `kind`. Indirect quotes are
  ignored. A quote's text is the words inside the marks; a quote left open at a paragraph's end
  and reopened at the next paragraph's start is one quote spanning both paragraphs.
- `non_quotes`: quoted strings that are not speech (scare quotes, titles of works, single quotes
  nested in a double-quoted quote); none may be the text of a direct/partial quote.
- `entities`: the main entities: exactly one entity with that `name` and `type`, listing every
  given alias, with at least `min_mentions` mentions (default 1); its aliases must not survive
  as separate entities of the same type.
- `not_entities`: names that must not be an entity (of that `type`, when given).

Each sample is loaded and analysed once per test run (module-level caches).
"""

from __future__ import annotations

import json
import string
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from reader.model import Analysis, Article, Quote

TESTS = Path(__file__).resolve().parents[1]
SAMPLES = TESTS.parent / "sample_articles"
EXPECTED = TESTS / "expected"
LONG_READ = "ebro-delta-long-read.txt"
LONG_READ_MIN_BYTES = 50 * 1024

OPENING_MARKS = '"“'
CLOSING_MARKS = '"”'
EDGE_PUNCTUATION = string.punctuation + "“”‘’ \n"
EXPECTATION_FILES = sorted(EXPECTED.glob("*.json"))


def _expectation_id(path: Path) -> str:
    return path.name.removesuffix(".json")


by_expectation = pytest.mark.parametrize("expectation_file", EXPECTATION_FILES, ids=_expectation_id)


@cache
def _expectation(expectation_file: Path) -> dict[str, Any]:
    return json.loads(expectation_file.read_text(encoding="utf-8"))


@cache
def _article(sample: str) -> Article:
    from reader.load import load

    return load(str(SAMPLES / sample))


@cache
def _analysis(sample: str) -> Analysis:
    from reader.analyze import analyze

    return analyze(_article(sample))


def _spoken_quotes(analysis: Analysis) -> list[Quote]:
    """Direct and partial quotes in text order: the ones the expectation files list."""
    quotes = [q for q in analysis.quotes if q.kind in ("direct", "partial")]
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _excerpt(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _quote_matches(found: Quote, wanted: dict[str, Any]) -> bool:
    return (
        found.text.startswith(wanted["starts"])
        and found.speaker == wanted["speaker"]
        and found.kind == wanted["kind"]
    )


def _align(
    found: list[Quote], expected: list[dict[str, Any]]
) -> list[tuple[Quote | None, dict[str, Any] | None]]:
    """Pair found and expected quotes by their opening words, keeping text order.

    A found quote no expected one starts it is paired with None, and the other way round, so
    one missing or extra quote does not shift every later row.
    """
    rows: list[tuple[Quote | None, dict[str, Any] | None]] = []
    position = 0
    for want in expected:
        match = next(
            (i for i in range(position, len(found)) if found[i].text.startswith(want["starts"])),
            None,
        )
        if match is None:
            rows.append((None, want))
            continue
        rows.extend((extra, None) for extra in found[position:match])
        rows.append((found[match], want))
        position = match + 1
    rows.extend((extra, None) for extra in found[position:])
    return rows


def _quote_table(found: list[Quote], expected: list[dict[str, Any]]) -> str:
    """Found and expected quotes side by side, wrong rows marked with `!!`."""
    lines = [f"found {len(found)} direct/partial quotes, expected {len(expected)}:"]
    for got, want in _align(found, expected):
        ok = got is not None and want is not None and _quote_matches(got, want)
        mark = "  " if ok else "!!"
        if got is None:
            got_line = "(missing)"
        else:
            got_line = f"{got.kind:7} {got.speaker!r:28} {_excerpt(got.text)!r}"
        if want is None:
            want_line = "(not a quote)"
        else:
            want_line = f"{want['kind']:7} {want['speaker']!r:28} {want['starts']!r}…"
        lines.append(f"{mark} found    {got_line}")
        lines.append(f"{mark} expected {want_line}")
    return "\n".join(lines)


def _bare(text: str) -> str:
    return text.strip(EDGE_PUNCTUATION).casefold()


def test_every_sample_has_an_expectation_file() -> None:
    samples = sorted(p.name for p in SAMPLES.iterdir() if p.is_file() and p.name != "README.md")
    assert samples, "sample_articles/ is empty"
    missing = [name for name in samples if not (EXPECTED / f"{name}.json").is_file()]
    assert not missing, f"samples without tests/expected/<name>.json: {missing}"
    orphans = [p.name for p in EXPECTATION_FILES if _expectation_id(p) not in samples]
    assert not orphans, f"expectation files for samples that do not exist: {orphans}"


@by_expectation
def test_expectation_file_is_well_formed(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    assert expected["sample"] == _expectation_id(expectation_file)
    assert expected["title"], "every expectation names the title"
    assert expected["quotes"], "every sample has quotes to check"
    for quote in expected["quotes"]:
        assert set(quote) == {"starts", "speaker", "kind"}, quote
        assert quote["kind"] in ("direct", "partial"), quote
    for entity in expected["entities"]:
        assert entity["type"] in ("PERSON", "ORG", "PLACE", "DATE", "OTHER"), entity


def test_long_read_is_over_50_kb() -> None:
    article = _article(LONG_READ)
    size = len(article.text.encode("utf-8"))
    assert size > LONG_READ_MIN_BYTES, (
        f"{LONG_READ}: Article.text is {size} bytes, the long read must be over "
        f"{LONG_READ_MIN_BYTES}"
    )


@by_expectation
def test_metadata(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    article = _article(expected["sample"])
    wrong = {
        key: (getattr(article, key), expected[key])
        for key in ("title", "byline", "site", "published")
        if key in expected and getattr(article, key) != expected[key]
    }
    assert not wrong, f"{expected['sample']}: (found, expected) per field: {wrong}"


@by_expectation
def test_body_keeps_the_article_and_drops_the_chrome(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    text = _article(expected["sample"]).text
    missing = [s for s in expected.get("body_includes", []) if s not in text]
    assert not missing, f"{expected['sample']}: body lost article text: {missing}"
    chrome = [s for s in expected.get("body_excludes", []) if s in text]
    assert not chrome, f"{expected['sample']}: page chrome left in the body: {chrome}"


@by_expectation
def test_captions_kept_once_as_captions(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    article = _article(expected["sample"])
    captions = [article.block_text(b) for b in article.blocks if b.kind == "caption"]
    for caption in expected.get("captions", []):
        starting = [c for c in captions if c.startswith(caption)]
        assert len(starting) == 1, (
            f"{expected['sample']}: want one caption block starting {caption!r}, "
            f"caption blocks are {captions}"
        )
        count = article.text.count(caption)
        assert count == 1, f"{expected['sample']}: caption {caption!r} occurs {count} times"


@by_expectation
def test_quotes_and_speakers(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    found = _spoken_quotes(_analysis(expected["sample"]))
    wanted = expected["quotes"]
    same = len(found) == len(wanted) and all(map(_quote_matches, found, wanted))
    assert same, f"{expected['sample']}: quotes differ\n{_quote_table(found, wanted)}"


@by_expectation
def test_quote_spans_are_the_words_inside_the_marks(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    analysis = _analysis(expected["sample"])
    text = analysis.article.text
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text, f"{expected['sample']}: {quote}"
    for quote in _spoken_quotes(analysis):
        before = text[quote.start - 1] if quote.start > 0 else ""
        after = text[quote.end] if quote.end < len(text) else ""
        assert before and before in OPENING_MARKS and after and after in CLOSING_MARKS, (
            f"{expected['sample']}: quote {_excerpt(quote.text)!r} is not bounded by quote "
            f"marks: {before!r} … {after!r}"
        )


@by_expectation
def test_non_quotes_are_not_quotes(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    found = {_bare(q.text): q for q in _spoken_quotes(_analysis(expected["sample"]))}
    wrong = [s for s in expected.get("non_quotes", []) if _bare(s) in found]
    assert not wrong, (
        f"{expected['sample']}: scare quotes, titles or nested quotes taken for speech: "
        f"{[(s, found[_bare(s)].kind, found[_bare(s)].speaker) for s in wrong]}"
    )


@by_expectation
def test_main_entities(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    analysis = _analysis(expected["sample"])
    problems: list[str] = []
    for want in expected["entities"]:
        name, kind = want["name"], want["type"]
        same_type = [e for e in analysis.entities if e.type == kind]
        named = [e for e in same_type if e.name == name]
        if len(named) != 1:
            words = set(name.split())
            near = sorted({e.name for e in same_type if words & set(e.name.split())})
            other_types = sorted({e.type for e in analysis.entities if e.name == name} - {kind})
            problems.append(
                f"{name} ({kind}): {len(named)} entities with that name and type; "
                f"{kind} entities sharing a word: {near}; same name typed as: {other_types}"
            )
            continue
        entity = named[0]
        missing_aliases = [a for a in want.get("aliases", []) if a not in entity.aliases]
        if missing_aliases:
            problems.append(f"{name}: aliases {list(entity.aliases)} lack {missing_aliases}")
        split_off = [e.name for e in same_type if e.name in want.get("aliases", [])]
        if split_off:
            problems.append(f"{name}: alias kept as a separate {kind} entity: {split_off}")
        minimum = want.get("min_mentions", 1)
        if len(entity.mentions) < minimum:
            problems.append(f"{name}: {len(entity.mentions)} mentions, expected at least {minimum}")
    assert not problems, f"{expected['sample']}:\n" + "\n".join(problems)


@by_expectation
def test_chrome_and_platforms_are_not_entities(expectation_file: Path) -> None:
    expected = _expectation(expectation_file)
    analysis = _analysis(expected["sample"])
    wrong = [
        (e.name, e.type)
        for want in expected.get("not_entities", [])
        for e in analysis.entities
        if e.name.casefold() == want["name"].casefold() and want.get("type") in (None, e.type)
    ]
    assert not wrong, f"{expected['sample']}: entities that should not be there: {wrong}"
