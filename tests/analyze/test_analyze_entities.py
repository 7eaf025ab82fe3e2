"""Entity repair, typing by evidence, merging by alias, ids and order."""

from __future__ import annotations

from typing import Any

from support.analyze_helpers import analyse_paragraphs, entity_named

from reader.model import Article


def test_acronym_merges_with_its_expansion(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Voice of America reported the talks on Tuesday.",
        "Officials in the United States told VOA the talks would go ahead.",
        "The U.S. embassy said little.",
    )
    voa = entity_named(analysis, "Voice of America", "ORG")
    assert "VOA" in voa.aliases and len(voa.mentions) == 2
    assert "U.S." in entity_named(analysis, "United States", "PLACE").aliases


def test_surname_and_possessive_merge_into_the_full_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Prime Minister Sarah Whitfield visited the shipyard on Monday.",
        "Whitfield's visit was brief, and Whitfield left before noon.",
    )
    person = entity_named(analysis, "Sarah Whitfield", "PERSON")
    assert person.aliases == ("Whitfield",)
    assert len(person.mentions) == 3
    assert person.description == "Prime Minister"


def test_platform_after_said_on_is_not_a_person(nlp: Any) -> None:
    analysis = analyse_paragraphs("Donald Trump said on Twitter that the talks were a trick.")
    assert not [e for e in analysis.entities if e.name == "Twitter" and e.type == "PERSON"]


def test_place_after_locative_preposition_and_apposition(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Crews walked out on Thursday, leaving commuters stranded at the quayside in Gourock.",
        "Her son is studying engineering in Valencia and may not come back.",
        "Nordwind Offshore, a Gdansk-based consortium, is building the farm.",
    )
    entity_named(analysis, "Gourock", "PLACE")
    entity_named(analysis, "Valencia", "PLACE")
    entity_named(analysis, "Nordwind Offshore", "ORG")


def test_hyphenated_names_and_organisation_tails_are_kept_whole(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "South Korean President Moon Jae-in welcomed the offer late Monday.",
        "Grant Newsham, a fellow at the Tokyo-based Japan Forum for Strategic Studies, "
        "tells VOA the talks matter. Newsham said more.",
    )
    entity_named(analysis, "Moon Jae-in", "PERSON")
    entity_named(analysis, "Japan Forum for Strategic Studies", "ORG")
    entity_named(analysis, "Tokyo", "PLACE")
    assert "Newsham" in entity_named(analysis, "Grant Newsham", "PERSON").aliases


def test_no_entity_spans_a_line_break_or_a_separator(nlp: Any) -> None:
    article = Article.from_blocks(
        "t.txt",
        [("paragraph", "Lisbon | Porto | Algarve"), ("paragraph", "Breaking News\nSouth Korea")],
    )
    from reader.analyze import analyze

    analysis = analyze(article)
    for entity in analysis.entities:
        assert "\n" not in entity.name and "|" not in entity.name
        for mention in entity.mentions:
            assert "\n" not in article.text[mention.start : mention.end]


def test_salience_order_and_stable_ids(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Carla Reyes met Tom Harris in Madrid.",
        '"We will keep fishing," Reyes said. Reyes left early.',
    )
    people = [e for e in analysis.entities if e.type == "PERSON"]
    assert people[0].name == "Carla Reyes"
    assert people[0].id == "person-carla-reyes"
    again = analyse_paragraphs(
        "Carla Reyes met Tom Harris in Madrid.",
        '"We will keep fishing," Reyes said. Reyes left early.',
    )
    assert [e.id for e in again.entities] == [e.id for e in analysis.entities]


def test_dates_are_real_dates(nlp: Any) -> None:
    analysis = analyse_paragraphs("In his annual address on Jan. 1, 2018, he spoke for an hour.")
    dates = [e.name for e in analysis.entities if e.type == "DATE"]
    assert "Jan. 1, 2018" in dates
    assert "annual" not in dates


def test_company_names_merge_once_the_legal_form_is_removed(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "NASA picked Blue Origin, Sierra Nevada Corporation and SpaceX for the next missions.",
        "Smaller firms such as Ceres Robotics were also chosen.",
        "Sierra Nevada and Ceres Robotics Inc. will bid for the first delivery.",
    )
    sierra = entity_named(analysis, "Sierra Nevada Corporation", "ORG")
    assert "Sierra Nevada" in sierra.aliases and len(sierra.mentions) == 2
    names = [e.name for e in analysis.entities]
    assert names.count("Sierra Nevada") == 0
    assert sum(1 for n in names if n.startswith("Ceres Robotics")) == 1


def test_a_web_address_and_a_shortened_company_name_join_the_company(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Rates rose in October, according to Edmunds.com, an automobile data firm.",
        "Edmunds expects sales to fall this year.",
        "Walt Disney Co. launched its service on Tuesday.",
        "Disney said demand was high, and the Disney Channel promoted it.",
    )
    assert "Edmunds" in entity_named(analysis, "Edmunds.com", "ORG").aliases
    assert "Disney" in entity_named(analysis, "Walt Disney Co.", "ORG").aliases
    assert "Disney" not in entity_named(analysis, "Disney Channel", "ORG").aliases


def test_hyphenated_pair_of_places_is_two_places(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "He visited the U.S.-Mexico border near McAllen.",
        "Mexico said the U.S. should help.",
    )
    assert not [e for e in analysis.entities if "-" in e.name]
    assert len(entity_named(analysis, "Mexico", "PLACE").mentions) == 2
