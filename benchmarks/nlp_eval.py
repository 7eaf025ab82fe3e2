"""Quotes, speakers and entities against the hand-made gold set in `benchmarks/gold/`.

    python benchmarks/nlp_eval.py                  # every system, tune half, held-out half, all
    python benchmarks/nlp_eval.py --split heldout  # one half
    python benchmarks/nlp_eval.py --only reader --errors   # our misses and false finds

Gold (annotation rules in `benchmarks/gold/README.md`): one JSON file per article. Benchmark
articles name their body by its key in the article-extraction benchmark's `ground-truth.json`
(looked for in `../shared/data/article-extraction-benchmark/` beside the repository, or
`--data DIR`); the body's non-empty lines are the paragraphs. Sample articles are loaded from
`sample_articles/` with `reader.load.load`.

Systems (rows):
- **reader**: `reader.analyze.analyze`; quotes of kind direct and partial (indirect ones are not
  words inside marks and are left out), entities of type PERSON/ORG/PLACE.
- **spaCy sm + textacy**: the pinned small English model over the whole body, quotes from
  `textacy.extract.triples.direct_quotations` (speaker = its speaker tokens joined, as given);
  where textacy refuses a body (an odd number of quote marks) it is run paragraph by
  paragraph. Entities: spaCy's spans, one entry per distinct (text, type), PERSON, ORG and
  GPE/LOC/FAC as PLACE: what a reader of the raw NER output gets.
- **regex on quote marks**: every pair of double marks in a paragraph is a quote, no speaker.

Matching:
- *quote*: a predicted quote matches a gold quote when both ends are within 2 characters of the
  gold span, or their texts are equal after case folding, collapsing whitespace and stripping
  edge punctuation; a gold quote given only by its first words ("starts") matches a prediction
  that starts within 2 characters of where those words start. One to one, in text order.
  Quote detection P/R/F1 count matched pairs against all predicted / all gold quotes.
- *speaker*: right when the predicted speaker equals the gold speaker (both null counts), or is
  an alias the gold entity lists, except a one-word alias of a PERSON (a surname alone is not
  the full name the article gives). Speaker accuracy = right speakers / matched quotes.
  Quote-and-speaker F1: a true positive is a matched quote with the right speaker.
- *entity*: a predicted PERSON/ORG/PLACE entity matches an unmatched gold entity of the same
  type when one of its names (name or aliases, case folded, leading "the" and possessive "'s"
  dropped) is one of the gold entity's names. A prediction matching an already matched gold
  entity is a duplicate, counted as a false positive (one entry per real-world entity); one
  matching only an `optional_entities` name (celestial bodies, products, shows...) is ignored;
  any other is a false positive, so a right name with the wrong type costs one FP and one FN.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.model import Article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
SAMPLES = ROOT / "sample_articles"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
NAMED = ("PERSON", "ORG", "PLACE")
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
EDGES = string.punctuation + "“”‘’«»„ \n"
NAME_EDGES = "\"'“”‘’«»„,;:!?. \\n"
PAIR_MARKS = re.compile(r"[\"“”„«»]")
SLACK = 2


@dataclass
class Predicted:
    quotes: list[tuple[int, int, str, str | None]]  # start, end, text, speaker
    entities: list[tuple[str, list[str]]]  # type, names


@dataclass
class GoldArticle:
    name: str
    split: str
    article: Article
    quotes: list[dict[str, Any]]
    entities: list[dict[str, Any]] | None
    optional: list[str]
    spans: list[tuple[int, int | None]] = field(default_factory=list)


@dataclass
class Tally:
    q_tp: int = 0
    q_pred: int = 0
    q_gold: int = 0
    speaker_right: int = 0
    e_tp: int = 0
    e_fp: int = 0
    e_fn: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("q_tp", "q_pred", "q_gold", "speaker_right", "e_tp", "e_fp", "e_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.duplicates += other.duplicates
        self.seconds += other.seconds
        self.errors += other.errors


# -- gold ---------------------------------------------------------------------------------------


def norm(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).strip(EDGES)


def entity_key(name: str) -> str:
    """Case folded, spaces collapsed, leading "the" and a possessive dropped; "+" and "." kept
    (Disney+ is not Disney, U.S. is written so)."""
    key = " ".join(name.casefold().replace("’", "'").split()).strip(NAME_EDGES)
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"'s$", "", key).strip(NAME_EDGES)


def load_gold(data: Path) -> list[GoldArticle]:
    from reader.load import load

    bodies: dict[str, Any] | None = None
    found = []
    for path in sorted(GOLD.glob("*.json")):
        if path.name == "metadata.json":  # the metadata benchmark's gold, not an article's
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["source"] == "sample":
            article = load(str(SAMPLES / gold["sample"]))
        else:
            if bodies is None:
                bodies = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
            body = bodies[gold["key"]]["articleBody"]
            paragraphs = [("paragraph", line) for line in body.split("\n") if line.strip()]
            article = Article.from_blocks(path.stem, paragraphs)  # type: ignore[arg-type]
        item = GoldArticle(
            path.stem,
            gold["split"],
            article,
            gold["quotes"],
            gold.get("entities"),
            gold.get("optional_entities", []),
        )
        item.spans = locate(article.text, item.quotes, path.stem)
        found.append(item)
    return found


def locate(text: str, quotes: list[dict[str, Any]], name: str) -> list[tuple[int, int | None]]:
    """Each gold quote's span in the text, searched in order."""
    spans: list[tuple[int, int | None]] = []
    position = 0
    for quote in quotes:
        words = quote.get("text") or quote["starts"]
        at = text.find(words, position)
        if at < 0:
            at = text.find(words)
        if at < 0:
            raise SystemExit(f"{name}: gold quote not in the text: {words[:60]!r}")
        spans.append((at, at + len(words) if "text" in quote else None))
        position = at + 1
    return spans


# -- systems ------------------------------------------------------------------------------------


def run_reader(article: Article) -> Predicted:
    from reader.analyze import analyze

    analysis = analyze(article)
    quotes = [
        (q.start, q.end, q.text, q.speaker)
        for q in analysis.quotes
        if q.kind in ("direct", "partial")
    ]
    entities = [(e.type, [e.name, *e.aliases]) for e in analysis.entities if e.type in NAMED]
    return Predicted(quotes, entities)


def run_textacy(article: Article) -> Predicted:
    from textacy.extract.triples import direct_quotations

    from reader.analyze import load_model

    nlp = load_model()
    quotes: list[tuple[int, int, str, str | None]] = []

    def harvest(doc: Any, offset: int) -> None:
        for speaker, _cue, content in direct_quotations(doc):
            start = offset + content.start_char
            end = offset + content.end_char
            text = article.text
            while start < end and text[start] in EDGES:
                start += 1
            while end > start and text[end - 1] in "\"“”„«»' \n":
                end -= 1
            name = " ".join(t.text for t in speaker) or None
            quotes.append((start, end, text[start:end], name))

    doc = nlp(article.text)
    try:
        harvest(doc, 0)
    except ValueError:
        quotes.clear()
        for block in article.blocks:
            try:
                harvest(nlp(article.block_text(block)), block.start)
            except ValueError:
                continue
    seen: dict[tuple[str, str], None] = {}
    for block in article.blocks:
        for ent in nlp(article.block_text(block)).ents:
            kind = SPACY_TYPES.get(ent.label_)
            if kind is not None:
                seen.setdefault((kind, ent.text), None)
    return Predicted(quotes, [(kind, [name]) for kind, name in seen])


def run_regex(article: Article) -> Predicted:
    quotes: list[tuple[int, int, str, str | None]] = []
    for block in article.blocks:
        text = article.block_text(block)
        marks = [m.start() for m in PAIR_MARKS.finditer(text)]
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            inner = text[a + 1 : b]
            lead = len(inner) - len(inner.lstrip())
            start = block.start + a + 1 + lead
            stripped = inner.strip()
            quotes.append((start, start + len(stripped), stripped, None))
    return Predicted(quotes, [])


SYSTEMS: dict[str, tuple[str, Callable[[Article], Predicted]]] = {
    "reader": ("reader", run_reader),
    "textacy": ("spaCy sm + textacy", run_textacy),
    "regex": ("regex on quote marks", run_regex),
}


# -- scoring ------------------------------------------------------------------------------------


def quote_matches(
    gold_span: tuple[int, int | None], gold_text: str, predicted: tuple[int, int, str, str | None]
) -> bool:
    start, end = gold_span
    p_start, p_end, p_text, _ = predicted
    if abs(p_start - start) <= SLACK and (end is None or abs(p_end - end) <= SLACK):
        return True
    return end is not None and norm(p_text) == norm(gold_text)


def speaker_right(gold: GoldArticle, expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if norm(found) == norm(expected):
        return True
    for entity in gold.entities or []:
        names = [entity["name"], *entity["aliases"]]
        if norm(expected) in map(norm, names):
            aliases = [
                a for a in entity["aliases"] if entity["type"] != "PERSON" or len(a.split()) > 1
            ]
            return norm(found) in map(norm, aliases)
    return False


def score(gold: GoldArticle, predicted: Predicted, errors: bool) -> Tally:
    tally = Tally(q_pred=len(predicted.quotes), q_gold=len(gold.quotes))
    used: set[int] = set()
    for quote, span in zip(gold.quotes, gold.spans, strict=True):
        words = quote.get("text") or quote["starts"]
        hit = next(
            (
                i
                for i, p in enumerate(predicted.quotes)
                if i not in used and quote_matches(span, words, p)
            ),
            None,
        )
        if hit is None:
            if errors:
                tally.errors.append(f"{gold.name}: missed quote {words[:50]!r}")
            continue
        used.add(hit)
        tally.q_tp += 1
        found = predicted.quotes[hit][3]
        if speaker_right(gold, quote["speaker"], found):
            tally.speaker_right += 1
        elif errors:
            tally.errors.append(
                f"{gold.name}: speaker {found!r} for {words[:40]!r}, gold {quote['speaker']!r}"
            )
    if errors:
        for i, p in enumerate(predicted.quotes):
            if i not in used:
                tally.errors.append(f"{gold.name}: false quote {p[2][:50]!r} ({p[3]})")
    if gold.entities is not None:
        score_entities(gold, predicted, tally, errors)
    return tally


def score_entities(gold: GoldArticle, predicted: Predicted, tally: Tally, errors: bool) -> None:
    gold_names = [{entity_key(n) for n in [e["name"], *e["aliases"]]} for e in gold.entities or []]
    optional = {entity_key(n) for n in gold.optional}
    matched: set[int] = set()
    for kind, names in predicted.entities:
        keys = {entity_key(n) for n in names}
        hits = [
            i
            for i, e in enumerate(gold.entities or [])
            if e["type"] == kind and keys & gold_names[i]
        ]
        fresh = [i for i in hits if i not in matched]
        if fresh:
            matched.add(fresh[0])
            tally.e_tp += 1
        elif hits:
            tally.e_fp += 1
            tally.duplicates += 1
            if errors:
                tally.errors.append(f"{gold.name}: duplicate {kind} {names[0]!r}")
        elif keys & optional and not any(keys & g for g in gold_names):
            continue
        else:
            tally.e_fp += 1
            if errors:
                tally.errors.append(f"{gold.name}: false entity {kind} {names[0]!r}")
    for i, entity in enumerate(gold.entities or []):
        if i not in matched:
            tally.e_fn += 1
            if errors:
                tally.errors.append(f"{gold.name}: missed {entity['type']} {entity['name']!r}")


def f1(tp: int, predicted: int, gold: int) -> float:
    if predicted == 0 or gold == 0 or tp == 0:
        return 0.0
    precision, recall = tp / predicted, tp / gold
    return 2 * precision * recall / (precision + recall)


def row(label: str, tally: Tally, has_entities: bool, has_speakers: bool) -> str:
    quote_f1 = f1(tally.q_tp, tally.q_pred, tally.q_gold)
    accuracy = tally.speaker_right / tally.q_tp if tally.q_tp else 0.0
    both = f1(tally.speaker_right, tally.q_pred, tally.q_gold)
    entity = f1(tally.e_tp, tally.e_tp + tally.e_fp, tally.e_tp + tally.e_fn)
    speaker_cells = f"{accuracy:8.3f} {both:8.3f}" if has_speakers else f"{'-':>8} {'-':>8}"
    entity_cells = f"{entity:8.3f} {tally.duplicates:5d}" if has_entities else f"{'-':>8} {'-':>5}"
    return (
        f"{label:24} {quote_f1:8.3f} {speaker_cells} {entity_cells}"
        f" {tally.q_gold:5d} {tally.seconds:7.2f}"
    )


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score quotes, speakers and entities.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("tune", "heldout", "all"), action="append")
    parser.add_argument("--only", choices=tuple(SYSTEMS), action="append")
    parser.add_argument("--errors", action="store_true", help="list each system's mistakes")
    args = parser.parse_args(list(argv) if argv is not None else None)
    golds = load_gold(args.data)
    splits = args.split or ["tune", "heldout", "all"]
    systems = args.only or list(SYSTEMS)
    from reader.analyze import load_model

    load_model()
    results: dict[str, dict[str, Tally]] = {}
    for system in systems:
        run = SYSTEMS[system][1]
        results[system] = {}
        for gold in golds:
            start = time.perf_counter()
            predicted = run(gold.article)
            tally = score(gold, predicted, args.errors)
            tally.seconds = time.perf_counter() - start
            results[system][gold.name] = tally
    header = (
        f"{'system':24} {'quote F1':>8} {'spk acc':>8} {'both F1':>8} {'ent F1':>8} {'dups':>5}"
        f" {'gold':>5} {'secs':>7}"
    )
    for split in splits:
        chosen = [g for g in golds if split == "all" or g.split == split]
        n_ent = sum(1 for g in chosen if g.entities is not None)
        print(f"\n== {split}: {len(chosen)} articles ({n_ent} with entities)")
        print(header)
        for system in systems:
            total = Tally()
            for gold in chosen:
                total.add(results[system][gold.name])
            print(row(SYSTEMS[system][0], total, system != "regex", system != "regex"))
            if args.errors and split == splits[-1]:
                for line in total.errors:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
