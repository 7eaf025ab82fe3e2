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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.analyze import lexicon
from reader.analyze.entities import EntityDraft
from reader.analyze.nlp import ParsedChunk
from reader.analyze.quotes import QuoteSpan
from reader.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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


class SpeakerFinder:
    def __init__(
        self,
        article: Article,
        chunks: list[ParsedChunk],
        spans: list[QuoteSpan],
        drafts: list[EntityDraft],
    ) -> None:
        self.article = article
        self.chunks = chunks
        self.chunk_starts = [chunk.offset for chunk in chunks]
        self.drafts = drafts
        self.quoted = sorted(
            (span.open_mark, (span.close_mark + 1) if span.close_mark is not None else span.end)
            for span in spans
        )
        self.quoted_starts = [start for start, _ in self.quoted]
        mentions = sorted(
            (start, end, index)
            for index, draft in enumerate(drafts)
            for start, end in draft.mentions
        )
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        people = [
            (start, end, index)
            for start, end, index in mentions
            if drafts[index].type == "PERSON" and not self.in_quote(start)
        ]
        self.anonymous_gender: dict[int, str | None] = {}
        for start, end, gender in self._unnamed_people():
            people.append((start, end, -1))
            self.anonymous_gender[start] = gender
        people.sort()
        self.people = people
        self.people_starts = [m[0] for m in self.people]
        self.block_starts = [block.start for block in article.blocks]
        self.orgs = [m for m in mentions if drafts[m[2]].type == "ORG" and not self.in_quote(m[0])]
        self.org_starts = [m[0] for m in self.orgs]
        self.results: list[Attribution] = []
        self.done_spans: list[QuoteSpan] = []
        # Attributed quotes by start: (start, position in `results`), kept sorted.
        self.done_starts: list[tuple[int, int]] = []
        # The last chunks' sentences, walked once: (sentences, their local start characters).
        self._sentences: dict[int, tuple[list[Span], list[int]]] = {}
        self._token_starts: dict[int, list[int]] = {}

    def _unnamed_people(self) -> list[tuple[int, int, str | None]]:
        """Subjects like "a technician from the power company": people a pronoun may mean."""
        found = []
        for chunk in self.chunks:
            for token in chunk.doc:
                if (
                    token.dep_ in SUBJECT_DEPS
                    and token.pos_ == "NOUN"
                    and token.lemma_.lower() in lexicon.PERSON_NOUNS
                    and not any(child.pos_ == "PROPN" for child in token.children)
                    and any(
                        child.dep_ == "det" and child.lower_ in {"a", "an", "the", "this", "that"}
                        for child in token.children
                    )
                ):
                    offset = chunk.offset + token.idx
                    if self.in_quote(offset) or self.entity_at(offset, offset + len(token)):
                        continue
                    found.append((offset, offset + len(token), _noun_gender(token.lower_)))
        return found

    # -- lookups ------------------------------------------------------------------------------

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, offset) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def chunk_at(self, offset: int) -> ParsedChunk | None:
        i = bisect.bisect_right(self.chunk_starts, offset) - 1
        if i < 0:
            return None
        chunk = self.chunks[i]
        return chunk if offset <= chunk.end else None

    def entity_at(self, start: int, end: int) -> int | None:
        i = bisect.bisect_right(self.mention_starts, end - 1) - 1
        while i >= 0:
            m_start, m_end, index = self.mentions[i]
            if m_end > start and m_start < end:
                return index
            if m_start < start - 200:
                break
            i -= 1
        return None

    def token_offset(self, chunk: ParsedChunk, token: Token) -> int:
        return chunk.offset + token.idx

    def sentences_of(self, chunk: ParsedChunk) -> tuple[list[Span], list[int]]:
        """The chunk's sentences and their local start characters, walked once per chunk
        (walking `doc.sents` for every quote made a paragraph of many quotes quadratic)."""
        cached = self._sentences.get(chunk.offset)
        if cached is None:
            sentences = list(chunk.doc.sents)
            cached = (sentences, [sent.start_char for sent in sentences])
            _keep_last(self._sentences, chunk.offset, cached)
        return cached

    def clip(self, chunk: ParsedChunk, sentences: list[Span], start: int, end: int) -> list[Span]:
        """The parts of `sentences` within `[start, end)` (article offsets), whole tokens."""
        starts = self._token_starts.get(chunk.offset)
        if starts is None:
            starts = [token.idx for token in chunk.doc]
            _keep_last(self._token_starts, chunk.offset, starts)
        first = bisect.bisect_left(starts, start - chunk.offset)
        last = bisect.bisect_left(starts, end - chunk.offset)
        clipped = []
        for sent in sentences:
            lo, hi = max(sent.start, first), min(sent.end, last)
            if lo < hi:
                clipped.append(chunk.doc[lo:hi])
        return clipped

    def sentences_over(self, chunk: ParsedChunk, start: int, end: int) -> list[Span]:
        """The sentences overlapping `[start, end)` (article offsets)."""
        sentences, starts = self.sentences_of(chunk)
        local_start, local_end = start - chunk.offset, end - chunk.offset
        i = max(0, bisect.bisect_right(starts, local_start) - 1)
        found = []
        while i < len(sentences) and sentences[i].start_char < local_end:
            if sentences[i].end_char > local_start:
                found.append(sentences[i])
            i += 1
        return found

    def sentences_between(self, chunk: ParsedChunk, start: int, end: int) -> list[Span]:
        """The sentences that start in `[start, end)` (article offsets)."""
        sentences, starts = self.sentences_of(chunk)
        lo = bisect.bisect_left(starts, start - chunk.offset)
        hi = bisect.bisect_left(starts, end - chunk.offset)
        return sentences[lo:hi]

    def done_between(self, start: int, end: int) -> list[int]:
        """Positions in `results` of the quotes already attributed that start in
        `[start, end)`, in text order."""
        lo = bisect.bisect_left(self.done_starts, (start, -1))
        hi = bisect.bisect_left(self.done_starts, (end, -1))
        return [position for _, position in self.done_starts[lo:hi]]

    # -- evidence -----------------------------------------------------------------------------

    def cues_in(self, chunk: ParsedChunk, sentences: list[Span]) -> list[Token]:
        cues = []
        for sent in sentences:
            for token in sent:
                if self.in_quote(self.token_offset(chunk, token)):
                    continue
                if _is_cue(token):
                    cues.append(token)
        return cues

    def speaker_of(self, chunk: ParsedChunk, cue: Token) -> int | None:
        subject = subject_of(cue)
        if subject is None:
            return None
        return self.resolve(chunk, subject)

    def resolve(self, chunk: ParsedChunk, token: Token) -> int | None:
        offset = self.token_offset(chunk, token)
        lower = token.lower_
        if token.tag_ in {"WP", "WDT"} and token.dep_ in SUBJECT_DEPS:  # "who said"
            head = token.head
            while head.dep_ in {"relcl", "acl"} and head.head is not head:
                head = head.head
                if head.pos_ in {"NOUN", "PROPN"}:
                    return self.resolve(chunk, head)
            return None
        if lower in lexicon.PERSON_PRONOUNS and token.pos_ == "PRON":
            return self.antecedent_person(offset, lexicon.PERSON_PRONOUNS[lower])
        if lower in lexicon.GROUP_PRONOUNS and token.pos_ == "PRON":
            return self.antecedent_org(offset)
        found = self.entity_at(offset, offset + len(token.text))
        if found is not None and self.drafts[found].type != "DATE":
            return found
        # A description: "Nordwind's chief executive, Katarzyna Lis", "a spokesman for the
        # ministry": a person in apposition first, then any named person or organisation.
        ranked: list[tuple[int, int]] = []
        for sub in token.subtree:
            sub_offset = self.token_offset(chunk, sub)
            index = self.entity_at(sub_offset, sub_offset + len(sub.text))
            if index is None or self.drafts[index].type not in {"PERSON", "ORG"}:
                continue
            is_person = self.drafts[index].type == "PERSON"
            if sub.dep_ == "appos" and sub.head.i == token.i:
                rank = 0 if is_person else 1
            elif _under_possessive(sub, token):
                owner = _possessor(sub, token)
                owner_offset = self.token_offset(chunk, owner)
                owner_index = self.entity_at(owner_offset, owner_offset + len(owner.text))
                if owner_index is not None and self.drafts[owner_index].type == "PERSON":
                    # "Brenner's lawyer", "representatives of Brenner's family", "Ruiz's
                    # source": someone else speaks, not the person who owns them (a
                    # company's spokesman speaks for the company, so an ORG stays).
                    continue
                rank = 4
            else:
                rank = 2 if is_person else 3
            ranked.append((rank, index))
        if ranked:
            return min(ranked)[1]
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and not ranked:
            return None  # "officers announced": many unnamed people, not one named person
        if token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            if lemma in lexicon.PERSON_NOUNS:
                return self.person_by_description(offset, token.lower_)
            return self.org_by_head_noun(offset, lemma)
        return None

    def antecedent_person(self, offset: int, gender: str | None) -> int | None:
        """The nearest person before `offset` outside quotes, of a compatible gender, named
        within the last few paragraphs; None when that nearest person is unnamed."""
        i = bisect.bisect_left(self.people_starts, offset) - 1
        block = bisect.bisect_right(self.block_starts, offset) - 1
        horizon = self.block_starts[max(0, block - MAX_PRONOUN_BLOCKS)]
        while i >= 0 and self.people[i][0] >= horizon:
            start, _, index = self.people[i]
            known = self.anonymous_gender.get(start) if index < 0 else self.drafts[index].gender
            if gender is None or known is None or known == gender:
                if index < 0:
                    return self.person_by_description(start, self._noun_at(start))
                subject = self.main_subject_person(start, gender)
                return subject if subject is not None else index
            i -= 1
        return None

    def main_subject_person(self, start: int, gender: str | None) -> int | None:
        """The named person who is the subject of the main verb of the sentence holding the
        mention at `start`, when it stands before that mention: "Whitlock declined to say
        whether the night Brenner resigned ...", or "Renner, who represents Brenner's
        tenants, said ...": a "he" after it means the subject, not the person named in a
        clause below it or under a possessive."""
        chunk = self.chunk_at(start)
        if chunk is None:
            return None
        sentences, starts = self.sentences_of(chunk)
        local = start - chunk.offset
        sent = sentences[max(0, bisect.bisect_right(starts, local) - 1)]
        root = sent.root
        for child in root.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or child.pos_ not in {"PROPN", "NOUN"}:
                continue
            offset = chunk.offset + child.idx
            if offset >= start or self.in_quote(offset):
                return None
            index = self.entity_at(offset, offset + len(child.text))
            if index is None or self.drafts[index].type != "PERSON":
                return None
            known = self.drafts[index].gender
            if gender is None or known is None or known == gender:
                return index
        return None

    def _noun_at(self, offset: int) -> str:
        end = offset
        text = self.article.text
        while end < len(text) and text[end].isalpha():
            end += 1
        return text[offset:end].lower()

    def person_by_description(self, offset: int, noun: str) -> int | None:
        """ "the mayor" after "Mayor Helena Vasconcelos": the person that title was given to."""
        i = bisect.bisect_left(self.people_starts, offset) - 1
        while i >= 0:
            index = self.people[i][2]
            description = self.drafts[index].description if index >= 0 else None
            if description and noun in description.lower().split():
                return index
            i -= 1
        return None

    def antecedent_org(self, offset: int) -> int | None:
        i = bisect.bisect_left(self.org_starts, offset) - 1
        if i >= 0 and offset - self.orgs[i][0] < 1500:
            return self.orgs[i][2]
        return None

    def org_by_head_noun(self, offset: int, noun: str) -> int | None:
        i = bisect.bisect_left(self.org_starts, offset) - 1
        while i >= 0:
            index = self.orgs[i][2]
            words = {w.rstrip("s") for w in self.drafts[index].name.lower().split()}
            if noun.rstrip("s") in words - {"of", "for", "and", "the"}:
                return index
            i -= 1
        return None

    def last_person_in(self, start: int, end: int) -> int | None:
        i = bisect.bisect_left(self.people_starts, end) - 1
        while i >= 0 and self.people[i][0] >= start:
            if self.people[i][2] >= 0:
                return self.people[i][2]
            i -= 1
        return None

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
