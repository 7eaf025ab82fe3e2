"""The learned speaker choice (`reader.analyze.ranker`) and its training script, on made-up text.

No sentence of the training corpus appears here: the articles are written for these tests.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from support.analyze_helpers import entity_named, quote_starting

from reader.analyze import analyze_parsed, parse_article, ranker
from reader.codec import analysis_to_dict, decode_analysis, encode_analysis
from reader.model import Analysis, Article

PARAGRAPHS = (
    "Maria Lindqvist, the harbour authority's chief engineer, inspected the pier on Monday.",
    "“The pilings are older than the town hall and twice as tired,” she said.",
    "The council has not yet set a date for the repairs.",
)


def analysed(*paragraphs: str, model: object = None) -> Analysis:
    article = Article.from_blocks("t.txt", [("paragraph", p) for p in paragraphs])
    return analyze_parsed(article, parse_article(article), model=model)


def test_the_shipped_weights_load_without_scikit_learn() -> None:
    model = ranker.shipped()
    assert model is not None and model.quote is not None
    assert 0.0 < model.threshold < 1.0
    assert len(model.speaker.weights) > 100
    source = ranker.WEIGHTS.read_text(encoding="utf-8")
    assert json.loads(source)["format"] == 1


def test_a_pronoun_speaker_is_ranked_first_and_named_by_its_span() -> None:
    analysis = analysed(*PARAGRAPHS)
    quote = quote_starting(analysis, "The pilings are older")
    assert quote.speaker == "Maria Lindqvist"
    assert quote.speaker_span is not None
    assert analysis.article.text[slice(*quote.speaker_span)] == "she"
    assert quote.confidence >= ranker.shipped().threshold  # type: ignore[union-attr]


def test_the_pronoun_is_listed_as_a_mention_of_the_speaker_with_its_kind() -> None:
    analysis = analysed(*PARAGRAPHS)
    quote = quote_starting(analysis, "The pilings are older")
    person = entity_named(analysis, "Maria Lindqvist", "PERSON")
    pronouns = [m for m in person.mentions if m.kind == "pronoun"]
    assert [(m.start, m.end) for m in pronouns] == [quote.speaker_span]
    assert all(m.kind == "name" for m in person.mentions if m not in pronouns)


def test_the_rules_alone_give_no_speaker_span() -> None:
    quote = quote_starting(analysed(*PARAGRAPHS, model=False), "The pilings are older")
    assert quote.speaker == "Maria Lindqvist" and quote.speaker_span is None


def test_below_the_threshold_the_speaker_is_left_out() -> None:
    strict = dataclasses.replace(
        ranker.shipped(),  # type: ignore[type-var]
        speaker=dataclasses.replace(ranker.shipped().speaker, threshold=1.01),  # type: ignore[union-attr]
    )
    # A floating quote: nothing in its own paragraph names the speaker, and the rules do not
    # carry one over, so only the model could have named one.
    analysis = analysed(
        "The storm closed the coast road for a second day.",
        "“Nobody could have seen this coming.”",
        model=strict,
    )
    quote = quote_starting(analysis, "Nobody could have seen")
    assert quote.speaker is None and quote.speaker_id is None and quote.speaker_span is None
    assert 0.0 <= quote.confidence < 1.01


def test_speaker_span_and_confidence_are_in_the_json_and_the_cache_bytes() -> None:
    analysis = analysed(*PARAGRAPHS)
    data = analysis_to_dict(analysis)
    quote = next(q for q in data["quotes"] if q["text"].startswith("The pilings"))
    span = quote["speaker_span"]
    assert data["text"][span["start"] : span["end"]] == "she"
    assert 0.0 < quote["confidence"] <= 1.0
    kinds = {m["kind"] for e in data["entities"] for m in e["mentions"]}
    assert kinds == {"name", "pronoun"}
    again = decode_analysis(analysis.article, encode_analysis(analysis))
    assert again == analysis


# -- the training script, on a tiny synthetic corpus in PolNeAR's layout ----------------------

NAMES = ["Ada Brennan", "Tomas Keller", "Ines Moreau", "Pavel Novak", "Lena Ortiz", "Omar Haddad"]
SAYINGS = [
    "We will finish the bridge before the winter",
    "The budget is smaller than anyone admits",
    "Our members voted to accept the offer",
    "Nobody told us about the new timetable",
]


def _write_article(folder: Path, number: int) -> None:
    name = NAMES[number % len(NAMES)]
    other = NAMES[(number + 1) % len(NAMES)]
    saying = SAYINGS[number % len(SAYINGS)]
    first = f"{name} spoke to reporters on Tuesday after meeting {other} about the “late” ferry."
    quote = f"“{saying},” {name.split()[0]} said."
    text = f"Headline number {number}\n\n{first}\n\n{quote}\n"
    start = text.index("“", text.index(saying) - 2)
    end = text.index("”", start) + 1
    source = text.index(name.split()[0], start)
    cue = text.index("said", start)
    stem = f"synthetic_{number:03d}"
    (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
    ann = (
        f"T1\tSource {source} {source + len(name.split()[0])}\t{name.split()[0]}\n"
        f"T2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {start} {end}\t{text[start:end]}\n"
        f"T4\tAttribution {cue} {cue + 4}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (folder / "attributions" / f"{stem}_ab12.ann").write_text(ann, encoding="utf-8")


@pytest.mark.slow
def test_the_training_script_rebuilds_the_same_weights_on_a_tiny_corpus(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from reader.analyze import train

    for sub in ("text", "attributions"):
        (tmp_path / "train" / sub).mkdir(parents=True)
    for number in range(24):
        _write_article(tmp_path / "train", number)
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    train.main(["--data", str(tmp_path), "--out", str(first), "--folds", "3"])
    train.main(["--data", str(tmp_path), "--out", str(second), "--folds", "3"])
    assert first.read_bytes() == second.read_bytes()  # deterministic
    model = ranker.Model.from_dict(json.loads(first.read_text(encoding="utf-8")))
    # What it learned picks the name before "said" over the other person named.
    assert model.speaker.weights, "no weights learned"
    article = Article.from_blocks(
        "t.txt",
        [
            ("paragraph", "Rosa Vidal spoke to reporters on Tuesday after meeting Karl Stein."),
            ("paragraph", "“The harbour stays open all night,” Rosa said."),
        ],
    )
    quote = quote_starting(analyze_parsed(article, parse_article(article), model=model), "The")
    assert quote.speaker_span is not None
    assert article.text[slice(*quote.speaker_span)] == "Rosa"


def test_the_training_script_says_so_when_the_corpus_is_missing(tmp_path: Path) -> None:
    from reader.analyze import train

    with pytest.raises(SystemExit, match="train split was not found"):
        train.main(["--data", str(tmp_path / "nowhere")])
