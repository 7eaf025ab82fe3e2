"""The lines of a scraped or plain text and what their shapes say (`reader.load.text`
reads the regions from them): length, punctuation, capitals, repetition, and the phrases
and patterns of page chrome, captions, credits, bylines and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.load.page.blocks import key as _key
from reader.record import MutableRecord
from reader.scripts import has_prose_letters, shape_words, starts_like_a_name

_TERMINAL = ".!?…\"”’'):;。！？」』）：；"
_BULLET = re.compile(r"^(?:[•·▪◦●‣∙*+–-]|\d{1,2}[.)])\s+")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_TEXT = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# "…, in Seoul, South Korea, Jan. 1, 2018." — a caption ends with a place and a date.
_PLACE_DATE_END = re.compile(
    rf",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+{_DATE_TEXT}\.?\s*(?:\([^)]*\))?$"
)
_FILE_PHOTO = re.compile(r"^(?:FILE(?:\s+PHOTO)?|PHOTO|IMAGE)\s*[-–—:]\s+\S")
_CREDIT_LINE = re.compile(
    r"^(?:\(?\s*(?:photo(?:graph)?s?|image|picture|credit|illustration|video|source)"
    r"(?:\s+(?:by|credit|courtesy))?\s*[:/|–—-]|photo(?:graph)?s?\s+by\s|courtesy of\s)"
    r"|^\(?(?:AP|AFP|EPA|Reuters|Getty Images|Shutterstock)(?:\s+Photo)?\s*/[^.]*\)?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b|all rights reserved)", re.IGNORECASE)
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<owner>[A-Z][\w&'’. -]{1,60}?)\s*(?:\.|,|$|all rights)",
    re.IGNORECASE,
)
_LINK_LEAD = re.compile(
    r"^(?:read more|read next|read also|also read|see also|related|more|watch|listen|"
    r"recommended|continue reading|click here|sign up|subscribe)\b\s*[:>»|–—-]",
    re.IGNORECASE,
)
BOILERPLATE = re.compile(
    r"\b(?:all rights reserved|copyright|byline|provides news|is the work of|"
    r"newsletter|subscribe|sign up|privacy policy|terms of (?:use|service)|cookies?|"
    r"registered trademark|follow us|download (?:our|the) app|support us|donate|"
    r"funded by (?:our )?readers|reader-funded)\b",
    re.IGNORECASE,
)
PERSON_BLURB = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|photographer|"
    r"contributor|author|producer|analyst|fellow)s?\b",
    re.IGNORECASE,
)
# A cookie notice: "cookies", then a word of consent later in the line. An aspect-ratio
# widget: "16:9", then a word of media later. Each is two searches, the second from where
# the first ended: one pattern with `.*` between the two was tried from every "cookie" of a
# long line to its end (quadratic: minutes on a line of "cookie-cookie-…").
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_THEN = re.compile(r"\b(?:accept|consent|use|privacy|settings)\b", re.IGNORECASE)
_ASPECT_WIDGET = re.compile(r"\b\d+\s*[x×:]\s*\d+\b")
_ASPECT_THEN = re.compile(r"\b(?:image|video|photo|gallery)\b", re.IGNORECASE)


def _then(first: re.Pattern[str], then: re.Pattern[str], text: str) -> bool:
    """`first` matches somewhere in `text` and `then` after it (linear: two searches)."""
    found = first.search(text)
    return found is not None and then.search(text, found.end()) is not None


DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?P<date>{_DATE_TEXT})"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}.*)?$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][^.!?]{1,80})$", re.IGNORECASE)
# "Jane Doe is an environment correspondent for …": an author's card after the article.
PERSON_INTRO = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\b"
)
ABOUT = re.compile(r"^about(?:\s+us)?\b\s*(?P<name>.*)$", re.IGNORECASE)
# "World | Environment | Science": a menu flattened into one line.
# Each item neither starts nor ends with a space, so the spaces around a separator belong to
# the separator alone: with `[^|•·/]{1,30}` on both sides of `\s+`, a long line of twelve
# `|` that failed at its end backtracked through every split (a minute for 170 characters).
_MENU_ITEM = r"[^|•·/\s](?:[^|•·/]{0,28}[^|•·/\s])?"
_MENU_LINE = re.compile(rf"^{_MENU_ITEM}(?:\s+[|•·/]\s+{_MENU_ITEM}){{2,}}$")
#: A line longer than this is not a menu, and is not matched against `_MENU_LINE`.
MAX_FURNITURE_LINE = 1000

# Interface words of web pages (not any one site's): a whole line made of one of these,
# in any case, is chrome wherever it stands.
_CHROME_PHRASES = frozenset(
    """
    accessibility links|skip to main content|skip to content|skip navigation|jump to content
    |main menu|menu|navigation|toggle navigation|search|home|close|open|back to top|top
    |breaking news|breaking|update|updated|live|just in|developing story|exclusive
    |advertisement|advertising|ad|sponsored|sponsored content|paid content|promoted
    |share|share this|share this article|share this story|share article|share via|shares
    |share on facebook|share on twitter|share on x|share on whatsapp|share on linkedin
    |facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|email|e-mail|print|copy link
    |link copied|copy|save|save article|save for later|bookmark
    |comments|comment|view comments|leave a comment
    |listen|listen to this article|listen to article|play|pause|watch|embed|download
    |subscribe|sign in|log in|login|sign up|register|follow|follow us|newsletter
    |related|related stories|related articles|related content|related topics|more stories
    |more on this story|more from|most read|most popular|trending|trending now|recommended
    |read more|read next|see more|show more|load more|continue reading|next article
    |previous article|next|previous|image|images|photo|photos|video|videos|gallery|audio
    |graphic|font size|text size|accept|accept all|reject all|manage preferences|got it
    |cookie settings|topics|tags|loading
    """.replace("\n", "").split("|")
)
_CHROME_PHRASES = frozenset(phrase.strip() for phrase in _CHROME_PHRASES)
_LONGEST_PHRASE = max(len(phrase) for phrase in _CHROME_PHRASES)
#: Characters of a line cleaned first to tell whether it could be a chrome phrase at all.
_PLAIN_PREFIX = _LONGEST_PHRASE + 16
#: Characters of a line whose key is worked out up front (see `Line.prefix_key`).
_KEY_PREFIX = 48
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on"}
    | {"or", "over", "the", "to", "up", "via", "vs", "with"}
)


@dataclass(slots=True, eq=False, repr=False)
class Line(MutableRecord):
    """One line and what its shape says, each worked out once (a long text has many lines)."""

    text: str
    repeated: bool = False
    bullet: bool = False
    words: int = field(init=False)
    #: The key of the line's first characters: a prefix of its full key (`_key`), which
    #: tells most different lines apart without folding a whole paragraph.
    prefix_key: str = field(init=False)
    full_key: str | None = field(default=None, init=False)
    chrome: bool | None = field(default=None, init=False)
    body: bool | None = field(default=None, init=False)
    caption: bool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.words = shape_words(self.text)  # Chinese and Japanese: by characters
        self.prefix_key = _key(self.text[:_KEY_PREFIX])

    @property
    def key(self) -> str:
        if self.full_key is None:
            self.full_key = _key(self.text)
        return self.full_key

    def same_as(self, other: Line) -> bool:
        """The same words (punctuation and case aside): a line printed twice, say."""
        mine, theirs = self.prefix_key, other.prefix_key
        if not (mine.startswith(theirs) or theirs.startswith(mine)):
            return False  # the keys differ in their first characters already
        return self.key == other.key and len(self.key) > 0


# ---------------------------------------------------------------- lines


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, hard-wrapped paragraphs joined, repeats folded into one line."""
    groups: list[list[str]] = [[]]
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            groups[-1].append(stripped)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    if _hard_wrapped(groups):
        groups = [_unwrap(group) for group in groups]
    lines: list[Line] = []
    for group in groups:
        for stripped in group:
            bullet = bool(_BULLET.match(stripped)) and len(stripped) > 2
            text_only = _BULLET.sub("", stripped) if bullet else stripped
            line = Line(text_only, bullet=bullet)
            if lines and lines[-1].same_as(line):
                lines[-1].repeated = True
                continue
            lines.append(line)
    return lines


def _hard_wrapped(groups: list[list[str]]) -> bool:
    """Paragraphs broken into lines of at most ~100 characters, separated by blank lines."""
    all_lines = [line for group in groups for line in group]
    if not all_lines or max(len(line) for line in all_lines) > 100:
        return False
    multi = [group for group in groups if len(group) >= 2 and not _is_list(group)]
    in_multi = sum(len(group) for group in multi)
    return len(multi) >= 2 and in_multi * 2 >= len(all_lines)


def _is_list(group: list[str]) -> bool:
    return sum(1 for line in group if _BULLET.match(line)) * 2 >= len(group)


def _unwrap(group: list[str]) -> list[str]:
    joined: list[str] = []
    for line in group:
        if joined and not _BULLET.match(line) and not _same(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b) and len(_key(a)) > 0


# ---------------------------------------------------------------- line shapes


def ends_sentence(text: str) -> bool:
    return text[-1] in _TERMINAL


def is_body(line: Line) -> bool:
    """Reads like article prose: long, or a full sentence, with lowercase words."""
    if line.body is None:
        line.body = _reads_as_body(line)
    return line.body


def _reads_as_body(line: Line) -> bool:
    if is_chrome(line) or not has_prose_letters(line.text):
        return False
    if BYLINE.match(line.text) or DATE_LINE.match(line.text):
        return False
    if not ends_sentence(line.text) and _capitalised(line.text) >= 0.6:
        return False  # a headline, however long
    return line.words >= 12 or (line.words >= 5 and ends_sentence(line.text))


def _capitalised(text: str) -> float:
    """Share of words that start with a capital, small function words not counted."""
    words = [word for word in text.split() if word.casefold() not in _SMALL_WORDS]
    words = [word for word in words if word[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for word in words if word[:1].isupper()) / len(words)


def is_caption(line: Line) -> bool:
    if line.caption is None:
        line.caption = _reads_as_caption(line)
    return line.caption


def _reads_as_caption(line: Line) -> bool:
    text = line.text
    if line.repeated and line.words >= 4:
        return True
    if _FILE_PHOTO.match(text):
        return True
    # The cheap tests first: a long paragraph is not scanned for a place and a date.
    if line.words > 60 or not _PLACE_DATE_END.search(text):
        return False
    return not re.search(r"[.!?]\s+[A-Z][a-z]", text.rstrip(".")[:-20] or "")


def is_chrome(line: Line) -> bool:
    """Interface text: widgets, menus, credits, copyright, 'Read more' links, cookie banners."""
    if line.chrome is None:
        line.chrome = _reads_as_chrome(line)
    return line.chrome


def _plain(text: str) -> str:
    """`text` without punctuation, spaces collapsed, case folded: how a phrase is compared."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", "", text).strip().casefold())


def _reads_as_chrome(line: Line) -> bool:
    text = line.text
    # The plain form of a prefix is a prefix of the plain form (up to a trailing space), so a
    # long plain prefix rules out every phrase without cleaning a whole long paragraph.
    plain = _plain(text[:_PLAIN_PREFIX])
    if len(text) > _PLAIN_PREFIX and (len(plain) <= _LONGEST_PHRASE or plain[:1].isdigit()):
        plain = _plain(text)
    if plain in _CHROME_PHRASES or not plain:
        return True
    if len(text) <= 3 and not ends_sentence(text):
        return True  # size buttons (XS, MD), stray letters, arrows
    tokens = text.split()
    if len(tokens) >= 2 and all(len(token) <= 3 and not token.islower() for token in tokens):
        return True  # "XS SM MD LG", "A A A"
    # The word counts before the searches: a long paragraph is not scanned for widgets.
    if line.words <= 5 and _then(_ASPECT_WIDGET, _ASPECT_THEN, text):
        return True
    if plain[:1].isdigit() and re.fullmatch(
        r"\d+\s+(?:min(?:ute)?s?\s+read|comments?|shares?|views?)", plain
    ):
        return True
    if line.words <= 15 and _CREDIT_LINE.search(text):
        return True
    if line.words <= 25 and _COPYRIGHT.search(text):
        return True
    if _LINK_LEAD.match(text) or (len(text) <= MAX_FURNITURE_LINE and _MENU_LINE.match(text)):
        return True
    if line.words <= 80 and _then(_COOKIE, _COOKIE_THEN, text):
        return True
    return bool(re.fullmatch(r"(?:https?://|www\.)\S+|[^\s@]+@\S+\.\w+", text))


def is_heading(line: Line) -> bool:
    """A short headline-shaped line: 2–14 words, starts with a capital (or a letter of a
    script without case), no full stop."""
    text = line.text
    if is_chrome(line) or not 2 <= line.words <= 14 or not starts_like_a_name(text):
        return False
    return not text.endswith((".", ",", ";", ":")) or text.endswith("?")
