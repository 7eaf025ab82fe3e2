"""Who said it: reporting verbs in the parse, then the sentence and paragraph before.

Order of evidence for each quote:
1. a reporting verb in the quote's own sentence (its subject, or the object of "according to");
2. a speaker named in an earlier sentence of the same paragraph;
3. for a quote that opens its paragraph, the speaker named in the paragraph before
   (a "floating" quote; a few in a row at most). Never a later paragraph.
Pronouns resolve to the nearest preceding person outside quotes, matching gender when known.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.nlp import ParsedChunk
from reader.analyze.quotes import QuoteSpan
from reader.analyze.speaker_cues import (
    CUE_WINDOW,
    MAX_FLOATING,
    MAX_PREVIOUS_SENTENCES,
    Attribution,
    _description,
    cue_text,
    subject_of,
)
from reader.analyze.speaker_evidence import SpeakerEvidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SpeakerFinder(SpeakerEvidence):
    # -- attribution --------------------------------------------------------------------------

    def same_sentence(self, span: QuoteSpan) -> Attribution | None:
        close = span.close_mark if span.close_mark is not None else span.end
        block_indices = (
            [span.blocks[0]] if len(span.blocks) == 1 else [span.blocks[0], span.blocks[-1]]
        )
        candidates: list[tuple[tuple[int, int, int], ParsedChunk, Token, bool, bool]] = []
        for n, block_index in enumerate(block_indices):
            block = self.article.blocks[block_index]
            lo = max(span.open_mark, block.start) if n == 0 else block.start
            hi = min(close + 1, block.end) if n == len(block_indices) - 1 else block.end
            if len(block_indices) > 1 and n == 0:
                hi = lo + 1
            if len(block_indices) > 1 and n == 1:
                lo = max(close - 1, block.start)
            chunk = self.chunk_at(lo)
            if chunk is None:
                continue
            sentences = self.sentences_over(chunk, lo, hi)
            sentences += self._trailing_tag(chunk, sentences)
            sentences = self.clip(
                chunk, sentences, span.open_mark - CUE_WINDOW, close + 1 + CUE_WINDOW
            )
            for cue in self.cues_in(chunk, sentences):
                cue_offset = self.token_offset(chunk, cue)
                governs, close_to = self._governs(chunk, cue, span)
                weak = cue.lemma_ in lexicon.WEAK_SPEECH_VERBS
                if weak and not governs and not self._adjacent(cue_offset, span):
                    continue
                distance = (
                    span.open_mark - cue_offset
                    if cue_offset < span.open_mark
                    else cue_offset - close
                )
                candidates.append(
                    ((int(not governs), int(weak), abs(distance)), chunk, cue, governs, close_to)
                )
        candidates.sort(key=lambda item: item[0])
        fallback: Attribution | None = None
        for _, chunk, cue, governs, close_to in candidates:
            speaker = self.speaker_of(chunk, cue)
            attribution = Attribution(speaker, cue_text(cue), True, governs, close_to)
            if speaker is not None:
                return attribution
            if fallback is None:
                fallback = attribution
                subject = subject_of(cue)
                if (
                    subject is not None
                    and not self.in_quote(self.token_offset(chunk, subject))
                    and (governs or self._adjacent(self.token_offset(chunk, cue), span))
                ):
                    fallback.description = _description(subject)
        return fallback

    def _trailing_tag(self, chunk: ParsedChunk, sentences: list[Span]) -> list[Span]:
        """A sentence the parser split off after the quote: `"..." he said.`."""
        if not sentences:
            return []
        last = sentences[-1]
        if last.end >= len(chunk.doc):
            return []
        all_sentences, starts = self.sentences_of(chunk)
        i = bisect.bisect_left(starts, last.end_char)
        if i >= len(all_sentences):
            return []
        nxt = all_sentences[i]
        first_word = next((t for t in nxt if t.is_alpha), None)
        if first_word is not None and first_word.text[0].islower():
            return [nxt]
        return []

    def _governs(self, chunk: ParsedChunk, cue: Token, span: QuoteSpan) -> tuple[bool, bool]:
        """Whether a word of the quote hangs (through its heads) from the cue, and whether
        it does so with no other verb on the way."""
        local_start = span.start - chunk.offset
        local_end = (span.end - chunk.offset) if span.end <= chunk.end else chunk.length
        quote_tokens = [
            t
            for t in chunk.doc.char_span(
                max(0, local_start), max(local_start, local_end), alignment_mode="expand"
            )
            or []
        ][:30]
        inside = {t.i for t in quote_tokens}
        governs = False
        for token in quote_tokens:
            node = token
            verbs_between = False
            for _ in range(12):
                if node.i == cue.i:
                    if not verbs_between:
                        return True, True
                    governs = True
                    break
                if node.i not in inside and node.pos_ in {"VERB", "AUX"}:
                    verbs_between = True
                if node.head is node:
                    break
                node = node.head
        return governs, False

    def _adjacent(self, cue_offset: int, span: QuoteSpan) -> bool:
        close = span.close_mark if span.close_mark is not None else span.end
        return 0 <= cue_offset - close <= 25 or 0 <= span.open_mark - cue_offset <= 25

    def previous_sentences(self, span: QuoteSpan) -> Attribution | None:
        block = self.article.blocks[span.blocks[0]]
        chunk = self.chunk_at(span.open_mark)
        if chunk is None:
            return None
        sentences, starts = self.sentences_of(chunk)
        first = bisect.bisect_left(starts, block.start - chunk.offset)
        last = bisect.bisect_left(starts, span.open_mark + 1 - chunk.offset)
        before = [
            sent
            for sent in sentences[max(first, last - MAX_PREVIOUS_SENTENCES - 1) : last]
            if chunk.offset + sent.end_char <= span.open_mark + 1
        ]
        for sent in reversed(before[-MAX_PREVIOUS_SENTENCES:]):
            found = self.sentence_speaker(chunk, sent)
            if found is not None:
                return found
        return None

    def sentence_speaker(self, chunk: ParsedChunk, sent: Span) -> Attribution | None:
        start = chunk.offset + sent.start_char
        end = chunk.offset + sent.end_char
        # A quote already attributed in that sentence.
        for position in self.done_between(start, end):
            result = self.results[position]
            if result.speaker is not None or result.description is not None:
                return Attribution(
                    result.speaker, result.cue, False, False, description=result.description
                )
        for cue in reversed(self.cues_in(chunk, [sent])):
            speaker = self.speaker_of(chunk, cue)
            if speaker is not None:
                return Attribution(speaker, cue_text(cue), False, False)
        person = self.last_person_in(start, end)
        if person is not None:
            return Attribution(person, None, False, False)
        return None

    def previous_paragraph(self, span: QuoteSpan) -> Attribution | None:
        index = span.blocks[0] - 1
        while index >= 0 and self.article.blocks[index].kind == "caption":
            index -= 1
        if index < 0 or self.article.blocks[index].kind not in {
            "paragraph",
            "blockquote",
            "list_item",
        }:
            return None
        block = self.article.blocks[index]
        # The last attributed quote of that paragraph carries over (a run of floating quotes).
        for position in reversed(self.done_between(block.start, block.end)):
            result = self.results[position]
            if result.speaker is not None:
                return Attribution(result.speaker, result.cue, False, False)
        chunk = self.chunk_at(block.start)
        if chunk is None:
            return None
        sentences = self.sentences_between(chunk, block.start, block.end)
        for sent in reversed(sentences):
            for cue in reversed(self.cues_in(chunk, [sent])):
                speaker = self.speaker_of(chunk, cue)
                if speaker is not None:
                    return Attribution(speaker, cue_text(cue), False, False)
        person = self.last_person_in(block.start, block.end)
        if person is not None:
            return Attribution(person, None, False, False)
        return None

    def opens_paragraph(self, span: QuoteSpan) -> bool:
        block = self.article.blocks[span.blocks[0]]
        return not self.article.text[block.start : span.open_mark].strip()

    def attribute_all(self, spans: list[QuoteSpan]) -> list[Attribution]:
        self.done_spans = []
        self.done_starts = []
        self.results = []
        floating_run = 0
        previous_block: int | None = None
        for span in spans:
            found = self.same_sentence(span)
            if found is not None and found.description is not None:
                # "officers announced": an unnamed speaker, kept in the cue; no guessing.
                found.cue = f"{found.description} {found.cue}"
            elif found is None or found.speaker is None:
                earlier = self.previous_sentences(span)
                if earlier is not None and earlier.description is not None:
                    found = earlier  # the unnamed speaker of the sentence before
                elif earlier is not None:
                    found = Attribution(
                        earlier.speaker,
                        found.cue if found else earlier.cue,
                        bool(found),
                        bool(found and found.governed),
                    )
            floating = False
            if (
                (found is None or found.speaker is None)
                and (found is None or found.description is None)
                and self.opens_paragraph(span)
            ):
                if previous_block is not None and span.blocks[0] != previous_block + 1:
                    floating_run = 0
                if floating_run < MAX_FLOATING:
                    carried = self.previous_paragraph(span)
                    if carried is not None:
                        found = Attribution(
                            carried.speaker,
                            found.cue if found else carried.cue,
                            bool(found),
                            bool(found and found.governed),
                        )
                        floating = True
            floating_run = floating_run + 1 if floating else 0
            previous_block = span.blocks[-1]
            result = found or Attribution(None, None, False, False)
            bisect.insort(self.done_starts, (span.start, len(self.results)))
            self.done_spans.append(span)
            self.results.append(result)
        return self.results
