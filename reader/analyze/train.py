"""Train the speaker model (`reader.analyze.ranker`) on PolNeAR's train split; write its weights.

    python -m reader.analyze.train --data PATH/TO/polnear [--out FILE] [--folds 5]

PolNeAR: Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018. Only `train/` is read. For every quote-mark segment that is a gold quote with a
Source, each candidate the ranker collects is an example, positive when its words overlap the
Source. Logistic regression (scikit-learn, `pip install -e '.[train]'`; liblinear, so the
result does not depend on threads or a seed) learns the weights; the regularisation C is
picked by k-fold on train (top-1 accuracy on the held-out folds), and so is the confidence
threshold: the lowest score at which the held-out top choices are right at least
`PRECISION` of the time. Articles are read in name order and features sorted, so a run
rebuilds the shipped `weights/attribution.json` byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analyze.polnear import Document, load_split
from reader.analyze.ranker import (
    WEIGHTS,
    Linear,
    Model,
    confidence_of,
)
from reader.analyze.ranker_candidates import collect
from reader.analyze.ranker_quotes import quote_features
from reader.model import Article, Block

PRECISION = 0.95
C_GRID = (0.03, 0.1, 0.3, 1.0)
MIN_COUNT = 2
DEFAULT_C = 0.3


@dataclass(slots=True)
class Group:
    """The candidates of one gold quote: their features, and which are right."""

    features: list[list[str]]
    labels: list[bool]


@dataclass(slots=True)
class Examples:
    """What one article teaches: speaker groups, and (features, is a gold quote) per span."""

    groups: list[Group]
    quotes: list[tuple[list[str], bool]]


def article_of(document: Document) -> Article:
    """The document as an Article: one paragraph block a line, the offsets unchanged."""
    blocks = tuple(Block("paragraph", start, end) for start, end in document.paragraphs)
    return Article(source=document.name, text=document.text, blocks=blocks)


def examples_of(document: Document, chunks: list[Any]) -> Examples:
    from reader.analyze import prepare

    article = article_of(document)
    _, spans, finder, rules = prepare(article, chunks)
    segments = {segment.start: segment for segment in document.segments}
    groups, quotes = [], []
    collected = collect(finder, spans, rules)
    for span, rule, candidates in zip(spans, rules, collected, strict=True):
        segment = segments.get(span.open_mark)
        gold = (
            segment is not None
            and segment.gold
            and _iou((segment.start, segment.end), (span.start, span.end)) >= 0.5
        )
        if len(span.blocks) == 1:  # the corpus scores a quote paragraph by paragraph
            quotes.append((quote_features(article, span, rule, candidates), gold))
        if not gold or segment is None or not segment.sources or not candidates:
            continue
        labels = [any(c.start < b and a < c.end for a, b in segment.sources) for c in candidates]
        groups.append(Group([c.features for c in candidates], labels))
    return Examples(groups, quotes)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def parse(documents: Sequence[Document]) -> list[list[Any]]:
    """The reader's parse of every document (`parse_article`)."""
    from reader.analyze.nlp import parse_article

    return [parse_article(article_of(document)) for document in documents]


def _fit(rows: Sequence[tuple[list[str], bool]], c: float) -> Linear:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for features, _ in rows:
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    vocabulary = {name: i for i, name in enumerate(names)}
    ii, jj, labels = [], [], []
    for n, (features, label) in enumerate(rows):
        for feature in sorted(set(features)):
            column = vocabulary.get(feature)
            if column is not None:
                ii.append(n)
                jj.append(column)
        labels.append(int(label))
    if len(set(labels)) < 2:  # one class only (a tiny corpus): a constant model
        return Linear(5.0 if labels and labels[0] else -5.0, {})
    matrix = csr_matrix(([1.0] * len(ii), (ii, jj)), shape=(len(rows), len(names)))
    learner = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    learner.fit(matrix, labels)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(names, learner.coef_[0], strict=True)
        if abs(w) >= 1e-5
    }
    return Linear(round(float(learner.intercept_[0]), 5), weights)


def _rows(groups: Sequence[Group]) -> list[tuple[list[str], bool]]:
    return [
        (features, label)
        for group in groups
        for features, label in zip(group.features, group.labels, strict=True)
    ]


def _top(model: Linear, group: Group) -> tuple[float, bool]:
    """The confidence of the group's top candidate, and whether it is right."""
    scores = [model.score(features) for features in group.features]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    second = max((s for i, s in enumerate(scores) if i != best), default=0.0)
    return confidence_of(scores[best], second), group.labels[best]


def held_out_speakers(groups: Sequence[Group], folds: int, c: float) -> list[tuple[float, bool]]:
    """(top score, right) of every group, each scored by a model that did not see its fold."""
    result: list[tuple[float, bool]] = []
    for fold in range(folds):
        model = _fit(_rows([g for i, g in enumerate(groups) if i % folds != fold]), c)
        result.extend(_top(model, g) for i, g in enumerate(groups) if i % folds == fold)
    return result


def held_out_quotes(
    rows: Sequence[tuple[list[str], bool]], folds: int, c: float
) -> list[tuple[float, bool]]:
    result: list[tuple[float, bool]] = []
    for fold in range(folds):
        model = _fit([r for i, r in enumerate(rows) if i % folds != fold], c)
        result.extend(
            (model.score(features), label)
            for i, (features, label) in enumerate(rows)
            if i % folds == fold
        )
    return result


def threshold_for(tops: list[tuple[float, bool]], precision: float = PRECISION) -> float:
    """The lowest score above which the top choices are right `precision` of the time."""
    ordered = sorted(tops, key=lambda t: -t[0])
    right = 0
    best = 1.0
    for n, (score, ok) in enumerate(ordered, start=1):
        right += ok
        if right / n >= precision:
            best = score
    return round(best, 4)


def f1_threshold(scored: list[tuple[float, bool]]) -> tuple[float, float]:
    """The score above which keeping a span gives the best F1, and that F1."""
    ordered = sorted(scored, key=lambda t: -t[0])
    positives = sum(ok for _, ok in ordered)
    best, best_f1, right = 1.0, 0.0, 0
    for n, (score, ok) in enumerate(ordered, start=1):
        right += ok
        value = 2 * right / (n + positives)
        if value > best_f1:
            best, best_f1 = score, value
    return round(best, 4), best_f1


def fit(
    examples: Sequence[Examples],
    *,
    folds: int = 5,
    c: float | None = None,
    report: bool = False,
) -> Model:
    """The model on `examples`: C and the thresholds by k-fold, then a fit on them all."""
    groups = [g for e in examples for g in e.groups]
    rows = [r for e in examples for r in e.quotes]
    grid = C_GRID if c is None else (c,)
    best_c, best_tops, best_accuracy = grid[0], [], -1.0
    for value in grid:
        tops = held_out_speakers(groups, folds, value)
        accuracy = sum(ok for _, ok in tops) / max(1, len(tops))
        if report:
            print(f"speaker C={value}: {folds}-fold top-1 accuracy {accuracy:.4f}", file=sys.stderr)
        if accuracy > best_accuracy:
            best_c, best_tops, best_accuracy = value, tops, accuracy
    speaker = _fit(_rows(groups), best_c)
    speaker.threshold = threshold_for(best_tops)
    if report:
        kept = [ok for score, ok in best_tops if score >= speaker.threshold]
        print(
            f"speaker C={best_c}; threshold {speaker.threshold}: {len(kept)}/{len(best_tops)} "
            f"attributed, precision {sum(kept) / max(1, len(kept)):.4f}",
            file=sys.stderr,
        )
    best_qc, best_cut, best_f1 = grid[0], 0.5, -1.0
    for value in grid:
        cut, value_f1 = f1_threshold(held_out_quotes(rows, folds, value))
        if report:
            print(f"quote C={value}: {folds}-fold F1 {value_f1:.4f} at {cut}", file=sys.stderr)
        if value_f1 > best_f1:
            best_qc, best_cut, best_f1 = value, cut, value_f1
    quote = _fit(rows, best_qc)
    quote.threshold = best_cut
    return Model(speaker, quote)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the quote speaker model on PolNeAR.")
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    try:
        documents = load_split("train", args.data)
    except FileNotFoundError as error:
        raise SystemExit(str(error)) from None
    if args.limit:
        documents = documents[: args.limit]
    examples = [
        examples_of(d, chunks) for d, chunks in zip(documents, parse(documents), strict=True)
    ]
    model = fit(examples, folds=args.folds, report=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model.to_dict(), indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{sum(len(e.groups) for e in examples)} quotes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
