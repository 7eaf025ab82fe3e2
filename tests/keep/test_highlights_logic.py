"""The Textual-free parts of highlights: notes and #tags, the filter, the check that a
highlight still marks the same words, and sentence and word steps over real text."""

from __future__ import annotations

import dataclasses

from reader.keep.highlights import fitting, matches, new_highlight, note_and_tags
from reader.model import Article
from reader.tui.text.selecting import Passages, word_span

ARTICLE = Article.from_blocks(
    "story.txt",
    [
        ("paragraph", 'Mr. Kim said talks resumed. "We are ready," he said. Then he left!'),
        ("paragraph", "A second paragraph, with one sentence."),
    ],
    title="Talks",
)


def test_tags_typed_in_a_note_are_taken_out_once_each_in_lower_case() -> None:
    assert note_and_tags("Key point #Korea #talks #korea") == ("Key point", ("korea", "talks"))
    assert note_and_tags(None) == ("", ())
    assert note_and_tags("C# is not a tag") == ("C# is not a tag", ())


def test_the_filter_needs_every_word_and_every_tag() -> None:
    highlight = new_highlight(ARTICLE, 0, 27, "why it matters", ("korea",))
    assert matches(highlight, "talks MATTERS tag:korea")
    assert not matches(highlight, "tag:japan")
    assert not matches(highlight, "talks absent")
    assert matches(highlight, "")


def test_a_highlight_of_changed_text_does_not_fit() -> None:
    highlight = new_highlight(ARTICLE, 0, 27)
    assert fitting([highlight], ARTICLE) == ([highlight], [])
    changed = dataclasses.replace(ARTICLE, text="Ms" + ARTICLE.text[2:])
    assert fitting([highlight], changed) == ([], [highlight])


def test_sentences_grow_and_shrink_within_and_across_blocks() -> None:
    passages = Passages(ARTICLE)
    text = ARTICLE.text
    first = passages.sentence_from(0)
    assert first is not None and text[first[0] : first[1]] == "Mr. Kim said talks resumed."
    two = passages.grown(first, 1)
    assert two is not None and text[two[0] : two[1]].endswith('"We are ready," he said.')
    three = passages.grown(passages.grown(two, 1) or two, 1)  # into the next paragraph
    assert three is not None and text[three[0] : three[1]].endswith("one sentence.")
    assert passages.grown(three, 1) is None  # the end of the text
    assert passages.grown(two, -1) == first
    assert passages.grown(first, -1) is None


def test_words_step_with_their_punctuation_and_a_drag_takes_whole_words() -> None:
    passages = Passages(ARTICLE)
    text = ARTICLE.text
    first = passages.sentence_from(0)
    assert first is not None
    more = passages.grown(first, 1, by_word=True)
    assert more is not None and text[first[1] : more[1]] == ' "We'
    assert passages.grown(more, -1, by_word=True) == first
    span = word_span(text, text.index("alks"), text.index("resum") + 2)
    assert span is not None and text[span[0] : span[1]] == "talks resumed."


def test_with_one_block_a_selection_stays_in_the_block_it_starts_in() -> None:
    passages = Passages(ARTICLE, one_block=True)
    last = passages.sentence_from(ARTICLE.text.index("Then"))
    assert last is not None and passages.grown(last, 1) is None
    assert passages.grown(last, 1, by_word=True) is None
    assert Passages(ARTICLE).grown(last, 1) is not None  # unfiltered, it goes on
