"""The quote card: one quote whole, who said it and how, where it is, and what else they said."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from reader.keep.export.citation import quote_citation
from reader.model import Article, Quote


def place_in_article(article: Article, quote: Quote) -> tuple[int, int, int]:
    """`(paragraph number from 1, paragraphs in all, percent of the text before the quote)`."""
    starts = [block.start for block in article.blocks]
    number = max(1, bisect_right(starts, quote.start))
    percent = round(100 * quote.start / len(article.text)) if article.text else 0
    return number, len(article.blocks), percent


def same_speaker(quote: Quote, other: Quote) -> bool:
    """Whether `other` is by the speaker of `quote` (by entity, else by name)."""
    if quote.speaker_id is not None:
        return other.speaker_id == quote.speaker_id
    return quote.speaker is not None and other.speaker == quote.speaker


def evidence(article: Article, quote: Quote) -> Text | None:
    """Why this speaker: the words that name them, highlighted (`“he” → Donald Trump`), the
    cue and the model's confidence; or why no speaker was given. None for a quote the model
    did not score (reported speech, an analysis made without it)."""
    if quote.speaker_span is None and quote.confidence <= 0:
        return None
    line = Text("Evidence: ", style="dim")
    if quote.speaker_span is not None:
        start, end = quote.speaker_span
        named = " ".join(article.text[start:end].split())
        line.append("“")
        line.append(named, style="reverse")
        line.append("”")
        if quote.speaker and named != quote.speaker:
            line.append(f" → {quote.speaker}")
        elif not quote.speaker:
            line.append(" (no one named)", style="dim")
    elif quote.speaker:
        line.append(f"{quote.speaker}, chosen by the rules", style="dim")
    else:
        line.append("no speaker given: the likeliest one was too unsure", style="dim")
    if quote.cue:
        line.append(f" · cue: {quote.cue}", style="dim")
    if quote.confidence > 0:
        line.append(f" · {round(100 * quote.confidence)}% sure", style="dim")
    return line


def card_body(article: Article, quote: Quote, quotes: Sequence[Quote]) -> RenderableType:
    """The card's text: the quote, speaker and cue, place, and the speaker's other quotes."""
    words = Text("“", style="italic")
    words.append(" ".join(quote.text.split()))
    words.append("”")
    who = Text("— ", end="\n")
    who.append(quote.speaker or "unattributed", style="bold" if quote.speaker else "dim italic")
    if quote.cue:
        who.append(f"  ({quote.cue})", style="dim")
    number, blocks, percent = place_in_article(article, quote)
    place = Text(f"Paragraph {number} of {blocks} · {percent}% into the article", style="dim")
    shown = evidence(article, quote)
    parts: list[RenderableType] = [words, Text(), who, *([shown] if shown else []), place]
    others = [other for other in quotes if other.id != quote.id and same_speaker(quote, other)]
    if quote.speaker:
        parts.append(Text())
        if others:
            parts.append(Text(f"Also by {quote.speaker} ({len(others)}):", style="bold"))
            for other in others:
                line = Text("• “", no_wrap=True, overflow="ellipsis")
                line.append(" ".join(other.text.split()))
                line.append("”")
                parts.append(line)
        else:
            parts.append(Text(f"No other quote by {quote.speaker}.", style="dim"))
    return Group(*parts)


class QuoteCard(ModalScreen[Quote]):
    """One quote shown whole over the reader; `escape` or `enter` closes it, `y` copies it,
    `n` / `p` step through the speaker's other quotes. Closed, it gives the quote it shows
    last, which the reader then goes to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close the card", id="card.close"),
        Binding("y", "copy", "Copy quote with citation", id="card.copy"),
        Binding("n", "step(1)", "Next by this speaker", id="card.next-by-speaker"),
        Binding("p", "step(-1)", "Previous by this speaker", id="card.previous-by-speaker"),
    ]

    DEFAULT_CSS = """
    QuoteCard {
        align: center middle;
        background: $background 60%;
        & > #card {
            width: 72;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            padding: 1 2;
            border: round $accent;
            border-title-color: $text-accent;
            border-subtitle-color: $text-muted;
            background: $surface;
            & > Static { width: 100%; }
        }
    }
    """

    def __init__(self, article: Article, quote: Quote, quotes: Sequence[Quote]) -> None:
        super().__init__()
        self.article = article
        self.quote = quote
        self.quotes = tuple(quotes)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card"):
            yield Static(id="card-body", markup=False)
        # The card's own key bar, over the reader's: only the keys that work here.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        card = self.query_one("#card", VerticalScroll)
        position = next((n for n, q in enumerate(self.quotes) if q.id == self.quote.id), None)
        card.border_title = Text(
            f"Quote {position + 1} of {len(self.quotes)}" if position is not None else "Quote"
        )
        mine = self.by_speaker()
        subtitle = "esc closes · y copies"
        if len(mine) > 1:
            subtitle += f" · n/p: {mine.index(self.quote) + 1} of {len(mine)} by this speaker"
        card.border_subtitle = Text(subtitle)
        body = card_body(self.article, self.quote, self.quotes)
        self.query_one("#card-body", Static).update(body)
        card.scroll_home(animate=False)

    def by_speaker(self) -> list[Quote]:
        """The quotes listed that are by this quote's speaker, this one among them."""
        if not self.quote.speaker:
            return [self.quote]
        return [q for q in self.quotes if q.id == self.quote.id or same_speaker(self.quote, q)]

    def action_step(self, step: int) -> None:
        """Show the speaker's next (`step` 1) or previous (-1) quote in the card."""
        mine = self.by_speaker()
        who = self.quote.speaker
        if len(mine) < 2 or who is None:
            who_said = f"by {who}" if who else "by an unattributed speaker"
            self.notify(f"No other quote {who_said}.", markup=False)
            return
        index = mine.index(self.quote) + step
        if not 0 <= index < len(mine):
            where = "after" if step > 0 else "before"
            here = mine.index(self.quote) + 1
            self.notify(
                f"No quote by {who} {where} this one ({here} of {len(mine)}).", markup=False
            )
            return
        self.quote = mine[index]
        self._show()

    def action_close(self) -> None:
        self.dismiss(self.quote)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(quote_citation(self.quote, self.article))
        who = self.quote.speaker or "an unattributed speaker"
        self.notify(f"Copied the quote by {who}, with its citation.", title="Copied", markup=False)
