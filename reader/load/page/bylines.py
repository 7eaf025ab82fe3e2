"""Which people a byline names: what a page's author fields hold besides names, taken out.

Author fields and "By" lines hold more than names: a job title or the outlet after the name
("TOM KRISHER, AP Auto Writer", "Charlie Wood, Business Insider"), a date glued on ("Lucas
Nolan22", "Jeff FoustMonday"), the site, an agency, a desk or a CMS account instead of a
person ("CBS News", "Reuters", "Telegraph Sport", "admin"), or a heading caught by a finder
("Authority control"). `people` keeps the names of people and drops the rest; a byline with
no person left is no byline.
"""

from __future__ import annotations

import re

from reader.load.page.site import domain_key, same_site
from reader.load.values import clean

#: What comes before the names, in the languages news is written in: "By", "Von", "Par",
#: "Por", "Door", "Di", "Av", "Af", "Od", "Autor:", "Text:", "Ein Kommentar von", "Un
#: reportage de", "Crónica de".
_BY_PREFIX = re.compile(
    r"^\s*+(?:(?:(?:ein|eine|un|une|una|uno)\s+)?(?:kommentar|gastkommentar|gastbeitrag|analyse|"
    r"kolumne|essay|interview|reportage|bericht|leitartikel|glosse|article|tribune|chronique|"
    r"éditorial|crónica|columna|artículo|análisis|opinión|reportaje|commento|articolo)\s+"
    r"(?:von|de|d'|di|by)\s*"
    r"|(?:written\s+|posted\s+|geschrieben\s+|verfasst\s+|écrit\s+|escrito\s+)?"
    r"(?:by|von|vom|par|por|door|di|av|af|od|napsal|napisal|napisała)(?:[:\s]+)"
    r"|(?:text|texte|texto|testo|tekst|текст|autor|autorin|autoren|auteur|auteure|autrice|"
    r"autore|autora|author|authors|redakce|redaktion)\s*:\s*"
    r"|(?:text|texte|текст)\s+)",
    re.I,
)
#: Between names: punctuation, a dash with spaces, "and" in a dozen languages.
_SPLIT = re.compile(
    r"[,;|•·]|\s[&/+]\s|\s[-–—]\s|\s(?:and|und|et|y|e|en|og|och|ja|és|ve|și|oraz|i|a)\s",
    re.IGNORECASE,
)
#: An aside in brackets ("(dpa)", "(Text)", an e-mail address) and a bare e-mail address.
_ASIDE = re.compile(r"\([^()]*\)|(?<!\S)[^\s@]+@\S+")
#: "Finian Cunningham. Sputnik International": a full stop after a word, not an initial.
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{2})\.\s(?=[^\W\d_])")
_DAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|jueves|viernes|sábado"  # not "Domingo": a name too
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|"
    "juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
    "julio|agosto|septiembre|octubre|noviembre|diciembre"
)
#: A date or a time glued on or following: "Nolan22", "FoustMonday", "Wee Monday; February",
#: "Doe Nov. 19" ("Theresa May" keeps her name: a month counts only before a number).
_GLUED_DATE = re.compile(
    rf"(?:(?<=[a-z])(?=(?:{_DAYS}|January|February|March|April|June|July|August|September|"
    rf"October|November|December)\b)|\s(?=[^\W\d_])(?=(?:{_DAYS}|Updated|Published|Posted|"
    rf"Aktualisiert|Veröffentlicht|Stand|Zuletzt|Publié|publié|Mis à jour|mis à jour|Publicado|"
    rf"publicado|Actualizado|actualizado)\b)"
    rf"|\s(?=[^\W\d_])(?=(?:{_MONTHS})\.?\s?\d)|(?<=\D)(?=\d)).*$"
)
#: Words that make a part of a byline a job, a desk or an outlet, not a person (English,
#: German, French, Spanish, Italian, Dutch; the masculine and feminine), looked up word by
#: word (an alternation of them costs a regex a microsecond a character).
_NOT_PERSON = frozenset(
    {"writer", "reporter", "correspondent", "editor", "editors", "editorial", "columnist",
     "contributor", "contributors", "staff", "desk", "team", "bureau", "newsroom", "wire",
     "wires", "services", "press", "news", "agency", "media", "magazine", "journal", "herald",
     "tribune", "gazette", "inc", "ltd", "llc", "gmbh", "sport", "sports", "admin",
     "administrator", "webmaster", "guest", "redaktion", "rédaction", "redacción", "redazione",
     "redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent",
     "korrespondentin", "reporterin", "journalist", "journalistin", "journaliste",
     "mitarbeiter", "mitarbeiterin", "volontär", "volontärin", "autorin", "rédacteur",
     "rédactrice", "correspondant", "correspondante", "envoyé", "envoyée", "chroniqueur",
     "chroniqueuse", "periodista", "corresponsal", "redactor", "redactora", "enviado",
     "enviada", "columnista", "giornalista", "corrispondente", "redacteur", "verslaggever",
     "correspondente", "zeitung", "tageblatt", "anzeiger", "rundschau", "nachrichten",
     "presse", "agentur", "verlag", "online", "noticias", "diario", "periódico", "quotidien",
     "infos", "radio", "tv", "blog"}
)  # fmt: skip
_NAME_WORD = re.compile(r"[^\W\d_]+")
#: News agencies, which are no author (a page names the agency it ran a story from).
_AGENCIES = frozenset(
    {"ap", "afp", "reuters", "dpa", "ansa", "efe", "upi", "pti", "ians", "kyodo", "xinhua",
     "tass", "associated press", "the associated press", "press association", "pa", "aap",
     "cp", "the canadian press", "bloomberg", "sid", "apa", "anp", "ctk", "čtk", "tt", "ntb",
     "epd", "kna", "sda", "ats", "belga", "pap", "mti", "dpa-afx", "europa press", "ap/dpa"}
)  # fmt: skip
#: Lower-case words that belong in a name.
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "bint", "al", "el",
     "ibn", "dos", "das", "do", "del", "della", "ter", "ten", "y", "e", "zu", "af", "st"}
)  # fmt: skip
_CASED = re.compile(r"[^\W\d_]")


def people(
    byline: str | None,
    *,
    site: str | None = None,
    url: str | None = None,
    one_word: bool = False,
) -> str | None:
    """The people `byline` names ("Jane Doe and John Roe"), or None when it names none.

    A one-word byline is a handle ("admin", "KWCHCIK") unless `one_word`: the source says
    it is a person (a JSON-LD `Person`)."""
    text = clean(byline)
    if not text or text.startswith(("http://", "https://")) or len(text) > 200:
        return None
    text = _BY_PREFIX.sub("", _ASIDE.sub(" ", text)).strip(" ,;|-–—:")  # `clean` left single spaces
    text = re.sub(r"\s{2,}", " ", text)
    text = _SENTENCE_STOP.sub(", ", text)
    domain = domain_key(url)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _person(part, site, domain, one_word)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _person(part: str, site: str | None, domain: str, one_word: bool) -> str | None:
    part = _BY_PREFIX.sub("", part.strip()).strip(" .,;:-–—()")
    part = _GLUED_DATE.sub("", part).strip(" .,;:-–—(")
    if not part or "@" in part or re.search(r"\.\w{2,4}$", part):  # e-mail, "Cleveland.com"
        return None
    if part[:1].isdigit():  # a date or a time after the names ("3. Dezember 2026")
        return None
    if part.isupper() and len(part) > 3:  # "JANE DOE": the name, in its own case
        part = _proper_case(part)
    words = part.split()
    if _CASED.search(part) and not _uncased(part):
        # A name's words start with a capital (or are particles): cut at the first that
        # does not when nothing capitalised follows, which is where a heading or a date in
        # another language starts ("Authority control", "před 3 hodinami").
        for index, word in enumerate(words):
            rest = " ".join(words[index:])
            if word[:1].islower() and word.lower() not in _PARTICLES and rest == rest.lower():
                words = words[:index]  # nothing capitalised follows: not part of a name
                break
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    alone = one_word and len(words) == 1 and words[0][:1].isupper() and not words[0].isupper()
    if (len(words) < 2 and not alone) or len(words) > 5:  # a handle ("admin") or a sentence
        return None
    if len(words[-1].strip(".")) < 2:  # "J J", "Charles M": initials, the name cut short
        return None
    name = " ".join(words)
    key = name.lower()
    if key in _AGENCIES or any(word in _NOT_PERSON for word in _NAME_WORD.findall(key)):
        return None
    if (site and same_site(name, site)) or (domain and same_site(name, domain)):
        return None
    return name


def _uncased(text: str) -> bool:
    """Text in a script without capitals (Chinese, Arabic, Korean): no case to go by."""
    letters = [ch for ch in text if ch.isalpha()]
    return not any(ch.isupper() or ch.islower() for ch in letters[:20])


def _proper_case(text: str) -> str:
    """ "JEAN-PIERRE O'NEILL VON DER LEYEN" -> "Jean-Pierre O'Neill von der Leyen"."""
    words = []
    for index, word in enumerate(text.split()):
        lower = word.lower()
        if index and lower in _PARTICLES:
            words.append(lower)
            continue
        words.append(re.sub(r"[^\W\d_]+", lambda match: match[0].capitalize(), lower))
    return " ".join(words)
