"""Title, byline, site and date of pages in other languages and from other CMS conventions,
one small page of our own per class: German, French, Spanish, Dutch and Czech bylines and
dates, site names with an article ("DER SPIEGEL"), titles cut at other separators."""

from __future__ import annotations

import json

import lxml.html
import pytest

from reader.load.page import extract_html
from reader.load.page.metadata import PageMetadata, read_metadata
from reader.load.page.printed_dates import printed_date, read_date

BODY = (
    "<p>Die Stadtwerke haben am Montag die neuen Fluttore nach drei Jahren Arbeit geöffnet, "
    "und die Anwohner sahen zu, wie das erste Tor ohne Probleme geschlossen wurde.</p>"
    "<p>Die Ingenieure sagten, die Tore würden vierhundert Häuser in der Unterstadt schützen, "
    "und der erste Test lief vor vielen Zuschauern reibungslos.</p>"
)
URL = "https://www.stadtanzeiger.example/politik/fluttore-123.html"


def page(head: str = "", top: str = "", *, title: str = "Fluttore geöffnet") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        f"<article>{top}{BODY}</article></body></html>"
    )


def meta_of(html: str, *, fill: bool = False) -> PageMetadata:
    tree = lxml.html.document_fromstring(html)
    return read_metadata(tree, url=URL, page=html, fill=fill)


def meta(name: str, value: str) -> str:
    return f'<meta name="{name}" content="{value}">'


def og(name: str, value: str) -> str:
    return f'<meta property="og:{name}" content="{value}">'


# ---------------------------------------------------------------- byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<div>Von Max Muster</div>", "Max Muster"),
        ("<div>Von <a href='/autor/mm'>Max Muster</a></div>", "Max Muster"),
        ("<p>Par Jean Dupont</p>", "Jean Dupont"),
        ("<p>Por María García</p>", "María García"),
        ("<p>Door Jan de Vries</p>", "Jan de Vries"),
        ("<p>Autor: Jan Novák</p>", "Jan Novák"),
        ("<p>Von Max Muster und Erika Mustermann</p>", "Max Muster and Erika Mustermann"),
    ],
)
def test_a_printed_byline_in_another_language(line: str, expected: str) -> None:
    assert meta_of(page(top=line)).byline == expected


def test_a_sentence_that_opens_with_von_is_no_byline() -> None:
    assert meta_of(page(top="<p>Von Berlin aus.</p>")).byline is None


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Autor: Max Muster", "Max Muster"),
        ("Ein Kommentar von Max Muster", "Max Muster"),
        ("Eine Analyse von Max Muster", "Max Muster"),
        ("Von Max Muster, Redakteur", "Max Muster"),
        ("Max Muster, Korrespondent in Paris", "Max Muster"),
        ("Max Muster, 3. Dezember 2026", "Max Muster"),
        ("Max Muster Montag, 3. Dezember", "Max Muster"),
        ("Par Jean Dupont, publié le 3 décembre 2026", "Jean Dupont"),
        ("Par Jean Dupont et Marie Curie", "Jean Dupont and Marie Curie"),
        ("Jeanne Martin, Envoyée Spéciale", "Jeanne Martin"),
        ("Por María García y José López", "María García and José López"),
        ("María García, Corresponsal Jefe", "María García"),
        ("By JANE DOE", "Jane Doe"),
        ("Por Plácido Domingo", "Plácido Domingo"),  # a weekday that is a name
        ("Von Luis von Ahn", "Luis von Ahn"),
        ("JEAN-PIERRE O'NEILL", "Jean-Pierre O'Neill"),
    ],
)
def test_a_byline_element_keeps_only_the_names(byline: str, expected: str) -> None:
    assert meta_of(page(top=f"<p class='byline'>{byline}</p>")).byline == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Max Muster - Stadtanzeiger", "Max Muster"),
        ("Max Muster (max.muster@stadtanzeiger.example)", "Max Muster"),
        ("Max Muster (dpa)", "Max Muster"),
        ("Max Muster, Süddeutsche Zeitung", "Max Muster"),
        ("URSULA VON DER LEYEN", "Ursula von der Leyen"),
    ],
)
def test_an_author_meta_drops_the_site_and_the_address(author: str, expected: str) -> None:
    html = page(meta("author", author) + og("site_name", "Stadtanzeiger"))
    assert meta_of(html).byline == expected


def test_a_json_ld_author_keeps_the_name_without_its_prefix() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Von Max Muster"}}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert meta_of(page(head)).byline == "Max Muster"


# ---------------------------------------------------------------- date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Dezember 2026", "2026-12-03"),
        ("3 décembre 2026", "2026-12-03"),
        ("1er mai 2026", "2026-05-01"),
        ("3 de diciembre de 2026", "2026-12-03"),
        ("3 dic. 2026", "2026-12-03"),
        ("December 3, 2026", "2026-12-03"),
        ("03.12.2026, 14:05 Uhr", "2026-12-03"),
        ("3. března 2026", "2026-03-03"),
        ("31. Februar 2026", None),
    ],
)
def test_a_written_date_in_another_language(text: str, expected: str | None) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Publicado el 3 de diciembre de 2026</p>", "2026-12-03"),
        ("<p>Aktualisiert am 05.12.2026</p><p>Veröffentlicht am 02.11.2026</p>", "2026-11-02"),
        ("<p>Mis à jour le 5 décembre 2026, publié le 2 novembre 2026</p>", "2026-11-02"),
        ("<p>Zuletzt aktualisiert: 05.12.2026</p>", None),
    ],
)
def test_the_printed_publication_date_not_the_update(line: str, expected: str | None) -> None:
    assert printed_date(page(top=line)) == expected


def test_the_date_in_the_site_header_is_today_not_the_article_day() -> None:
    html = page(top="<h1>Fluttore geöffnet</h1><p>2. November 2026</p>").replace(
        "<body>", "<body><header>Donnerstag, 3. Dezember 2026</header>"
    )
    assert printed_date(html) == "2026-11-02"


def test_a_printed_date_in_another_language_through_the_loader() -> None:
    html = page(top="<h1>Fluttore geöffnet</h1><p>3 de diciembre de 2026</p>")
    article = extract_html(html.encode(), "fluttore.html", url=URL)
    assert article.published == "2026-12-03"


# ---------------------------------------------------------------- title and site


@pytest.mark.parametrize(
    ("head", "title", "expected"),
    [
        (
            "",
            "Fluttore geöffnet: Anwohner jubeln - Politik - SZ.de",
            "Fluttore geöffnet: Anwohner jubeln",
        ),
        ("", "Le Monde.fr - Les vannes ouvertes à Paris", "Les vannes ouvertes à Paris"),
        (
            og("site_name", "SPIEGEL"),
            "Fluttore geöffnet: Anwohner jubeln - DER SPIEGEL",
            "Fluttore geöffnet: Anwohner jubeln",
        ),
        (
            "",
            "Fluttore geöffnet – Anwohner jubeln « Nachrichten « Stadtanzeiger",
            "Fluttore geöffnet – Anwohner jubeln",
        ),
    ],
)
def test_the_title_loses_the_site_and_its_section(head: str, title: str, expected: str) -> None:
    assert meta_of(page(head, title=title)).title == expected


def test_a_site_name_with_an_article_is_the_same_site() -> None:
    html = page(
        og("site_name", "SPIEGEL"), title="Fluttore geöffnet: Anwohner jubeln - DER SPIEGEL"
    )
    assert meta_of(html).site == "DER SPIEGEL"


@pytest.mark.parametrize(
    "related",
    [
        "<aside><time datetime='2026-12-01'>1.12.</time> Andere Meldung</aside>",
        "<ul><li><time datetime='2026-12-01'>1.12.</time> Andere Meldung</li></ul>",
        "<div class='related-stories'><time datetime='2026-12-01'>1.12.</time></div>",
    ],
)
def test_a_time_in_a_list_of_other_stories_is_not_the_article_date(related: str) -> None:
    html = (
        f"<html><head><title>Fluttore geöffnet</title></head><body>{related}<div>"
        "<h1>Fluttore geöffnet</h1><time datetime='2026-11-02T10:00'>2. November</time>"
        f"{BODY}</div></body></html>"
    )
    assert meta_of(html).published == "2026-11-02"


def test_a_kicker_and_the_headline_in_one_h1_are_two_words_apart() -> None:
    h1 = "<h1><span class='kicker'>Hochwasser</span><span>Fluttore geöffnet</span></h1>"
    html = page(top=h1, title="Hochwasser: Fluttore geöffnet - Stadtanzeiger")
    assert meta_of(html).title == "Hochwasser Fluttore geöffnet"
    inline = page(top="<h1><b>Flut</b><i>tore</i> geöffnet</h1>", title="Fluttore geöffnet")
    assert meta_of(inline).title == "Fluttore geöffnet"


MODIFIED = '<meta property="article:modified_time" content="2026-12-05T10:00:00+01:00">'


def test_a_printed_publication_date_beats_the_last_update_of_the_metadata() -> None:
    html = page(
        MODIFIED,
        "<h1>Fluttore geöffnet</h1><p>Veröffentlicht am 2. November 2026</p>",
    )
    assert meta_of(html, fill=True).published == "2026-11-02"
    # Without one, the update's day stands: the page gives no other.
    only = page(MODIFIED, "<p>2. Mai 2026</p>")
    assert meta_of(only, fill=True).published == "2026-12-05"


def test_a_date_in_a_script_is_not_printed() -> None:
    script = "<script>var teaser = '3. Mai 2020';</script><p>Publié le 2 novembre 2026</p>"
    assert printed_date(page(top=f"<h1>Fluttore</h1>{script}")) == "2026-11-02"
    assert printed_date(page(top="<h1>Fluttore</h1><script>'3. Mai 2020'")) is None
