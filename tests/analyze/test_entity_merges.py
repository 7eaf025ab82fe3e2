"""Duplicates and merges: each alias rule joins the two forms of one name, and its risky
neighbour (two different things with a shared word) stays two rows. Real spaCy."""

from __future__ import annotations

from typing import Any

from support.analyze_helpers import analyse_paragraphs, entity_named

from reader.model import Analysis


def _rows(analysis: Analysis, word: str) -> list[tuple[str, str]]:
    return [
        (e.name, e.type)
        for e in analysis.entities
        if e.type in {"PERSON", "ORG", "PLACE"} and word in e.name
    ]


def test_a_name_without_its_middle_initial_is_the_same_person(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Harold P. Lindqvist spoke to the council on Monday.",
        "Later, Harold Lindqvist said the plan would work, and Lindqvist left early.",
    )
    person = entity_named(analysis, "Harold P. Lindqvist", "PERSON")
    assert "Harold Lindqvist" in person.aliases
    assert _rows(analysis, "Lindqvist") == [("Harold P. Lindqvist", "PERSON")]


def test_two_different_middle_initials_are_two_people(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "George W. Bush and his father, George H.W. Bush, attended the service.",
        "George W. Bush spoke first.",
    )
    entity_named(analysis, "George W. Bush", "PERSON")
    entity_named(analysis, "George H.W. Bush", "PERSON")


def test_a_name_without_its_suffix_is_the_person_written_with_it(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Ralph Denning III, a commentator, wrote that the bill was dead.",
        "Ralph Denning said on Monday that it was over.",
    )
    assert _rows(analysis, "Denning") == [("Ralph Denning III", "PERSON")]


def test_a_father_written_senior_is_not_his_son(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Ralph Denning Sr., a commentator, wrote that the bill was dead.",
        "Ralph Denning said on Monday that it was over.",
    )
    entity_named(analysis, "Ralph Denning Sr.", "PERSON")
    entity_named(analysis, "Ralph Denning", "PERSON")


def test_a_headline_word_glued_to_a_person_is_cut_off(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Senator Tom Becker spoke on Monday. Tom Becker said the vote was close.",
        "Related: Tom Becker Refuses On Farm Aid",
        "Senator John Harper spoke on Monday. John Harper said the vote was close.",
        "Related: John Harper Responds To Question On Farm Aid",
    )
    assert _rows(analysis, "Becker") == [("Tom Becker", "PERSON")]
    assert _rows(analysis, "Harper") == [("John Harper", "PERSON")]


def test_a_surname_with_a_particle_keeps_the_given_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Mayor Bill de Blasio spoke. De Blasio said the city was safe. De Blasio left.",
    )
    entity_named(analysis, "Bill de Blasio", "PERSON")


def test_a_company_the_model_cuts_in_two_is_one_organisation(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Lockheed Martin won the contract. Shares of Lockheed Martin rose 2 percent, "
        "and Lockheed said more jobs would follow.",
    )
    company = entity_named(analysis, "Lockheed Martin", "ORG")
    assert "Lockheed" in company.aliases
    assert not [e for e in analysis.entities if e.name == "Martin"]


def test_a_word_of_a_persons_full_name_is_not_glued_to_an_organisation(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Lockheed Martin won the contract. Shares of Lockheed rose 2 percent after Martin "
        "Kessler, an analyst, praised the deal. Kessler said more would follow.",
    )
    analyst = entity_named(analysis, "Martin Kessler", "PERSON")
    assert "Kessler" in analyst.aliases


def test_an_office_named_either_way_round_is_one_office(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Justice Department opened an inquiry on Tuesday.",
        "A Department of Justice lawyer declined to comment.",
    )
    office = entity_named(analysis, "Justice Department", "ORG")
    assert "Department of Justice" in office.aliases


def test_two_offices_stay_two(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The State Department opened an inquiry on Tuesday.",
        "A Department of Justice lawyer declined to comment.",
    )
    entity_named(analysis, "State Department", "ORG")
    entity_named(analysis, "Department of Justice", "ORG")


def test_an_organisation_cut_before_what_it_is_for_is_the_whole(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Carrow Institute for Fair Courts issued a report on Monday.",
        "The Carrow Institute said turnout had fallen.",
    )
    institute = entity_named(analysis, "Carrow Institute for Fair Courts", "ORG")
    assert "Carrow Institute" in institute.aliases


def test_a_short_name_two_organisations_open_stays_itself(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Carrow Institute for Fair Courts and the Carrow Institute of Art issued a report.",
        "The Carrow Institute said turnout had fallen.",
    )
    entity_named(analysis, "Carrow Institute for Fair Courts", "ORG")
    entity_named(analysis, "Carrow Institute of Art", "ORG")
    for name in ("Carrow Institute for Fair Courts", "Carrow Institute of Art"):
        assert "Carrow Institute" not in entity_named(analysis, name, "ORG").aliases


def test_one_word_for_the_one_body_of_a_place(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Ohio Senate passed the bill on Thursday.",
        "The Senate vote was 20 to 13.",
    )
    assert "Senate" in entity_named(analysis, "Ohio Senate", "ORG").aliases


def test_one_word_for_two_bodies_stays_itself(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Ohio Senate passed the bill on Thursday, and the Texas Senate rejected it.",
        "The Senate vote was 20 to 13.",
    )
    for name in ("Ohio Senate", "Texas Senate"):
        assert "Senate" not in entity_named(analysis, name, "ORG").aliases


def test_a_body_written_with_an_acronym_first_is_its_full_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The United Nations Security Council met on Friday.",
        "Five Security Council members objected. The U.N. will vote again.",
    )
    council = entity_named(analysis, "United Nations Security Council", "ORG")
    assert "Security Council" in council.aliases


def test_the_democrat_party_is_the_democratic_party(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Democratic Party objected on Monday.",
        "Its rivals call it the Democrat Party.",
    )
    party = entity_named(analysis, "Democratic Party", "ORG")
    assert "Democrat Party" in party.aliases


def test_a_surname_follows_its_full_name_into_the_fullest_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Hillary Rodham Clinton spoke in Iowa on Monday. Clinton said the plan would work.",
        "Later, Hillary Clinton met voters in Ohio, and Clinton said she would return.",
        "Clinton left for Texas on Friday.",
    )
    assert _rows(analysis, "Clinton") == [("Hillary Rodham Clinton", "PERSON")]


def test_what_an_office_is_of_stands_for_the_office(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Department of Homeland Security issued a warning.",
        "Homeland Security officials said more would follow.",
    )
    office = entity_named(analysis, "Department of Homeland Security", "ORG")
    assert "Homeland Security" in office.aliases


def test_what_two_offices_are_of_stands_for_neither(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Department of Homeland Security and the Office of Homeland Security disagreed.",
        "Homeland Security officials said more would follow.",
    )
    for name in ("Department of Homeland Security", "Office of Homeland Security"):
        assert "Homeland Security" not in entity_named(analysis, name, "ORG").aliases


def test_an_organisation_without_its_last_word_is_the_organisation(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Students at St. Anselm College gathered on Monday.",
        "The debate at St. Anselm ran late.",
    )
    assert "St. Anselm" in entity_named(analysis, "St. Anselm College", "ORG").aliases


def test_a_short_name_of_two_organisations_is_neither(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Students at St. Anselm College and the St. Anselm Institute gathered on Monday.",
        "The debate at St. Anselm ran late.",
    )
    for name in ("St. Anselm College", "St. Anselm Institute"):
        assert "St. Anselm" not in entity_named(analysis, name, "ORG").aliases


def test_a_city_written_with_its_state_is_the_city(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Protesters marched in Washington D.C. on Sunday.",
        "Washington was quiet by night.",
    )
    assert _rows(analysis, "Washington") == [("Washington", "PLACE")]


def test_a_person_named_like_the_city_is_not_the_city(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Protesters marched in Washington D.C. on Sunday.",
        "The actor Denzel Washington joined them, and Washington said he was proud.",
    )
    assert "Washington" in entity_named(analysis, "Denzel Washington", "PERSON").aliases
    city = entity_named(analysis, "Washington", "PLACE")
    assert city.aliases == ("Washington D.C.",) and len(city.mentions) == 1


def test_a_given_name_before_a_two_word_surname_stays(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Judge Kathleen Hawk Sawyer ruled on Monday.",
        "Hawk Sawyer said the case was closed. Hawk Sawyer left the court.",
    )
    assert _rows(analysis, "Sawyer") == [("Kathleen Hawk Sawyer", "PERSON")]


def test_a_son_written_junior_is_not_his_father_without_the_initial(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Harold P. Lindqvist spoke to the council on Monday.",
        "His son, Harold Lindqvist Jr., said the plan would work.",
    )
    entity_named(analysis, "Harold P. Lindqvist", "PERSON")
    entity_named(analysis, "Harold Lindqvist Jr.", "PERSON")


def test_a_name_ending_with_an_organisation_word_is_not_a_longer_ones_short_form(
    nlp: Any,
) -> None:
    analysis = analyse_paragraphs(
        "Carrow News Daily, a radio show, aired the interview on Monday.",
        "Carrow News, the site behind it, said the interview was real.",
    )
    show = [e for e in analysis.entities if e.name == "Carrow News Daily"]
    assert show and "Carrow News" not in show[0].aliases
