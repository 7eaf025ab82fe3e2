"""The speaker rules' lookups and evidence: mentions, sentences, cues, pronouns resolved."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader.analyze import lexicon
from reader.analyze.entities import EntityDraft
from reader.analyze.nlp import ParsedChunk
from reader.analyze.quotes import QuoteSpan
from reader.analyze.speaker_cues import (
    MAX_PRONOUN_BLOCKS,
    SUBJECT_DEPS,
    Attribution,
    _is_cue,
    _keep_last,
    _noun_gender,
    _possessor,
    _under_possessive,
    subject_of,
)
from reader.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SpeakerEvidence:
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
