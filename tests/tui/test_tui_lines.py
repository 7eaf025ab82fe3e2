"""The article view's line index and span lookups, without a terminal."""

from __future__ import annotations

from rich.cells import cell_len
from support.tui_seed import frozen_seed

from reader.model import Article
from reader.tui.text.line_index import LineIndex, wrap_article, wrap_offsets
from reader.tui.text.spans import SpanIndex


def test_wrap_offsets_fit_the_width_and_keep_every_word() -> None:
    text = "The quick brown fox jumps over the lazy dog " * 7
    lines = wrap_offsets(text, 30)
    assert len(lines) > 5
    for start, end in lines:
        assert cell_len(text[start:end]) <= 30
        assert text[start:end] == text[start:end].strip()
    assert " ".join(text[s:e] for s, e in lines) == " ".join(text.split())


def test_a_word_longer_than_the_width_is_cut() -> None:
    text = "short " + "x" * 25 + " end"
    lines = wrap_offsets(text, 10)
    assert [text[s:e] for s, e in lines] == ["short", "x" * 10, "x" * 10, "xxxxx end"]


def test_wide_characters_are_measured_in_cells() -> None:
    text = "東京 " * 10
    for start, end in wrap_offsets(text, 9):
        assert cell_len(text[start:end]) <= 9


def test_blocks_are_separated_by_a_blank_line_and_keep_their_kind() -> None:
    article = Article.from_blocks(
        "t.txt",
        [("heading", "A title"), ("paragraph", "word " * 40), ("list_item", "an item " * 12)],
    )
    index = wrap_article(article, 40)
    kinds = [line.kind for line in index.lines]
    assert kinds[0] == "heading" and kinds[1] == "blank"
    assert "list_item" in kinds and kinds.count("blank") == 2
    items = [line for line in index.lines if line.kind == "list_item"]
    assert items[0].first and not items[1].first
    assert all(cell_len(article.text[line.start : line.end]) <= 38 for line in items)


def test_line_at_finds_the_line_holding_an_offset() -> None:
    article = frozen_seed().article
    index = wrap_article(article, 60)
    for number, line in enumerate(index.lines):
        if line.kind != "blank":
            assert index.line_at(line.start) == number
            assert index.line_at(line.end - 1) == number
    quote_start = article.text.index("Sanctions and")
    first, last = index.lines_of(quote_start, quote_start + 300)
    assert first < last
    assert index[first].start <= quote_start < index[first].end


def test_span_index_finds_overlapping_spans_only() -> None:
    spans = SpanIndex([(0, 5), (10, 20), (12, 14), (30, 100), (200, 210)])
    assert list(spans.overlapping(4, 11)) == [(0, 5), (10, 20)]
    assert list(spans.overlapping(13, 13 + 1)) == [(10, 20), (12, 14)]
    assert list(spans.overlapping(150, 199)) == []
    assert list(spans.overlapping(99, 205)) == [(30, 100), (200, 210)]
    assert not SpanIndex()


def test_the_fast_wrap_matches_the_word_by_word_wrap() -> None:
    from reader.tui.text.line_index import _wrap_single_cells, _wrap_words

    words = ["a", "to", "the", "delta", "sinking,", "“Ebro”", "café—", "x" * 45, "I"]
    for number in range(400):
        text = " ".join(words[(number * 7 + i * i) % len(words)] for i in range(number % 50 + 1))
        text = (" " if number % 3 == 0 else "") + text + (" " if number % 4 == 0 else "")
        for width in (2, 5, 12, 40, 79):
            assert _wrap_single_cells(text, width) == _wrap_words(text, width), (text, width)


def test_is_empty_does_not_wrap_a_long_article() -> None:
    # A long article is wrapped lazily; asking whether it has lines must not wrap it all
    # (`len` does: it needs the count), nor must the offset at the top of the view.
    paragraph = "Officials said the talks would go on through the winter. " * 12
    article = Article.from_blocks("long.txt", [("paragraph", paragraph)] * 2_000)
    index = LineIndex.lazy(article, 60)
    assert not index.is_empty
    wrapped_by_is_empty = index.wrapped
    assert not index.complete
    assert len(index) > 100 * wrapped_by_is_empty  # `len` wrapped everything
    assert LineIndex.lazy(Article.from_blocks("empty.txt", []), 60).is_empty
