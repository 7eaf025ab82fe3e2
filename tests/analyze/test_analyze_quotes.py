"""Quote pairing (text only) and speaker attribution (with the real model)."""

from __future__ import annotations

from typing import Any

from support.analyze_helpers import analyse_paragraphs, quote_starting

from reader.analyze.quotes import find_quote_spans
from reader.model import Article


def spans_of(*paragraphs: str) -> list[str]:
    article = Article.from_blocks("t.txt", [("paragraph", p) for p in paragraphs])
    return [span.text(article) for span in find_quote_spans(article)]


def test_pairs_straight_curly_guillemets_and_low_marks() -> None:
    assert spans_of('He said "one" and “two” and «three» and „four“.') == [
        "one",
        "two",
        "three",
        "four",
    ]


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    assert spans_of("\"Sanctions and 'other' pressures work,\" he said.") == [
        "Sanctions and 'other' pressures work,"
    ]


def test_multi_paragraph_quote_is_one_span_covering_both() -> None:
    article = Article.from_blocks(
        "t.txt",
        [
            ("paragraph", "“We are a small island,” she said. “We have no second road."),
            ("caption", "A ferry at the pier."),
            ("paragraph", "“We do not have a second chance.”"),
            ("paragraph", "Narration follows."),
        ],
    )
    spans = find_quote_spans(article)
    assert [len(span.blocks) for span in spans] == [1, 2]
    second = spans[1]
    assert second.text(article).startswith("We have no second road.")
    assert second.text(article).endswith("second chance.")
    assert article.text[second.start : second.end] == second.text(article)


def test_quote_left_open_without_a_reopening_closes_at_paragraph_end() -> None:
    assert spans_of("He said “it never ends", "Then narration resumes.") == ["it never ends"]


def test_closing_with_two_apostrophes_and_inch_marks() -> None:
    assert spans_of("He said ``we will win'' today.") == ["we will win"]
    assert spans_of('The board is 5\'11" long and "sturdy enough," she said.') == ["sturdy enough,"]


def test_captions_hold_no_quotes(nlp: Any) -> None:
    from reader.analyze import analyze

    article = Article.from_blocks(
        "t.txt", [("caption", '"We will rebuild," a sign reads.'), ("paragraph", "Nothing.")]
    )
    assert analyze(article).quotes == ()


def test_speaker_named_after_the_quote(nlp: Any) -> None:
    analysis = analyse_paragraphs('"The river gives and the sea takes," said Jane Doe, a farmer.')
    quote = quote_starting(analysis, "The river gives")
    assert (quote.speaker, quote.kind, quote.cue) == ("Jane Doe", "direct", "said")


def test_according_to_and_told_outlet(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        'Costs are rising by "tens of thousands of pounds a day," according to Morag Lindsay.',
        '"We will appeal the decision in court," Tom Harris told Reuters on Monday.',
    )
    first = quote_starting(analysis, "tens of thousands")
    assert (first.speaker, first.kind, first.cue) == ("Morag Lindsay", "partial", "according to")
    second = quote_starting(analysis, "We will appeal")
    assert (second.speaker, second.cue) == ("Tom Harris", "told Reuters")
    assert not [e for e in analysis.entities if e.name == "Reuters" and e.type == "PERSON"]


def test_pronoun_resolves_to_nearest_person_of_matching_gender(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Mr. Alan Price met Ms. Carla Reyes at the harbour on Monday.",
        '"The boats will sail again by spring," she said.',
        '"I am not so sure about that," he said.',
    )
    assert quote_starting(analysis, "The boats").speaker == "Carla Reyes"
    assert quote_starting(analysis, "I am not so sure").speaker == "Alan Price"


def test_floating_quote_takes_speaker_from_paragraph_before(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Mayor Helena Vasconcelos said on Twitter that the trams would be free.",
        '"Every young person on a tram is one less car. That is the point."',
    )
    quote = quote_starting(analysis, "Every young person")
    assert quote.speaker == "Helena Vasconcelos"
    assert quote.speaker_id == "person-helena-vasconcelos"


def test_never_a_speaker_from_a_later_paragraph(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        '"Nobody warned us about the flood."',
        "Maria Lopez, a farmer, said the water came at night.",
    )
    assert quote_starting(analysis, "Nobody warned").speaker is None


def test_organisation_speaker_through_its_head_noun(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Western Isles Ferry Company cancelled every sailing on Thursday.",
        '"Our first duty is to the islands we serve," the company said in a statement.',
    )
    quote = quote_starting(analysis, "Our first duty")
    assert quote.speaker == "Western Isles Ferry Company"


def test_scare_quotes_titles_and_labels_are_not_quotes(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        'The union opposes the so-called "flexible rota" at the port.',
        'Her 2018 book, "Mud and Memory", sold modestly.',
        'Officials called the plan "a reckless gamble with public money", Ana Ruiz said.',
    )
    texts = [q.text for q in analysis.quotes]
    assert texts == ["a reckless gamble with public money"]
    assert analysis.quotes[0].kind == "partial"


def test_split_sentence_second_half_is_direct(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Okafor runs the library.",
        '"If you build something this beautiful," she said, "you had better let people use it."',
    )
    assert [q.kind for q in analysis.quotes] == ["direct", "direct"]
    assert [q.id for q in analysis.quotes] == ["q1", "q2"]
