"""Names written in forms no spelling rule derives (`known_aliases`, `name_variants`): each
alias rule joins one entity's two rows, and its risky neighbour stays two rows. Real spaCy."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.analyze_helpers import analyse_paragraphs, entity_named

from reader.analyze.entities import name_variants
from reader.model import Analysis


def _rows(analysis: Analysis, *words: str) -> list[tuple[str, str]]:
    return [
        (e.name, e.type)
        for e in analysis.entities
        if e.type in {"PERSON", "ORG", "PLACE"} and any(w in e.name for w in words)
    ]


def test_the_us_in_capitals_is_the_united_states_of_america(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The US will send troops, the president said.",
        "No leader of the United States of America has done more, he said.",
    )
    country = entity_named(analysis, "United States of America", "PLACE")
    assert "US" in country.aliases
    assert len(_rows(analysis, "US", "United")) == 1


def test_britain_and_the_uk_are_the_united_kingdom(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Britain and France signed the deal. The UK will pay half.",
        "The United Kingdom said it was pleased with the terms.",
    )
    assert _rows(analysis, "Britain", "UK", "Kingdom") == [("Britain", "PLACE")]
    entity_named(analysis, "France", "PLACE")


def test_a_bare_korea_is_the_korea_the_article_is_about(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The talks on North Korea resumed in Geneva. North Korea said it would attend.",
        "Jane Park, a Korea watcher at Harvard, said South Korea was wary.",
    )
    assert "Korea" in entity_named(analysis, "North Korea", "PLACE").aliases
    assert "Korea" not in entity_named(analysis, "South Korea", "PLACE").aliases


def test_korea_beside_both_koreas_named_alike_stays_the_peninsula(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "North Korea and South Korea met at the border on Monday.",
        "Jane Park, a Korea watcher at Harvard, said the talks were a start.",
    )
    entity_named(analysis, "Korea", "PLACE")
    assert "Korea" not in entity_named(analysis, "North Korea", "PLACE").aliases


def test_a_brand_written_as_the_initials_of_its_compound_name_is_one_company(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Volkswagen said on Tuesday that it would cut 5,000 jobs in Germany.",
        "VW will also close a plant in Wolfsburg, the company said.",
    )
    assert "VW" in entity_named(analysis, "Volkswagen", "ORG").aliases
    assert _rows(analysis, "VW") == []


def test_initials_of_vowels_or_letters_a_name_repeats_are_no_compound_of_it(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Genentech said on Tuesday that its new drug had passed a trial.",
        "GE, which makes the scanners, said it would supply the hospitals.",
    )
    assert "GE" not in entity_named(analysis, "Genentech", "ORG").aliases
    analysis = analyse_paragraphs(
        "The firm grew fast in the Americas, its founder said on Monday.",
        "\u201cWith our enhanced AI technology and strong growth in Europe, we will hire,\u201d"
        " she said.",
    )
    assert all("AI" not in e.aliases for e in analysis.entities)


def test_a_broadcasters_short_name_used_as_the_outlet_is_the_outlet(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Fox reported the story first. Officials told Fox on Monday that the plan was dead.",
        "Fox News later said the report was accurate.",
    )
    assert "Fox" in entity_named(analysis, "Fox News", "ORG").aliases
    analysis = analyse_paragraphs(
        "The Fox moderators pressed the senator on trade during the debate.",
        "Fox News will host the next debate in March.",
    )
    assert "Fox" in entity_named(analysis, "Fox News", "ORG").aliases


def test_a_company_written_before_its_news_service_stays_the_company(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Apple said on Monday that its new service would launch in March.",
        "Apple News will carry the stories, the company said.",
    )
    entity_named(analysis, "Apple", "ORG")
    assert "Apple" not in entity_named(analysis, "Apple News", "ORG").aliases


def test_a_nickname_and_the_given_name_with_one_surname_are_one_person(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "William Harmon, the former governor, spoke in Little Rock on Monday.",
        "Bill Harmon said the plan would work. Harmon left early.",
    )
    assert _rows(analysis, "Harmon") == [("William Harmon", "PERSON")]
    analysis = analyse_paragraphs(
        "Joshua Apte, a professor at the university, led the study.",
        '"The air is bad," said Josh Apte.',
    )
    assert _rows(analysis, "Apte") == [("Joshua Apte", "PERSON")]


def test_a_woman_and_a_man_of_one_surname_are_two_people(nlp: Any) -> None:
    # The genealogical list has "Erin" for "Aaron"; the census has her a woman, him a man.
    analysis = analyse_paragraphs(
        "Aaron Walsh and his sister Erin Walsh run the bakery.",
        "Erin Walsh said sales were up.",
    )
    entity_named(analysis, "Aaron Walsh", "PERSON")
    entity_named(analysis, "Erin Walsh", "PERSON")
    analysis = analyse_paragraphs(
        "Bill Harmon and Hillary Harmon arrived together.",
        "Hillary Harmon spoke first.",
    )
    entity_named(analysis, "Bill Harmon", "PERSON")
    entity_named(analysis, "Hillary Harmon", "PERSON")


def test_initials_and_a_middle_initial_are_the_name_written_in_full(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Benjamin Okoro chaired the committee.",
        "B. U. Okoro, the senator, said on Monday the bill would pass.",
    )
    assert len(_rows(analysis, "Okoro")) == 1
    analysis = analyse_paragraphs(
        "John Milo Ford wrote the novel in 1983.", "John M. Ford died in 2006."
    )
    assert _rows(analysis, "Ford") == [("John Milo Ford", "PERSON")]


def test_an_initial_two_people_of_the_surname_share_is_neither(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Jane Harlow and John Harlow own the farm.", "J. Harlow signed the letter."
    )
    entity_named(analysis, "Jane Harlow", "PERSON")
    entity_named(analysis, "John Harlow", "PERSON")


def test_a_doubled_letter_written_once_is_the_name_written_more_often(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Phillip Ames spoke on Monday. Phillip Ames said the vote mattered.",
        "Philip Ames then left for Ohio.",
    )
    assert _rows(analysis, "Ames") == [("Phillip Ames", "PERSON")]
    analysis = analyse_paragraphs(
        "Gwendolyn Karim spoke on Monday. Gwendolyn Karim said the vote mattered.",
        "Gwednolyn Karim then left for Ohio.",
    )
    assert _rows(analysis, "Karim") == [("Gwendolyn Karim", "PERSON")]
    analysis = analyse_paragraphs(
        "Carol Diaz spoke on Monday. Carol Diaz said the vote mattered.",
        "Carl Diaz, her husband, left for Ohio.",
    )
    entity_named(analysis, "Carol Diaz", "PERSON")
    entity_named(analysis, "Carl Diaz", "PERSON")


def test_a_surname_the_model_reads_as_a_small_town_is_the_person(nlp: Any) -> None:
    # Marion is a town of GeoNames'; "came to Marion" is all that places it.
    analysis = analyse_paragraphs(
        "Sen. Lena Marion, R-Ohio, spoke in Des Moines on Monday.",
        "In the poll, 27 percent chose the governor. When it came to Marion, 48 percent chose her.",
    )
    assert _rows(analysis, "Marion") == [("Lena Marion", "PERSON")]


def test_the_shipped_nicknames_are_what_the_nicknames_package_builds() -> None:
    pytest.importorskip("nicknames")
    pytest.importorskip("names")
    shipped = json.loads(name_variants.WEIGHTS.read_text(encoding="utf-8"))
    assert shipped == name_variants.build()
    assert "william" in shipped["bill"] and "aaron" not in shipped.get("erin", [])


def test_the_names_the_press_gives_one_organisation_side_by_side_are_one_row(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Islamic State claimed responsibility for the attack in Brussels on Tuesday.",
        "Officials said ISIS had planned the bombings for months.",
        "The president, who calls the group ISIL, said ISIL would be defeated.",
    )
    assert len(_rows(analysis, "ISIS", "ISIL", "Islamic")) == 1
    analysis = analyse_paragraphs(
        "The Fed raised rates on Wednesday.",
        "The Federal Reserve said inflation was near its goal.",
    )
    assert _rows(analysis, "Fed") == [("Federal Reserve", "ORG")]


def test_a_camelcase_contraction_of_an_organisations_words_is_that_organisation(
    nlp: Any,
) -> None:
    analysis = analyse_paragraphs(
        "The Huffington Post reported on Monday that the deal was off.",
        "HuffPost has asked the company for comment.",
    )
    assert _rows(analysis, "Huff") == [("Huffington Post", "ORG")]
    # "Mc" is no word's opening: a surname, not a contraction.
    analysis = analyse_paragraphs(
        "Sen. Rhea McCain of Arizona spoke. The Cain Foundation paid for the trip.",
    )
    entity_named(analysis, "Cain Foundation", "ORG")


def test_a_surname_the_model_calls_an_organisation_is_the_person_named_in_full(nlp: Any) -> None:
    # The model reads the bare "Hollande" as an organisation; nothing else in the text does.
    analysis = analyse_paragraphs(
        "French President Francois Hollande met the chancellor in Berlin on Monday.",
        "Hollande said the talks had gone well.",
        "Hollande's aides were less sure.",
    )
    assert _rows(analysis, "Hollande") == [("Francois Hollande", "PERSON")]


def test_a_country_or_city_beside_a_person_named_with_its_word_stays_the_place(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Basketball star Michael Jordan said he would visit the camp.",
        "Jordan hosts more than a million refugees.",
        "The camp lies in northern Jordan.",
    )
    assert sorted(_rows(analysis, "Jordan")) == [("Jordan", "PLACE"), ("Michael Jordan", "PERSON")]
    analysis = analyse_paragraphs(
        "The actor Denzel Washington said he loved the script.",
        "The film was shot in Washington over the summer.",
        "Washington has a large film industry.",
    )
    assert ("Washington", "PLACE") in _rows(analysis, "Washington")
    assert ("Denzel Washington", "PERSON") in _rows(analysis, "Washington")
    analysis = analyse_paragraphs(
        "Ms. Paris Hilton told reporters she would open a boutique.",
        "The shop will be in Paris, near the Louvre.",
        "Paris has many such shops.",
    )
    assert sorted(_rows(analysis, "Paris")) == [("Paris", "PLACE"), ("Paris Hilton", "PERSON")]


def test_a_citys_name_the_text_does_not_place_is_the_surname_of_the_person(nlp: Any) -> None:
    # Lincoln is a city of GeoNames'; the model calls the bare "Lincoln" an organisation,
    # and "Rep. Dale Houston"'s "Houston" a place, but nothing in the text places either.
    analysis = analyse_paragraphs(
        "Gov. Dana Lincoln spoke in Dayton on Monday.",
        "Lincoln's aides said the bill would pass.",
        "Supporters of Lincoln want a vote, and Lincoln's staff agree.",
    )
    assert _rows(analysis, "Lincoln") == [("Dana Lincoln", "PERSON")]
    analysis = analyse_paragraphs(
        "Rep. Dale Houston spoke in Dayton on Monday.",
        "Houston's aides said the bill would pass.",
        "Supporters of Houston want a vote.",
    )
    assert _rows(analysis, "Houston") == [("Dale Houston", "PERSON")]
