"""Classes of attribution error seen on real pages, each on a small article written for it.

Only the class is reproduced: every sentence here is made up for these tests.
"""

from __future__ import annotations

from reader.analyze import analyze_parsed, parse_article, quotes
from reader.model import Analysis, Article, Quote


def analysed(*paragraphs: str) -> Analysis:
    article = Article.from_blocks("t.txt", [("paragraph", p) for p in paragraphs])
    return analyze_parsed(article, parse_article(article))


def marked(analysis: Analysis) -> list[Quote]:
    return [q for q in analysis.quotes if q.kind != "indirect"]


def quote_with(analysis: Analysis, words: str) -> Quote:
    found = [q for q in analysis.quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in analysis.quotes]}"
    return found[0]


def test_a_quote_after_saying_is_speech_not_a_name() -> None:
    text = "The mayor closed the meeting early, saying: "
    article = Article.from_blocks("t.txt", [("paragraph", text + "“We will be back.”")])
    span = quotes.find_quote_spans(article)[0]
    assert not quotes.is_naming(article, span)
    analysis = analysed(
        "Mayor Ilse Brandt closed the meeting early on Tuesday, saying: "
        "“We will come back to the budget when the figures are ready.”"
    )
    quote = quote_with(analysis, "We will come back to the budget")
    assert quote.speaker == "Ilse Brandt"


def test_the_saying_itself_is_still_a_naming_cue() -> None:
    article = Article.from_blocks(
        "t.txt", [("paragraph", "Fishermen here repeat the old saying “Red sky at night”.")]
    )
    assert quotes.is_naming(article, quotes.find_quote_spans(article)[0])


def test_he_after_a_named_main_subject_means_that_subject() -> None:
    analysis = analysed(
        "Dana Whitlock declined to say whether Peter Moss had signed the order on the night "
        "Carl Brenner resigned.",
        "“Every one of those questions will be answered in court,” he said.",
    )
    quote = quote_with(analysis, "Every one of those questions")
    assert quote.speaker == "Dana Whitlock"


def test_he_after_a_subject_with_a_relative_clause_means_that_subject() -> None:
    analysis = analysed(
        "Tobias Renner, who represents several of Carl Brenner's former tenants, said he "
        "welcomed the inquiry.",
        "“Thirty years in this trade have taught me that nothing here happens by chance,” he said.",
    )
    quote = quote_with(analysis, "Thirty years in this trade")
    assert quote.speaker == "Tobias Renner"


def test_a_persons_source_or_family_is_not_that_person() -> None:
    analysis = analysed(
        "Carl Brenner, the former harbour master, left the town in March.",
        "The reporter Ana Ruiz's source, a dock worker who asked not to be named, said "
        "that the council's account was “completely untrue.”",
        "Representatives of Carl Brenner's family said the inquiry was “far from finished.”",
    )
    for words in ("completely untrue", "far from finished"):
        quote = quote_with(analysis, words)
        assert quote.speaker not in {"Ana Ruiz", "Carl Brenner"}, (words, quote.speaker)


def test_a_song_title_ending_in_the_sentences_period_is_not_a_quote() -> None:
    analysis = analysed(
        "The singer Lena Marsh walked to the piano and began the opening bars of "
        "“Rolling Down The River.” The crowd rose to its feet.",
        "“We have waited twenty years for this night,” Marsh said.",
    )
    assert [q.text for q in marked(analysis)] == ["We have waited twenty years for this night,"]
    assert quotes.looks_like_name_or_title("Rolling Down The River.")
    assert not quotes.looks_like_name_or_title("We Are Coming For You...")


def test_a_modifier_in_a_reported_sentence_is_a_fragment_of_speech() -> None:
    analysis = analysed(
        "Councillor Ruth Okonjo said on Monday that the port authority had made an "
        "“utterly reckless” decision when it sold the northern quay."
    )
    quote = quote_with(analysis, "utterly reckless")
    assert quote.speaker == "Ruth Okonjo"


def test_a_modifier_with_no_reporting_cue_stays_a_scare_quote() -> None:
    analysis = analysed(
        "The permit sets a “temporary” exclusion zone around the quay for the next thirty years."
    )
    assert marked(analysis) == []
