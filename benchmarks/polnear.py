"""The quote scoring of PolNeAR's README, on the articles `reader.analyze.polnear` reads.

- unit: a quote-mark segment, from an opening double mark (`"` or `“`) to its closing mark,
  marks included, paired per paragraph (a line of the text); a mark left open at a paragraph's
  end runs to that paragraph's end;
- a segment is a gold quote when at least half of its characters lie inside the Content of one
  gold attribution (the one holding most of them); its gold speaker is that attribution's
  Source span(s). Other segments (scare quotes, titles, nicknames) should not be listed;
- a predicted quote matches a gold segment at character IoU >= 0.5, greedily (best IoU first),
  one to one;
- the speaker is right when the quote's `speaker_span`, a mention of the entity `speaker_id`
  names, or the speaker string where it occurs in the quote's paragraph overlaps a gold Source
  span. A gold quote whose attribution has no Source is right only when no speaker is given;
- quote+speaker F1 counts a prediction as a true positive only when quote and speaker are right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.analyze.polnear import KINDS, Document, Segment, Span, load_split

__all__ = ["DEFAULT_DATA", "KINDS", "Document", "Prediction", "Tally", "load_split", "score"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"


@dataclass(slots=True)
class Prediction:
    """One predicted quote: its span, and what tells its speaker."""

    start: int
    end: int
    speaker: str | None = None
    speaker_span: Span | None = None
    mentions: list[Span] = field(default_factory=list)  # of the entity `speaker_id` names


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    matched_by_kind: dict[str, int] = field(default_factory=dict)
    right_by_kind: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        for name in ("gold_by_kind", "matched_by_kind", "right_by_kind"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0) + value
        self.errors.extend(other.errors)

    @property
    def quote_f1(self) -> float:
        return f1(self.matched, self.predicted, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def joint_f1(self) -> float:
        return f1(self.speaker_right, self.predicted, self.gold)


def f1(tp: int, predicted: int, gold: int) -> float:
    if not tp:
        return 0.0
    precision, recall = tp / predicted, tp / gold
    return 2 * precision * recall / (precision + recall)


def iou(a: Span, b: Span) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match(gold: list[Segment], predicted: list[Prediction]) -> Iterator[tuple[int, int]]:
    """(gold index, predicted index) pairs at IoU >= 0.5, best first, one to one."""
    pairs = []
    for g, segment in enumerate(gold):
        for p, quote in enumerate(predicted):
            if quote.end <= segment.start or quote.start >= segment.end:
                continue
            value = iou((segment.start, segment.end), (quote.start, quote.end))
            if value >= 0.5:
                pairs.append((-value, g, p))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        yield g, p


def speaker_is_right(document: Document, segment: Segment, quote: Prediction) -> bool:
    if not segment.sources:
        return quote.speaker is None and quote.speaker_span is None
    evidence: list[Span] = []
    if quote.speaker_span is not None:
        evidence.append(quote.speaker_span)
    evidence.extend(quote.mentions)
    if quote.speaker:
        p_start, p_end = segment.paragraph
        paragraph = document.text[p_start:p_end]
        for found in re.finditer(re.escape(quote.speaker), paragraph):
            evidence.append((p_start + found.start(), p_start + found.end()))
    return any(a < d and c < b for a, b in evidence for c, d in segment.sources)


def score(document: Document, predicted: list[Prediction], errors: bool = False) -> Tally:
    gold = [s for s in document.segments if s.gold]
    tally = Tally(predicted=len(predicted), gold=len(gold))
    for segment in gold:
        tally.gold_by_kind[segment.kind] = tally.gold_by_kind.get(segment.kind, 0) + 1
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for g, p in match(gold, predicted):
        segment, quote = gold[g], predicted[p]
        matched_gold.add(g)
        matched_pred.add(p)
        tally.matched += 1
        tally.matched_by_kind[segment.kind] = tally.matched_by_kind.get(segment.kind, 0) + 1
        if speaker_is_right(document, segment, quote):
            tally.speaker_right += 1
            tally.right_by_kind[segment.kind] = tally.right_by_kind.get(segment.kind, 0) + 1
        elif errors:
            said = quote.speaker_span and document.text[slice(*quote.speaker_span)]
            wanted = " / ".join(document.text[a:b] for a, b in segment.sources) or "(none)"
            tally.errors.append(
                f"{document.name} {segment.start}: speaker {quote.speaker!r} "
                f"(span {said!r}), gold {wanted!r} [{segment.kind}]"
            )
    if errors:
        for g, segment in enumerate(gold):
            if g not in matched_gold:
                tally.errors.append(
                    f"{document.name} {segment.start}: missed quote "
                    f"{document.text[segment.start : segment.end][:70]!r} [{segment.kind}]"
                )
        for p, quote in enumerate(predicted):
            if p not in matched_pred:
                tally.errors.append(
                    f"{document.name} {quote.start}: not a gold quote "
                    f"{document.text[quote.start : quote.end][:70]!r}"
                )
    return tally
