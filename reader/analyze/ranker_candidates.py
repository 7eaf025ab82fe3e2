"""Who may have said a quote: the candidate noun phrases around it and their features."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.nlp import ParsedChunk
from reader.analyze.quotes import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from reader.analyze.speaker_cues import Attribution
    from reader.analyze.speakers import SpeakerFinder


#: How many sentences before and after the quote's own are read for candidates.
SENTENCES_BEFORE = 2
SENTENCES_AFTER = 1
#: How many sentences at the end of the paragraph before.
PREVIOUS_PARAGRAPH_SENTENCES = 2
#: How far (characters) from a quote's marks its candidates are looked for.
WINDOW = 400
#: Candidates kept per quote, nearest first.
MAX_CANDIDATES = 40
NOUN_POS = frozenset({"PROPN", "NOUN", "PRON"})
SKIP_DEPS = frozenset({"compound", "flat", "poss", "npadvmod", "nummod", "quantmod"})
PRONOUNS = frozenset(lexicon.PERSON_PRONOUNS) | lexicon.GROUP_PRONOUNS | {"who", "you", "us"}
LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case", "nmod", "punct"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(slots=True)
class Candidate:
    start: int  # the words naming the speaker: article offsets
    end: int
    chunk: ParsedChunk
    token: Token
    entity: int | None  # the draft it names, where it names one directly
    features: list[str] = field(default_factory=list)
    score: float = 0.0


def _bucket(value: int) -> str:
    if value <= 0:
        return "0"
    return str(min(8, int(math.log2(value + 1))))


class Collector:
    """Candidates and their features for the quotes of one article."""

    def __init__(self, finder: SpeakerFinder) -> None:
        self.finder = finder
        self.article = finder.article

    # -- where things are ---------------------------------------------------------------------

    def mention_at(self, start: int, end: int) -> tuple[int, int, int] | None:
        finder = self.finder
        i = bisect.bisect_right(finder.mention_starts, end - 1) - 1
        while i >= 0:
            m_start, m_end, index = finder.mentions[i]
            if m_end > start and m_start < end:
                return m_start, m_end, index
            if m_start < start - 200:
                break
            i -= 1
        return None

    def _sentence_index(self, starts: list[int], local: int) -> int:
        return max(0, bisect.bisect_right(starts, local) - 1)

    def regions(self, span: QuoteSpan) -> list[tuple[str, ParsedChunk, Span]]:
        """(where, chunk, sentence) for the sentences read around `span`."""
        finder = self.finder
        close = span.close_mark if span.close_mark is not None else span.end
        found: list[tuple[str, ParsedChunk, Span]] = []
        first = finder.chunk_at(span.open_mark)
        last = finder.chunk_at(max(span.open_mark, close - 1))
        if first is None:
            return found
        sentences, starts = finder.sentences_of(first)
        s0 = self._sentence_index(starts, span.open_mark - first.offset)
        if last is None or last.offset != first.offset:
            last = first
            s1 = len(sentences) - 1
        else:
            s1 = self._sentence_index(starts, close - first.offset)
        for i in range(max(0, s0 - SENTENCES_BEFORE), s0):
            found.append((f"before{s0 - i}", first, sentences[i]))
        for i in range(s0, s1 + 1):
            found.append(("same", first, sentences[i]))
        last_sentences, last_starts = finder.sentences_of(last)
        s_last = s1 if last is first else self._sentence_index(last_starts, close - last.offset)
        for i in range(s_last + 1, min(len(last_sentences), s_last + 1 + SENTENCES_AFTER)):
            found.append(("after", last, last_sentences[i]))
        block = span.blocks[0] - 1
        while block >= 0 and self.article.blocks[block].kind == "caption":
            block -= 1
        if block >= 0 and self.article.blocks[block].kind in {
            "paragraph",
            "blockquote",
            "list_item",
        }:
            previous = finder.chunk_at(self.article.blocks[block].end - 1)
            if previous is not None:
                p_sentences, _ = finder.sentences_of(previous)
                for sent in p_sentences[-PREVIOUS_PARAGRAPH_SENTENCES:]:
                    found.append(("prevpar", previous, sent))
        return found

    # -- candidates ---------------------------------------------------------------------------

    def candidates(
        self,
        span: QuoteSpan,
        rule: Attribution,
        previous_rule: int | None,
        quote_kind: str,
    ) -> list[Candidate]:
        finder = self.finder
        article = self.article
        close = span.close_mark if span.close_mark is not None else span.end
        block = article.blocks[span.blocks[0]]
        opens = not article.text[block.start : span.open_mark].strip()
        last_block = article.blocks[span.blocks[-1]]
        ends = not article.text[close + 1 : last_block.end].strip()
        quote_feats = [
            f"q:opens={int(opens)}",
            f"q:ends={int(ends)}",
            f"q:kind={quote_kind}",
            f"q:rulecue={int(rule.cue_in_sentence)}",
        ]
        found: list[Candidate] = []
        for where, chunk, sentence in self.regions(span):
            # Only the words within `WINDOW` characters of the marks: a sentence holding
            # hundreds of quotes would otherwise be read whole for every one of them.
            if where == "prevpar":
                lo, hi = chunk.offset + sentence.end_char - WINDOW, chunk.offset + sentence.end_char
            else:
                lo, hi = span.open_mark - WINDOW, close + 1 + WINDOW
            words = [t for part in finder.clip(chunk, [sentence], lo, hi) for t in part]
            for token in words:
                if token.pos_ not in NOUN_POS or token.dep_ in SKIP_DEPS:
                    continue
                lower = token.lower_
                if token.pos_ == "PRON" and lower not in PRONOUNS:
                    continue
                if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.pos_ != "PROPN":
                    continue  # "Rosalind Okafor, the library's director": one candidate
                offset = chunk.offset + token.idx
                if finder.in_quote(offset):
                    continue
                side = where
                if where == "same":
                    side = "left" if offset < span.open_mark else "right"
                    if span.open_mark <= offset < close:
                        side = "inside"  # between two marked parts of the sentence
                found.append(self._candidate(chunk, token, offset, side, span, close))
        found = self._rank(found, span, close)
        rule_speaker = rule.speaker
        for candidate in found:
            feats = candidate.features
            ident = candidate.entity
            if candidate.token.pos_ == "PRON":
                ident = finder.resolve(candidate.chunk, candidate.token)
                feats.append(f"pron:resolved={int(ident is not None)}")
            if rule_speaker is not None and ident == rule_speaker:
                feats.append("rule:same")
                feats.append(f"rule:same&{feats[0]}")
            if previous_rule is not None and ident == previous_rule:
                feats.append("prev:same")
                feats.append(f"prev:same&q:opens={quote_feats[0][-1]}")
            if ident is not None:
                kind = finder.drafts[ident].type
                feats.append(f"ent:{kind}")
                mentions = len(finder.drafts[ident].mentions)
                feats.append(f"ent:mentions={_bucket(mentions)}")
            else:
                feats.append("ent:none")
            for q in quote_feats:
                feats.append(f"{feats[0]}&{q}")
            feats.extend(quote_feats)
        return found

    def _candidate(
        self,
        chunk: ParsedChunk,
        token: Token,
        offset: int,
        side: str,
        span: QuoteSpan,
        close: int,
    ) -> Candidate:
        start, end = offset, offset + len(token.text)
        entity = None
        if token.pos_ == "PROPN":
            mention = self.mention_at(start, end)
            if mention is not None:
                start, end, entity = mention
            else:
                lefts = [t for t in token.lefts if t.dep_ in {"compound", "flat"}]
                if lefts:
                    start = chunk.offset + min(t.idx for t in lefts)
        elif token.pos_ == "NOUN":
            lefts = [t for t in token.lefts if t.dep_ in LEFT_DEPS]
            if lefts:
                start = chunk.offset + min(t.idx for t in lefts)
            mention = self.mention_at(offset, offset + len(token.text))
            if mention is not None:
                entity = mention[2]
        head = token.head
        dep = token.dep_
        feats = [f"w:{side}", f"pos:{token.pos_}", f"dep:{dep}", f"pos&dep:{token.pos_}&{dep}"]
        speech = head.lemma_ in lexicon.SPEECH_VERBS and head.pos_ in {"VERB", "AUX"}
        if speech:
            feats.append(f"cue:{head.lemma_}")
            feats.append(f"cuedep:{dep}")
            feats.append(f"cuedep&w:{dep}&{side}")
            feats.append(f"cuedep&pos:{dep}&{token.pos_}")
        else:
            feats.append(f"head:{head.pos_}&{dep}")
        if dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            feats.append("according")
            feats.append(f"according&w:{side}")
        if dep == "pobj" and head.dep_ == "agent":
            feats.append("agent")
        if dep == "appos":
            feats.append(f"appos:{head.dep_}")
            if head.head.lemma_ in lexicon.SPEECH_VERBS:
                feats.append("appos:cue")
        appositions = [c for c in token.children if c.dep_ == "appos"]
        if appositions:
            feats.append(f"has_appos:{appositions[0].pos_}")
        if dep == "conj" and head.dep_ in SUBJECT_DEPS:
            feats.append("conjsubj")
        if token.pos_ == "PRON":
            feats.append(f"pron:{token.lower_}")
        elif token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            feats.append(f"lemma:{lemma}" if lemma in lexicon.PERSON_NOUNS else "lemma:other")
            feats.append(f"noun:{token.tag_}")
        if head.dep_ == "ROOT":
            feats.append(f"headroot:{dep}")
        if head.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}:
            feats.append(f"headdep:{head.dep_}&{dep}")
        # The quote hangs from the candidate's verb: its tokens' heads climb to `head`.
        if speech and self._quote_under(chunk, head, span):
            feats.append("governs")
            feats.append(f"governs&{dep}")
        distance = span.open_mark - end if end <= span.open_mark else offset - close
        feats.append(f"dist:{side}&{_bucket(max(0, distance) // 8)}")
        return Candidate(start, end, chunk, token, entity, feats)

    def _quote_under(self, chunk: ParsedChunk, verb: Token, span: QuoteSpan) -> bool:
        doc = chunk.doc
        local_start = span.start - chunk.offset
        local_end = min(span.end, chunk.end) - chunk.offset
        words = doc.char_span(
            max(0, local_start), max(local_start, local_end), alignment_mode="expand"
        )
        if words is None:
            return False
        for token in list(words)[:12]:
            node = token
            for _ in range(10):
                if node.i == verb.i:
                    return True
                if node.head is node:
                    break
                node = node.head
        return False

    def _rank(self, found: list[Candidate], span: QuoteSpan, close: int) -> list[Candidate]:
        """Nearest first, at most `MAX_CANDIDATES`, with their rank among like candidates."""

        def distance(c: Candidate) -> int:
            return span.open_mark - c.end if c.end <= span.open_mark else c.start - close

        ordered = sorted(found, key=lambda c: (abs(distance(c)), c.start))[:MAX_CANDIDATES]
        seen: dict[str, int] = {}
        for candidate in ordered:
            key = candidate.features[0]
            rank = seen.get(key, 0)
            seen[key] = rank + 1
            candidate.features.append(f"rank:{key}&{min(rank, 3)}")
            cue = next((f for f in candidate.features if f.startswith("cuedep:")), None)
            if cue is not None:
                ckey = f"{key}&{cue}"
                crank = seen.get(ckey, 0)
                seen[ckey] = crank + 1
                candidate.features.append(f"crank:{ckey}&{min(crank, 2)}")
        return ordered


def collect(
    finder: SpeakerFinder,
    spans: list[QuoteSpan],
    rules: list[Attribution],
) -> list[list[Candidate]]:
    """The candidates of every quote, with their features (rules: the hand-written choices)."""
    collector = Collector(finder)
    result = []
    previous: int | None = None
    for span, rule in zip(spans, rules, strict=True):
        result.append(collector.candidates(span, rule, previous, span.kind))
        if rule.speaker is not None:
            previous = rule.speaker
    return result
