"""What the speaker rules read: their limits, the Attribution, reporting verbs and subjects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.analyze import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_FLOATING = 3
MAX_PRONOUN_BLOCKS = 4
#: How many sentences back, within the paragraph, a quote's speaker is looked for.
MAX_PREVIOUS_SENTENCES = 6
#: How far (characters) from its marks a reporting verb of a quote's own sentence is looked for:
#: a sentence holding hundreds of quotes would otherwise read every verb for every quote.
CUE_WINDOW = 300
#: How many earlier people or organisations a description or pronoun is matched against.
MAX_LOOKBACK = 60
#: How many chunks' sentences and token starts are kept once walked. The quotes are read in
#: text order, so the last few are all that is read again; keeping every chunk's would keep
#: every chunk's Doc alive (the sentences are spans of it) for the whole attribution.
CACHED_CHUNKS = 32
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "relcl", "acl", "pcomp"})


@dataclass(slots=True)
class Attribution:
    speaker: int | None  # index into the drafts
    cue: str | None
    cue_in_sentence: bool
    governed: bool  # the quote sits in the reporting verb's own clause
    close: bool = False  # ...with no other verb between them ("called it "unacceptable"")
    description: str | None = None  # an unnamed speaker: "officers", "the victim's mother"


def _keep_last(cache: dict[int, Any], key: int, value: Any) -> None:
    """Add `value` to `cache`, dropping the oldest entry beyond `CACHED_CHUNKS`."""
    if len(cache) >= CACHED_CHUNKS:
        del cache[next(iter(cache))]
    cache[key] = value


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according" and any(child.lower_ == "to" for child in token.children):
        return True
    if token.lemma_ not in lexicon.SPEECH_VERBS or not (
        token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")
    ):
        return False
    # "agreed to return", "declined to comment": a verb of intent, not of speech.
    return not any(
        child.dep_ == "xcomp" and any(g.lower_ == "to" for g in child.children)
        for child in token.children
    )


def _description(subject: Token | None) -> str | None:
    """The words of an unnamed speaker ("officers", "the victim's mother"), when the subject
    is a common noun; None for pronouns, names and missing subjects."""
    if subject is None or subject.pos_ != "NOUN":
        return None
    words = [t for t in subject.subtree if t.i <= subject.i]
    if not words or any(t.pos_ == "PROPN" for t in words):
        return None
    return subject.doc[words[0].i : subject.i + 1].text


def _noun_gender(noun: str) -> str | None:
    if noun in {"man", "spokesman", "father", "son", "husband", "boy", "chairman"}:
        return "male"
    if noun in {"woman", "spokeswoman", "mother", "daughter", "wife", "girl", "chairwoman"}:
        return "female"
    return None


def _under_possessive(token: Token, top: Token) -> bool:
    """True when `token` hangs from `top` through a possessive ("Nordwind's chief")."""
    node = token
    for _ in range(8):
        if node.i == top.i:
            return False
        if node.dep_ == "poss":
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _possessor(token: Token, top: Token) -> Token:
    """The possessive on the way from `token` up to `top` ("Nordwind" of "Nordwind's chief")."""
    node = token
    for _ in range(8):
        if node.dep_ == "poss" or node.head is node or node.i == top.i:
            return node
        node = node.head
    return node


def subject_of(cue: Token) -> Token | None:
    """The one who speaks: the subject of the verb, climbing to the clause that has one."""
    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    node = cue
    for _ in range(4):
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head
        if node.dep_ in {"xcomp", "conj", "advcl"} and node.head is not node:
            node = node.head
            continue
        break
    for child in cue.children:  # "was quoted by X", "said by X"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    if cue.lemma_ in lexicon.TELL_VERBS:
        for child in cue.children:
            if child.dep_ in {"dobj", "dative"} and child.pos_ == "PROPN":
                return f"{cue.text} {child.text}"
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_upper:
            return f"{cue.text} {nxt.text}"
    return cue.text
