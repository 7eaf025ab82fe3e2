"""The learned speaker choice: collect who may have said a quote, score each with a linear model.

For every quote the candidates are the noun phrases outside quote marks in its own sentence, the
sentences around it and the end of the paragraph before: subjects of reporting verbs, named
people and organisations, pronouns, the object of "according to", descriptions ("a
technician"). Each is described by binary features of the parse and the layout (where it
stands relative to the quote, its dependency to the verb above it and that verb's lemma, its
entity type, the pronoun, whether the hand-written rules chose the same entity, whether it
spoke the quote before...), and scored by logistic regression: `sigmoid(bias + sum of the
weights of its features)`. The best candidate is the speaker; its score is the quote's
confidence, and below the model's threshold the speaker is left out ("unattributed").

The weights are trained on PolNeAR (Newell, Margolin and Ruths, LREC 2018) by
`python -m reader.analyze.train` and shipped as `weights/attribution.json`; reading them needs
nothing but the standard library. See `docs/attribution.md`.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.analyze import lexicon
from reader.analyze.quotes import QuoteSpan
from reader.analyze.ranker_candidates import Candidate, collect

if TYPE_CHECKING:
    from reader.analyze.speaker_cues import Attribution
    from reader.analyze.speakers import SpeakerFinder


WEIGHTS = Path(__file__).resolve().parent / "weights" / "attribution.json"


@dataclass(slots=True)
class Choice:
    """The model's answer for one quote."""

    speaker: int | None  # index into the drafts
    speaker_span: tuple[int, int] | None
    confidence: float
    cue: str | None
    description: str | None = None  # an unnamed speaker's words: "a source", "officials"
    pronoun: bool = False


@dataclass(slots=True)
class Linear:
    """Logistic regression over binary features: `sigmoid(bias + sum of their weights)`."""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.5

    def score(self, features: list[str]) -> float:
        weights = self.weights
        total = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Linear:
        return cls(float(data["bias"]), dict(data["weights"]), float(data["threshold"]))


@dataclass(slots=True)
class Model:
    """The speaker ranker (its threshold: below it, no speaker) and, optionally, the quote
    filter (is this quote-mark span someone's words; its threshold: below it, dropped)."""

    speaker: Linear
    quote: Linear | None = None

    @property
    def threshold(self) -> float:
        return self.speaker.threshold

    def score(self, features: list[str]) -> float:
        return self.speaker.score(features)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": 1, "speaker": self.speaker.to_dict()}
        if self.quote is not None:
            data["quote"] = self.quote.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        quote = data.get("quote")
        return cls(
            Linear.from_dict(data["speaker"]),
            Linear.from_dict(quote) if quote is not None else None,
        )


@functools.cache
def shipped() -> Model | None:
    """The model in the package, read once; None when the weights file is missing."""
    try:
        return Model.from_dict(json.loads(WEIGHTS.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def confidence_of(best: float, second: float) -> float:
    """How sure the choice is: the best score, lowered when a rival scores close to it
    (on held-out train folds this keeps more speakers at the same precision than either
    the best score or the margin alone)."""
    return best * best / (best + second) if best + second > 0 else 0.0


def choose(
    model: Model,
    finder: SpeakerFinder,
    spans: list[QuoteSpan],
    rules: list[Attribution],
    collected: list[list[Candidate]] | None = None,
) -> list[Choice]:
    from reader.analyze.speaker_cues import cue_text

    if collected is None:
        collected = collect(finder, spans, rules)
    choices = []
    for rule, candidates in zip(rules, collected, strict=True):
        best: Candidate | None = None
        second = 0.0
        for candidate in candidates:
            candidate.score = model.score(candidate.features)
            if best is None or candidate.score > best.score:
                if best is not None:
                    second = best.score
                best = candidate
            elif candidate.score > second:
                second = candidate.score
        if best is None:
            choices.append(Choice(None, None, 0.0, rule.cue))
            continue
        confidence = confidence_of(best.score, second)
        token = best.token
        cue = cue_text(token.head) if token.head.lemma_ in lexicon.SPEECH_VERBS else rule.cue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "to"
            and token.head.head.lower_ == ("according")
        ):
            cue = "according to"
        speaker = best.entity
        pronoun = token.pos_ == "PRON"
        if speaker is None:
            speaker = finder.resolve(best.chunk, token)
        if speaker is None and pronoun:
            speaker = rule.speaker  # the rules read the paragraphs before more widely
        agrees = speaker is not None and speaker == rule.speaker
        if confidence < model.threshold and not agrees and rule.speaker is not None:
            # Unsure: a close runner-up that names the rules' own choice settles it.
            for runner in sorted(candidates, key=lambda c: -c.score)[1:3]:
                named = runner.entity
                if named is None and runner.token.pos_ == "PRON":
                    named = finder.resolve(runner.chunk, runner.token)
                if named == rule.speaker:
                    best, speaker, agrees = runner, named, True
                    token, pronoun = runner.token, runner.token.pos_ == "PRON"
                    break
        if confidence < model.threshold and not agrees:
            if rule.speaker is not None and rule.governed and rule.close:
                # The quote hangs straight from the rules' reporting verb ("Castells calls
                # this approach "..."") where the parse gave the model no good candidate.
                choices.append(Choice(rule.speaker, None, confidence, rule.cue))
            else:
                choices.append(Choice(None, None, confidence, cue))
            continue
        description = None
        if speaker is None and token.pos_ == "NOUN":
            description = finder.article.text[best.start : best.end]
        elif speaker is not None and finder.drafts[speaker].type == "DATE":
            speaker = None
            description = finder.article.text[best.start : best.end]
        choices.append(
            Choice(speaker, (best.start, best.end), confidence, cue, description, pronoun)
        )
    return choices
