"""One screen line of the article view, built as a strip: the margin, a gutter for quotes and
list items, then the line's text styled by the spans it touches (the text is always data)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from reader.tui.text.line_index import Line
from reader.tui.text.spans import SpanIndex

Span = tuple[int, int]

#: The article view's component classes and their styles (`ArticleView.COMPONENT_CLASSES`,
#: `DEFAULT_CSS`): each layer of spans takes one.
ARTICLE_COMPONENTS = {
    "article-view--heading",
    "article-view--caption",
    "article-view--blockquote",
    "article-view--gutter",
    "article-view--quote",
    "article-view--current-quote",
    "article-view--mention",
    "article-view--current-mention",
    "article-view--match",
    "article-view--current-match",
    "article-view--link",
    "article-view--hint",
    "article-view--highlight",
    "article-view--current-highlight",
    "article-view--selection",
}
ARTICLE_CSS = """
    ArticleView {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .article-view--heading { text-style: bold; color: $text-primary; }
        & > .article-view--caption { text-style: italic; color: $text-muted; }
        & > .article-view--blockquote { color: $text-secondary; }
        & > .article-view--gutter { color: $primary-muted; }
        & > .article-view--quote { background: $accent 12%; }
        & > .article-view--current-quote { background: $accent 45%; }
        & > .article-view--mention { text-style: underline; color: $text-warning; }
        & > .article-view--current-mention {
            text-style: bold underline; background: $warning 35%;
        }
        & > .article-view--link { text-style: underline; color: $link-color; }
        & > .article-view--hint { text-style: bold; color: $background; background: $accent; }
        & > .article-view--match { background: $success 60%; }
        & > .article-view--current-match {
            text-style: bold; color: $background; background: $success;
        }
        & > .article-view--highlight { background: $secondary 30%; color: auto 90%; }
        & > .article-view--current-highlight {
            text-style: bold; background: $secondary 60%; color: auto 95%;
        }
        & > .article-view--selection { text-style: reverse; }
    }
    """

#: The component class that styles each kind of block's text.
KIND_STYLES = {
    "heading": "article-view--heading",
    "caption": "article-view--caption",
    "blockquote": "article-view--blockquote",
}


@dataclass(slots=True)
class SpanLayers:
    """The spans the article view marks, drawn in this order (a later one over an earlier)."""

    strong: SpanIndex = field(default_factory=SpanIndex)
    """The page's bold words (`Article.marks`), drawn bold under every other layer."""
    em: SpanIndex = field(default_factory=SpanIndex)
    """The page's italic words."""
    quotes: SpanIndex = field(default_factory=SpanIndex)
    mentions: SpanIndex = field(default_factory=SpanIndex)
    matches: SpanIndex = field(default_factory=SpanIndex)
    links: SpanIndex = field(default_factory=SpanIndex)
    hrefs: dict[Span, str] = field(default_factory=dict)
    """Each link span's href, already safe for the terminal (`terminal_href`)."""
    hints: dict[int, str] = field(default_factory=dict)
    """The hint label shown over each link, by the link's start (empty: no hints)."""
    highlights: SpanIndex = field(default_factory=SpanIndex)
    """The reader's highlights (`a`), drawn over the quotes."""
    current_highlight: Span | None = None
    """The highlight `'` last went to."""
    selection: Span | None = None
    """The passage being selected (`v`), drawn over everything."""

    def links_on(self, start: int, end: int) -> list[tuple[Span, str]]:
        """The links touching `[start, end)`, each with its href."""
        hrefs = self.hrefs
        return [(span, hrefs[span]) for span in self.links.overlapping(start, end)]

    def hints_on(self, start: int, end: int) -> list[tuple[int, str]]:
        """The hint labels of links that start in `[start, end)`."""
        if not self.hints:
            return []
        return [
            (span[0], self.hints[span[0]])
            for span in self.links.overlapping(start, end)
            if start <= span[0] < end and span[0] in self.hints
        ]

    def layers(
        self, start: int, end: int, current: tuple[Span | None, Span | None, Span | None]
    ) -> list[tuple[Iterable[Span], str | Style]]:
        """Per layer, the spans touching `[start, end)` and the component class (or the
        style) they take; `current` is the current quote, mention and match."""
        quote, mention, match = current
        return [
            (self.strong.overlapping(start, end), BOLD),
            (self.em.overlapping(start, end), ITALIC),
            (self.quotes.overlapping(start, end), "article-view--quote"),
            (_one(quote), "article-view--current-quote"),
            (self.highlights.overlapping(start, end), "article-view--highlight"),
            (_one(self.current_highlight), "article-view--current-highlight"),
            (self.mentions.overlapping(start, end), "article-view--mention"),
            (_one(mention), "article-view--current-mention"),
            (self.matches.overlapping(start, end), "article-view--match"),
            (_one(match), "article-view--current-match"),
            (_one(self.selection), "article-view--selection"),
        ]


BOLD = Style(bold=True)
ITALIC = Style(italic=True)


def _one(span: Span | None) -> tuple[Span, ...]:
    return () if span is None else (span,)


def line_strip(
    text: str,
    line: Line,
    margin: int,
    base: Style,
    style: Callable[[str], Style],
    layers: list[tuple[Iterable[Span], str | Style]],
    console: Console,
    links: Iterable[tuple[Span, str]] = (),
    hints: Iterable[tuple[int, str]] = (),
) -> Strip:
    """The strip for `line` of `text`: `margin` cells, the gutter, the styled words.

    `style` gives a component class's style; `layers` are the spans to mark, in order, over
    the `links` (each a terminal hyperlink to its href); `hints` are labels drawn over the
    first characters of the links they start.
    """
    segments = [Segment(" " * margin, base)]
    if line.kind == "blank":
        return Strip(segments)
    if line.kind == "blockquote":
        segments.append(Segment("▎ ", base + style("article-view--gutter")))
    elif line.kind == "list_item":
        segments.append(Segment("• " if line.first else "  ", base + style("article-view--gutter")))
    plain = text[line.start : line.end].replace("\t", " ")
    hinted: list[tuple[int, int]] = []
    for offset, label in hints:
        at = offset - line.start
        label = label[: len(plain) - at]
        plain = plain[:at] + label + plain[at + len(label) :]
        hinted.append((at, at + len(label)))
    words = Text(plain, no_wrap=True, end="")
    # `Text.render` ignores `Text.style`, so the base style goes in as the first span.
    kind_style = KIND_STYLES.get(line.kind)
    words.stylize(base + style(kind_style) if kind_style else base)
    link_style: Style | None = None
    for span, href in links:
        link_style = link_style or style("article-view--link")
        stylize_span(words, line.start, line.end, span, link_style + Style(link=href))
    for spans, component in layers:
        span_style: Style | None = None  # looked up only for a layer with spans on this line
        for span in spans:
            if span_style is None:
                span_style = component if isinstance(component, Style) else style(component)
            stylize_span(words, line.start, line.end, span, span_style)
    if hinted:
        hint_style = style("article-view--hint")
        for start, end in hinted:
            words.stylize(hint_style, start, end)
    segments.extend(words.render(console))
    return Strip(segments)


def stylize_span(text: Text, line_start: int, line_end: int, span: Span, style: Style) -> None:
    """Style the part of `span` (offsets in the article) that falls on this line's `text`."""
    start, end = span
    if end <= line_start or start >= line_end:
        return
    text.stylize(style, max(start, line_start) - line_start, min(end, line_end) - line_start)
