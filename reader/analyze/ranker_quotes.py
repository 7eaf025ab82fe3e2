"""The quote filter: is a quote-mark span someone's words, by the features the model reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analyze.quotes import QuoteSpan
from reader.analyze.ranker import Linear
from reader.analyze.ranker_candidates import Candidate, _bucket
from reader.model import Article

if TYPE_CHECKING:
    from reader.analyze.speaker_cues import Attribution


def quote_features(
    article: Article, span: QuoteSpan, rule: Attribution, candidates: list[Candidate]
) -> list[str]:
    """What tells someone's words from a title, a nickname or a scare quote."""
    from reader.analyze import quotes

    text = article.text
    inner = span.text(article)
    block = article.blocks[span.blocks[0]]
    last_block = article.blocks[span.blocks[-1]]
    close = span.close_mark if span.close_mark is not None else span.end
    before = text[block.start : span.open_mark].rstrip()
    after = text[close + 1 : last_block.end].lstrip() if span.close_mark is not None else ""
    words = len(inner.split())
    word_before = before.split()[-1].lower().strip(",.;:()") if before.split() else "^"
    word_after = after.split()[0].lower().strip(",.;:()") if after.split() else "$"
    feats = [
        f"kind:{span.kind}",
        f"words:{_bucket(words)}",
        f"opens:{int(not before)}",
        f"ends:{int(not after)}",
        f"closed:{int(span.close_mark is not None)}",
        f"blocks:{min(3, len(span.blocks))}",
        f"first:{int(span.blocks[0] == 0)}",
        f"before:{before[-1:] if before else '^'}",
        f"after:{after[:1] if after else '$'}",
        f"wbefore:{word_before}",
        f"wafter:{word_after}",
        f"naming:{int(quotes.is_naming(article, span))}",
        f"modifier:{int(quotes.is_modifier(article, span))}",
        f"title:{int(quotes.looks_like_name_or_title(inner))}",
        f"headline:{int(quotes.is_headline_case(inner))}",
        f"first_person:{int(quotes.has_first_person(inner))}",
        f"terminal:{int(bool(quotes.TERMINAL.search(inner)))}",
        f"capital:{int(inner[:1].isupper())}",
        f"rule:cue={int(rule.cue_in_sentence)}",
        f"rule:governed={int(rule.governed)}",
        f"rule:close={int(rule.close)}",
        f"rule:speaker={int(rule.speaker is not None)}",
        f"rule:described={int(rule.description is not None)}",
    ]
    feats.append(f"kind&words:{span.kind}&{_bucket(words)}")
    feats.append(f"title&cue:{feats[13][-1]}&{int(rule.cue_in_sentence)}")
    seen = set()
    for candidate in candidates:
        where = candidate.features[0]
        for feature in candidate.features:
            if feature == "governs" or feature.startswith("cuedep:"):
                seen.add(f"c:{where}&{feature}")
            elif feature == "according":
                seen.add(f"c:{where}&according")
    feats.extend(sorted(seen))
    return feats


def names_or_titles(article: Article, span: QuoteSpan) -> bool:
    """so-called "X", the word "X", a "phase one" deal, a Title In Capitals."""
    from reader.analyze import quotes

    inner = span.text(article)
    return (
        quotes.is_naming(article, span)
        or quotes.is_modifier(article, span)
        or quotes.looks_like_name_or_title(inner)
        or quotes.is_headline_case(inner)
    )


def keep_quotes(
    model: Linear,
    article: Article,
    spans: list[QuoteSpan],
    rules: list[Attribution],
    collected: list[list[Candidate]],
    by_rules: list[bool],
) -> list[bool]:
    """Which spans are someone's words, by the quote model.

    Some spans keep the rules' verdict: a name introduced as such (so-called "X", titled "X",
    the word "X": the corpus counts them as words said inside an attributed sentence, the
    reader does not); a short modifier or a Title Case phrase in a sentence with no reporting
    cue (a "temporary" zone: a scare quote, nobody's words); and quotes over several
    paragraphs (the corpus scores paragraph by paragraph, so it cannot teach them). A modifier
    or a title in a sentence that reports speech (a "rigged economy", he said) is judged by
    the model: there it is mostly a fragment of what was said."""
    from reader.analyze import quotes

    return [
        kept
        if len(span.blocks) > 1
        or quotes.is_naming(article, span)
        or (not rule.cue_in_sentence and names_or_titles(article, span))
        else model.score(quote_features(article, span, rule, candidates)) >= model.threshold
        for span, rule, candidates, kept in zip(spans, rules, collected, by_rules, strict=True)
    ]
