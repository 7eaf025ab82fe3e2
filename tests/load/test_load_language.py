"""The language of an article: detected on load, kept in the Article, the JSON and the cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.codec import analysis_from_dict, analysis_to_dict, decode_analysis, encode_analysis
from reader.load import load
from reader.load.language import detect_language, with_language
from reader.model import Analysis, Article

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag beschlossen, die Bibliothek im Zentrum bis zum "
    "Frühjahr zu sanieren. Die Bürgerinnen und Bürger können die Bücher in der Zwischenzeit "
    "in einer Filiale am Bahnhof ausleihen, teilte die Sprecherin mit."
)
FRENCH = (
    "La mairie a décidé mardi de rénover la bibliothèque du centre-ville avant le printemps. "
    "Les habitants pourront emprunter leurs livres dans une annexe près de la gare, a précisé "
    "la porte-parole de la ville."
)
CHINESE = (
    "市政府星期二决定在明年春天之前翻修市中心的图书馆。在此期间，市民可以到火车站附近的分馆借书。"
    "发言人表示，工程预计耗资三千万元。"
)
ENGLISH = (
    "The city council decided on Tuesday to renovate the central library before the spring. "
    "Residents can borrow books from a branch near the station in the meantime, a "
    "spokeswoman said."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(GERMAN, "de"), (FRENCH, "fr"), (CHINESE, "zh"), (ENGLISH, "en")],
)
def test_the_language_of_a_paragraph_is_detected(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_too_little_text_names_no_language() -> None:
    assert detect_language("OK 42!") is None
    article = Article.from_blocks("x", [("paragraph", "1 2 3")])
    assert with_language(article).lang is None


def test_load_puts_the_language_into_the_article(tmp_path: Path) -> None:
    path = tmp_path / "bibliothek.txt"
    path.write_text(f"Bibliothek wird saniert\n\n{GERMAN}\n\n{GERMAN}\n", encoding="utf-8")
    assert load(str(path)).lang == "de"
    # The reader's way in leaves it to the analysis (the model takes half a second to read).
    assert load(str(path), detect_language=False).lang is None


def test_the_language_travels_in_the_json_and_the_cache_payload() -> None:
    article = Article.from_blocks("x", [("paragraph", GERMAN)], lang="de")
    analysis = Analysis(article=article)
    data = analysis_to_dict(analysis)
    assert data["lang"] == "de"
    assert analysis_from_dict(json.loads(json.dumps(data))).article.lang == "de"
    # The analysis process detects the language of an article loaded without it, and the
    # reader (which holds that article) learns it from the payload.
    bare = Article.from_blocks("x", [("paragraph", GERMAN)])
    assert decode_analysis(bare, encode_analysis(analysis)).article.lang == "de"


def test_an_older_json_without_lang_still_reads() -> None:
    data = analysis_to_dict(Analysis(article=Article.from_blocks("x", [("paragraph", ENGLISH)])))
    del data["lang"]
    assert analysis_from_dict(data).article.lang is None


def test_importing_the_loader_does_not_read_the_model() -> None:
    code = "import sys, reader.load, reader.analyze; print('py3langid' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_without_the_detector_no_language_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.load import language

    monkeypatch.setattr(language, "_identifier", lambda: None)
    assert detect_language(GERMAN) is None  # read as English, as before; never a traceback
