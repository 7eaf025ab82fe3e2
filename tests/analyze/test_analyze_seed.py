"""The seed article's quotes, speakers and entities, as the issue lists them."""

from __future__ import annotations

import pytest
from support.analyze_helpers import entity_named, quote_starting

from reader.model import Analysis


@pytest.mark.parametrize(
    ("words", "speaker", "kind"),
    [
        ("Sanctions and 'other' pressures", "Donald Trump", "direct"),
        ("somehow reaching a deal", "Grant Newsham", "partial"),
        ("There's even a sense", "Grant Newsham", "direct"),
        ("It's not surprising", "Grant Newsham", "direct"),
        ("always on the desk in my office", "Kim Jong Un", "partial"),
    ],
)
def test_seed_quote_speakers(seed_analysis: Analysis, words: str, speaker: str, kind: str) -> None:
    quote = quote_starting(seed_analysis, words)
    assert quote.speaker == speaker
    assert quote.kind == kind
    entity = seed_analysis.entity(quote.speaker_id or "")
    assert entity is not None and entity.name == speaker


def test_seed_quotes_are_exactly_the_five(seed_analysis: Analysis) -> None:
    marked = [q for q in seed_analysis.quotes if q.kind != "indirect"]
    texts = [q.text for q in marked]
    assert len(texts) == 5, texts
    assert "other" not in texts
    ids = [q.id for q in seed_analysis.quotes]
    assert ids == [f"q{n}" for n in range(1, len(ids) + 1)]
    starts = [q.start for q in seed_analysis.quotes]
    assert starts == sorted(starts)


def test_seed_quote_offsets_and_cues(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    for quote in seed_analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.kind != "indirect":
            assert text[quote.start - 1] in '"“'
    assert quote_starting(seed_analysis, "somehow reaching").cue == "tells VOA"
    assert quote_starting(seed_analysis, "There's even").cue == "said"


@pytest.mark.parametrize(
    "name", ["Kim Jong Un", "Donald Trump", "Moon Jae-in", "Cho Myoung-gyon", "Grant Newsham"]
)
def test_seed_people(seed_analysis: Analysis, name: str) -> None:
    entity_named(seed_analysis, name, "PERSON")


@pytest.mark.parametrize(
    "name", ["South Korea", "North Korea", "Seoul", "Pyeongchang", "Panmunjom", "Tokyo"]
)
def test_seed_places(seed_analysis: Analysis, name: str) -> None:
    entity_named(seed_analysis, name, "PLACE")


def test_seed_organisation_and_aliases(seed_analysis: Analysis) -> None:
    entity_named(seed_analysis, "Japan Forum for Strategic Studies", "ORG")
    kim = entity_named(seed_analysis, "Kim Jong Un", "PERSON")
    assert "Kim" in kim.aliases
    assert len(kim.mentions) >= 5
    assert "Trump" in entity_named(seed_analysis, "Donald Trump").aliases
    assert "Newsham" in entity_named(seed_analysis, "Grant Newsham").aliases
    assert "U.S." in entity_named(seed_analysis, "United States", "PLACE").aliases


def test_seed_no_false_people_or_duplicates(seed_analysis: Analysis) -> None:
    people = {e.name for e in seed_analysis.entities if e.type == "PERSON"}
    assert "Twitter" not in people
    assert people == {
        "Kim Jong Un",
        "Donald Trump",
        "Moon Jae-in",
        "Cho Myoung-gyon",
        "Grant Newsham",
    }
    keys = [(e.type, e.name) for e in seed_analysis.entities]
    assert len(keys) == len(set(keys))
    for entity in seed_analysis.entities:
        assert "\n" not in entity.name
        for alias in entity.aliases:
            assert not alias.endswith(("'s", "’s"))


def test_seed_titles_kept_as_description(seed_analysis: Analysis) -> None:
    assert entity_named(seed_analysis, "Cho Myoung-gyon").description == "Unification Minister"
    assert entity_named(seed_analysis, "Donald Trump").description == "U.S. President"


def test_seed_entities_ordered_by_salience(seed_analysis: Analysis) -> None:
    people = [e.name for e in seed_analysis.entities if e.type == "PERSON"]
    assert people[0] == "Kim Jong Un"
    assert people.index("Grant Newsham") < people.index("Cho Myoung-gyon")


def test_seed_entity_ids_are_readable_and_unique(seed_analysis: Analysis) -> None:
    ids = [e.id for e in seed_analysis.entities]
    assert len(ids) == len(set(ids))
    assert "person-kim-jong-un" in ids
    assert entity_named(seed_analysis, "Seoul").id == "place-seoul"


def test_seed_mentions_point_at_names(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    for entity in seed_analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end].replace("’", "'") in {
                entity.name,
                *entity.aliases,
            }


def test_seed_reported_speech_is_indirect_with_its_speaker(seed_analysis: Analysis) -> None:
    indirect = [q for q in seed_analysis.quotes if q.kind == "indirect"]
    by_start = {q.text.split()[0]: q for q in indirect}
    cho = next(q for q in indirect if q.text.startswith("Seoul wants to meet"))
    assert cho.speaker == "Cho Myoung-gyon"
    assert cho.speaker_id is not None
    assert cho.cue == "said"
    moon = next(q for q in indirect if q.text.startswith("any improvements"))
    assert moon.speaker == "Moon Jae-in"
    assert all('"' not in q.text and "“" not in q.text for q in indirect), by_start
