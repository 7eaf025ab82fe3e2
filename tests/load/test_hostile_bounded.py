"""Bounded work on hostile input: time grows in proportion to the input, never with its square.

Each test times the same work at size n and 4n and asserts the larger took less than 8
times as long (linear work takes about 4 times; quadratic work, 16). Sizes are chosen so the
small run is long enough to measure (tens of milliseconds) and the pair stays well under a
few seconds. A few tests also run the sizes the issue names (100,000 levels of nesting, a
30 MB line, 200,000 quote marks) against an absolute bound.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.analyze.quotes import (
    classify,
    find_quote_spans,
    is_naming,
    looks_like_name_or_title,
)
from reader.errors import ReaderError
from reader.load.markdown import extract_markdown
from reader.load.page import extract_html
from reader.load.text import extract_text
from reader.model import Analysis, Article

#: The largest allowed ratio of times at 4n and at n (linear: ~4; quadratic: ~16).
RATIO = 8.0
#: Times below this are noise; the small run is measured as at least this long.
FLOOR = 0.02

SENTENCE = "The council voted on Tuesday to rebuild the old harbour wall before winter."


def seconds(run: Callable[[Any], object], data: Any) -> float:
    """Time `run(data)`; a ReaderError (one sentence, a documented limit) is an outcome too."""
    started = time.perf_counter()
    with contextlib.suppress(ReaderError):
        run(data)
    return time.perf_counter() - started


def assert_linear(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> None:
    """Best of three at n; at 4n, up to three tries, the fastest counting. A busy machine
    can stall any one run (a garbage collection, another process): only a run that is slow
    every time is a finding."""
    run(make(n // 8))  # warm up: imports, caches
    small_input, large_input = make(n), make(4 * n)
    small = min(seconds(run, small_input) for _ in range(3))
    bound = RATIO * max(small, FLOOR)
    large = seconds(run, large_input)
    for _ in range(2):
        if large < bound:
            break
        large = min(large, seconds(run, large_input))
    assert large < bound, f"n: {small:.3f}s, 4n: {large:.3f}s"


def load_html(page: str) -> object:
    return extract_html(page.encode(), "page.html")


def load_text(text: str) -> object:
    return extract_text(text, "story.txt")


def load_markdown(text: str) -> object:
    return extract_markdown(text, "story.md")


# ---------------------------------------------------------------- loaders


def nested(levels: int) -> str:
    return f"<html><body>{'<div>' * levels}<p>{SENTENCE}</p>{'</div>' * levels}</body></html>"


def test_deeply_nested_html_is_linear() -> None:
    assert_linear(load_html, nested, 25_000)


@pytest.mark.timing
@pytest.mark.slow
def test_a_hundred_thousand_levels_of_nesting_load_in_seconds() -> None:
    started = time.process_time()  # CPU time: a busy machine stretches wall time, not this
    article = extract_html(nested(100_000).encode(), "page.html")
    assert SENTENCE in article.text
    assert time.process_time() - started < 10


def unclosed(levels: int) -> str:
    return f"<html><body>{'<div><span><b><i>' * (levels // 4)}<p>{SENTENCE}"


def test_unclosed_nesting_is_linear() -> None:
    assert_linear(load_html, unclosed, 25_000)


def long_line(size: int) -> str:
    return "a" * size


@pytest.mark.parametrize(
    ("load", "wrap"),
    [
        (load_html, lambda line: f"<html><body><p>{SENTENCE}</p><p>{line}</p></body></html>"),
        (load_text, lambda line: f"Harbour wall\n\n{SENTENCE}\n\n{line}\n"),
        (load_markdown, lambda line: f"# Harbour wall\n\n{SENTENCE}\n\n{line}\n"),
    ],
    ids=["html", "text", "markdown"],
)
def test_a_line_without_spaces_is_linear(load: Callable[[str], object], wrap: Any) -> None:
    assert_linear(load, lambda size: wrap(long_line(size)), 1_000_000)


@pytest.mark.timing
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_30_mb_line_loads_in_seconds(kind: str) -> None:
    line = long_line(30 * 2**20)
    started = time.process_time()  # CPU time: 20 s of it took 33-40 s of wall on 2 busy cores
    if kind == "html":
        article = extract_html(f"<p>{SENTENCE}</p><p>{line}</p>".encode(), "page.html")
    else:
        article = extract_text(f"Harbour wall\n\n{SENTENCE}\n\n{line}\n", "story.txt")
    assert SENTENCE in article.text
    assert time.process_time() - started < 30


@pytest.mark.parametrize(
    ("load", "make"),
    [
        (load_html, lambda n: "<article>" + "".join(f"<p>Item {i} here.</p>" for i in range(n))),
        (load_text, lambda n: "Title\n\n" + "".join(f"Item {i} here.\n\n" for i in range(n))),
        (load_markdown, lambda n: "# T\n\n" + "".join(f"Item {i} here.\n\n" for i in range(n))),
    ],
    ids=["html", "text", "markdown"],
)
def test_thousands_of_tiny_paragraphs_are_linear(load: Any, make: Any) -> None:
    assert_linear(load, make, 2_500)


@pytest.mark.parametrize(
    "unit", ["[", "![", "[a](", "*a ", "_a ", "**a ", "~~a ", "<https://", "` ", "\\"]
)
def test_markdown_inline_markup_is_linear(unit: str) -> None:
    """Unclosed links, images and emphasis: each once took time growing with the square."""
    assert_linear(
        load_markdown, lambda n: f"# T\n\n{SENTENCE}\n\n{unit * (n // len(unit))}\n", 20_000
    )


@pytest.mark.parametrize("unit", ["“", '"', "«", " ", ".", "(", "By ", "FILE - ", "A, "])
def test_text_lines_of_one_repeated_piece_are_linear(unit: str) -> None:
    assert_linear(
        load_text, lambda n: f"Harbour wall\n\n{SENTENCE}\n\n{unit * (n // len(unit))}x\n", 40_000
    )


# ---------------------------------------------------------------- quotes (rules, no spaCy)


def quote_rules(article: Article) -> int:
    """Everything the analysis does with quote marks before it looks at the parse."""
    spans = find_quote_spans(article)
    previous = None
    for span in spans:
        span.kind = classify(article, span, previous)
        is_naming(article, span)
        looks_like_name_or_title(span.text(article))
        previous = span
    return len(spans)


QUOTE_SHAPES = {
    "marks only": lambda n: '"' * n,
    "pairs": lambda n: 'He said "yes" and "no". ' * (n // 4),
    "curly openers": lambda n: "“" * n,
    "alternating": lambda n: 'a "b ' * n,
    "dots in one quote": lambda n: '"' + "." * n + 'a"',
    "one quote of commas": lambda n: '"' + ", " * n + 'a"',
    "guillemets": lambda n: "« a » " * (n // 2),
}


@pytest.mark.parametrize("shape", QUOTE_SHAPES)
def test_quote_pairing_is_linear(shape: str) -> None:
    make = QUOTE_SHAPES[shape]
    assert_linear(quote_rules, lambda n: Article.from_blocks("x", [("paragraph", make(n))]), 50_000)


@pytest.mark.timing
def test_two_hundred_thousand_quote_marks_are_paired_in_seconds() -> None:
    article = Article.from_blocks("x", [("paragraph", 'He said "yes" and "no". ' * 50_000)])
    started = time.process_time()  # CPU time: a busy machine stretches wall time, not this
    assert quote_rules(article) == 100_000
    assert time.process_time() - started < 10


# ---------------------------------------------------------------- the whole analysis (spaCy)


def analysed(article: Article) -> object:
    from reader.analyze import analyze

    return analyze(article)


def test_analysis_of_many_quoted_paragraphs_is_linear(nlp: Any) -> None:
    make = lambda n: Article.from_blocks(  # noqa: E731
        "x", [("paragraph", f'Ann Lee said "We will go {i}." ') for i in range(n)]
    )
    assert_linear(analysed, make, 100)


def test_analysis_of_quote_marks_alone_is_linear(nlp: Any) -> None:
    make = lambda n: Article.from_blocks("x", [("paragraph", '"' * n)])  # noqa: E731
    assert_linear(analysed, make, 1_000)


def test_analysis_of_one_paragraph_full_of_quotes_is_linear(nlp: Any) -> None:
    make = lambda n: Article.from_blocks(  # noqa: E731
        "x", [("paragraph", 'He said "yes" and "no". ' * n)]
    )
    assert_linear(analysed, make, 60)


def test_analysis_of_one_sentence_full_of_quotes_is_linear(nlp: Any) -> None:
    # One sentence, hundreds of quotes and reporting verbs: each quote reads only the verbs
    # near its marks.
    make = lambda n: Article.from_blocks(  # noqa: E731
        "x", [("paragraph", '"yes," said he, ' * n)]
    )
    assert_linear(analysed, make, 60)


@pytest.mark.timing
def test_two_thousand_quotes_in_one_paragraph_analyse_in_seconds(nlp: Any) -> None:
    article = Article.from_blocks("x", [("paragraph", 'He said "yes" and "no". ' * 1000)])
    started = time.process_time()  # CPU time: a busy machine stretches wall time, not this
    analysis = analysed(article)
    assert time.process_time() - started < 20
    assert len(analysis.quotes) >= 2000


# ---------------------------------------------------------------- every pattern


READER = Path(__file__).resolve().parents[2] / "reader"
#: The loaders, the analysis, the keeping and the shared modules: every module outside the
#: terminal UI, found from the files so that a module moved or split stays covered.
PATTERN_MODULES = tuple(
    ".".join(path.relative_to(READER.parent).with_suffix("").parts).removesuffix(".__init__")
    for path in sorted(READER.rglob("*.py"))
    if "tui" not in path.relative_to(READER).parts and path.name != "__main__.py"
)
UNITS = (
    ". ",
    " ",
    "a",
    "A ",
    "a.",
    ",",
    ", ",
    '"',
    "“",
    "”",
    "'",
    "’",
    "-",
    "—",
    "\n",
    "\n\n",
    "<",
    "<a ",
    "#",
    "*",
    "_",
    "[",
    "![",
    "](",
    "`",
    "by ",
    "By ",
    "said ",
    "Mr. ",
    "A. ",
    "1",
    "1 ",
    ", A",
    "\\",
    "aA",
    "A-",
    "A.",
    "\t",
    "<p>",
    "&",
    "=",
    ":",
    "(",
    ")",
    "'s ",
    "2024-",
    "Jan. 1, ",
    "A, ",
    "Ab. ",
    '"a ',
    'a" ',
    "\x1b[",
    "\x1b]",
    "ä",
    # The words that patterns with `.*` between two words start from, in one long "word".
    "cookie-",
    "1x1-",
    "a@",
    "Ab | ",
    "(Photo ",
)
ENDINGS = ("", "a", "!", "\x01", '"', " .")


def module_patterns() -> list[tuple[str, re.Pattern[Any]]]:
    found = []
    for name in PATTERN_MODULES:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if _compiled_on_first_use(value):
                value = value()  # a pattern compiled on first use: checked the same
            if isinstance(value, re.Pattern):
                found.append((f"{name}.{attribute}", value))
    return found


def _compiled_on_first_use(value: Any) -> bool:
    """A `functools.cache` function of no arguments that returns a pattern (`scripts`,
    `sanitize`: a class of wide characters is compiled when a text needs it)."""
    wrapped = getattr(value, "__wrapped__", None)
    if not callable(wrapped) or not hasattr(value, "cache_info"):
        return False
    return getattr(wrapped, "__annotations__", {}).get("return") in ("re.Pattern[str]", re.Pattern)


def search_seconds(pattern: re.Pattern[Any], text: str) -> float:
    subject: Any = text if isinstance(pattern.pattern, str) else text.encode("utf-8")
    started = time.perf_counter()
    pattern.search(subject)
    return time.perf_counter() - started


def test_no_module_pattern_backtracks_catastrophically() -> None:
    """Every compiled pattern of the loaders and the analysis, on runs of one piece of text
    followed by an ending that makes a match fail late: a pattern that slows down more than
    linearly between 2,000 and 8,000 characters is named."""
    patterns = module_patterns()
    assert len(patterns) > 40
    slow = []
    for (name, pattern), unit, ending in itertools.product(patterns, UNITS, ENDINGS):
        count = 2_000 // len(unit)
        small = search_seconds(pattern, unit * count + ending)
        if small < 0.002:
            continue
        # Worth a closer look: best of three each way, so that a busy machine's stall in one
        # search is no finding.
        small = min(small, *(search_seconds(pattern, unit * count + ending) for _ in range(2)))
        large = min(search_seconds(pattern, unit * count * 4 + ending) for _ in range(3))
        if large > RATIO * small:
            slow.append(f"{name} on {unit!r}*n+{ending!r}: {small:.4f}s -> {large:.4f}s")
    assert not slow, "\n".join(slow)


def test_the_html_sniffing_tag_pattern_is_linear_on_unclosed_tags() -> None:
    """ "<a <a <a ..." with no ">": each tag's scan stops at the next "<"."""
    from reader.load.decode import _HTML_TAG

    assert_linear(_HTML_TAG.search, lambda n: "<a " * n, 6_000)
    assert len(_HTML_TAG.findall('<p class="x">one</p><a href="/y">two</a>')) == 4


# ---------------------------------------------------------------- round two: caps and runs


@pytest.mark.parametrize("unit", ["cookie-", "1x1-", "a@", "(Photo "])
def test_a_long_word_of_furniture_words_is_linear(unit: str) -> None:
    make = lambda n: unit * n + "\n\n" + SENTENCE  # noqa: E731
    assert_linear(load_text, make, 2_000)


def test_a_menu_line_that_fails_at_its_end_is_quick() -> None:
    from reader.load.text_lines import _MENU_LINE

    line = "World news  |  " * 11 + "Science and more than thirty letters here"  # 170 or so
    started = time.perf_counter()
    assert _MENU_LINE.match(line) is None
    assert time.perf_counter() - started < 1


def test_inline_tags_in_one_paragraph_are_linear() -> None:
    make = lambda n: f"<html><body><article><p>{SENTENCE}</p><p>{'<b>a</b> ' * n}</p></article></body></html>"  # noqa: E501, E731
    assert_linear(load_html, make, 4_000)


def test_a_page_past_the_tag_cap_is_read_and_says_so() -> None:
    from reader.load import extract_bytes
    from reader.load.page.parse import MAX_PAGE_TAGS

    page = f"<html><body><article><p>{SENTENCE}</p><p>{'<b>a</b> ' * (MAX_PAGE_TAGS // 2 + 10)}</p></article></body></html>"  # noqa: E501
    article = extract_bytes(page.encode(), "x.html", kind_hint="html")
    assert SENTENCE in article.text
    assert len(article.limits) == 1 and "200,000 tags" in article.limits[0]
    from reader.codec import analysis_to_dict

    assert article.limits[0] in analysis_to_dict(Analysis(article))["limits"]


@pytest.mark.parametrize("levels", [5_000, 100_000])
@pytest.mark.parametrize("shape", ["[", '{"a":', '{"@graph":'])
def test_json_ld_nested_deep_is_no_crash(levels: int, shape: str) -> None:
    from reader.load import extract_bytes

    closer = {"[": "]", '{"a":': "}", '{"@graph":': "}"}[shape]
    data = shape * levels + "1" + closer * levels
    page = (
        f'<html><head><title>Deep</title><script type="application/ld+json">{data}</script>'
        f"</head><body><article><p>{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>"
    )
    assert SENTENCE in extract_bytes(page.encode(), "x.html", kind_hint="html").text


@pytest.mark.parametrize("unit", ["!", "(", "'"])
def test_analysis_of_a_run_of_punctuation_is_linear(nlp: Any, unit: str) -> None:
    make = lambda n: Article.from_blocks("x", [("paragraph", f"Ann Lee said so {unit * n}")])  # noqa: E731
    assert_linear(analysed, make, 1_000)


def test_a_paragraph_past_the_analysis_caps_is_analysed_in_part_and_says_so(nlp: Any) -> None:
    from reader.analyze.limits import MAX_BLOCK_TOKENS, MAX_QUOTE_MARKS, analysis_limits
    from reader.codec import analysis_to_dict

    marks = '"' * (max(MAX_QUOTE_MARKS, MAX_BLOCK_TOKENS) + 10)
    article = Article.from_blocks("x", [("paragraph", 'Ann Lee said "we will go."'),
                                        ("paragraph", marks),
                                        ("paragraph", "Madrid, " * MAX_BLOCK_TOKENS)])  # fmt: skip
    analysis = analysed(article)
    assert isinstance(analysis, Analysis)
    notes = analysis_limits(article)
    assert len(notes) == 2 and all(note.startswith("Analysis limit") for note in notes)
    assert "1 block" in notes[0] and "1 paragraph" in notes[1]
    assert analysis_to_dict(analysis)["limits"] == notes
    assert [quote.text for quote in analysis.quotes] == ["we will go."]


def test_a_million_quote_marks_cost_less_than_a_paragraph_of_prose(nlp: Any) -> None:
    """Past the cap of quote marks a paragraph is not analysed at all: its marks are counted
    up to the cap, never paired, and spaCy is not given it (a million took 9 s: 4 s pairing
    them, 5 s parsing the first 10,000). The anchor is an ordinary paragraph of a hundred
    sentences, analysed in the same run."""
    import time

    from reader.analyze import analyze

    lead = 'Ann Lee said "we will go." '
    marks = Article.from_blocks("x", [("paragraph", lead), ("paragraph", '"' * 1_000_000)])
    prose = Article.from_blocks("y", [("paragraph", lead), ("paragraph", SENTENCE * 100)])

    def best(article: Article) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            analysis = analyze(article)
            times.append(time.perf_counter() - started)
        assert [quote.text for quote in analysis.quotes] == ["we will go."]
        return min(times)

    analyze(prose)  # warm up
    assert best(marks) < best(prose)


def test_a_long_run_without_spaces_is_tokenized_in_linear_time(nlp: Any) -> None:
    """spaCy's tokenizer is quadratic in the length of a run without spaces, and caches what
    it has seen: each run here is new (a different last character), so no run is a cache hit."""
    from reader.analyze.nlp import LONGEST_WORD, parse_article, tokenizable

    calls = itertools.count()

    def parsed(n: int) -> object:
        text = '"' * n + chr(0x4E00 + next(calls) % 2000)
        return parse_article(Article.from_blocks("x", [("paragraph", text)]), nlp=nlp)

    assert_linear(parsed, lambda n: n, 2_000)
    text = "word " + "x" * (3 * LONGEST_WORD) + " end"
    given = tokenizable(text)
    assert len(given) == len(text) and given.replace(" ", "x") == text.replace(" ", "x")
    assert max(len(run) for run in given.split()) <= LONGEST_WORD
    ordinary = "An ordinary sentence, with https://example.org/a/very/long/path words."
    assert tokenizable(ordinary) is ordinary
