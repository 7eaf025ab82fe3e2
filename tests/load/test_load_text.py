"""Scraped text: the line classifier on the seed and on other outlets' chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import LoadError
from reader.load import load
from reader.load.text import extract_text
from reader.model import Article

HERE = Path(__file__).resolve().parents[1]
SEED = HERE.parent / "sample_articles" / "voa-korea-olympics-talks.txt"
DATA = HERE / "data" / "scraped"

SEED_CAPTIONS = [
    "FILE - The Pyeongchang Olympic Stadium is seen under construction in Pyeongchang, "
    "South Korea, Oct. 30, 2017.",
    "South Koreans watch a TV news program showing North Korean leader Kim Jong Un's New "
    "Year's speech, at the Seoul Railway Station in Seoul, South Korea, Jan. 1, 2018.",
]


def texts(article: Article, kind: str) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind == kind]


@pytest.fixture(scope="module")
def seed() -> Article:
    return load(str(SEED))


def seed_paragraphs() -> list[str]:
    """The seed's body paragraphs: its long lines that are neither captions nor the blurb.

    The seed holds ten of them (the headline and two captions make thirteen text lines).
    """
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [
        line for line in lines
        if len(line) > 80 and line not in SEED_CAPTIONS and not line.startswith("    ")
    ]


def test_seed_title(seed: Article) -> None:
    assert seed.title == "South Korea Offers Talks With Rival North Over Winter Olympics"


def test_seed_has_all_body_paragraphs_verbatim_in_order(seed: Article) -> None:
    expected = seed_paragraphs()
    assert len(expected) == 10
    assert texts(seed, "paragraph") == expected


def test_seed_captions_once_each_as_captions(seed: Article) -> None:
    assert texts(seed, "caption") == SEED_CAPTIONS
    for caption in SEED_CAPTIONS:
        assert seed.text.count(caption) == 1


def test_seed_chrome_not_in_body(seed: Article) -> None:
    lines = seed.text.split("\n")
    for crumb in ("Accessibility links", "Breaking News", "update", "XS", "SM", "MD", "LG",
                  "VOA News"):
        assert crumb not in lines
    for chrome in ("16x9 Image", "The Voice of America provides", "Stories with the VOA"):
        assert chrome not in seed.text
    assert seed.title not in seed.text


def test_seed_site_from_outlet_card(seed: Article) -> None:
    assert seed.site == "VOA News"


BBC_LIKE = (DATA / "flood-other-outlet.txt").read_text(encoding="utf-8")


def test_other_outlet_chrome_is_removed() -> None:
    article = extract_text(BBC_LIKE, "flood.txt")
    assert article.title == "Glacier Lake Floods Village As Spring Melt Begins"
    assert article.byline == "Mara Quist"
    assert article.published == "2024-04-14"
    assert article.site == "Northern Press"
    paragraphs = texts(article, "paragraph")
    assert paragraphs[0].startswith("Residents of Tallbrook were evacuated")
    assert paragraphs[-1].startswith("The lake has tripled in size since 1990")
    assert len(paragraphs) == 5
    assert texts(article, "heading") == ["What happens next"]
    assert texts(article, "caption") == [
        "Rescue workers carry an elderly resident out of a flooded house in Tallbrook, "
        "Norway, April 14, 2024."
    ]
    for chrome in ("Skip to main content", "Accessibility help", "Share this article",
                   "Advertisement", "Read more", "Photo: Jonas", "Related stories",
                   "Glacier retreat speeds up", "Facebook", "All rights reserved", "AP Photo"):
        assert chrome not in article.text, chrome


AUTHOR_CARD = (DATA / "bus-author-card.txt").read_text(encoding="utf-8")


def test_author_card_and_newsletter_footer_removed_lists_kept() -> None:
    article = extract_text(AUTHOR_CARD, "bus.txt")
    assert article.title == "City Council Passes Late-Night Bus Plan After Long Debate"
    assert article.published == "2024-03-03"
    assert article.byline == "Priya Nand"  # from the author card after the article
    assert article.site is None
    assert texts(article, "list_item") == [
        "Route 4 will run every 20 minutes.", "Route 11 will run every 30 minutes."
    ]
    assert texts(article, "paragraph")[-1] == "The first night buses will run in June."
    for chrome in ("Priya Nand", "Sign up", "Menu", "Opinion", "Search"):
        assert chrome not in article.text


HARD_WRAPPED = """Lighthouse Keeper Retires After Forty Years

The last keeper of the Skerry Point light handed over the keys on
Friday, ending four decades in which she climbed the tower's 212 steps
every evening to check the lamp.

"I never once missed a night," she said, standing at the foot of the
tower. "Not for storms, not for Christmas."

The light will now be run from the mainland by the coast guard, which
automated the lamp in the spring.
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = extract_text(HARD_WRAPPED, "light.txt")
    assert article.title == "Lighthouse Keeper Retires After Forty Years"
    paragraphs = texts(article, "paragraph")
    assert len(paragraphs) == 3
    assert paragraphs[0] == (
        "The last keeper of the Skerry Point light handed over the keys on Friday, ending "
        "four decades in which she climbed the tower's 212 steps every evening to check the lamp."
    )


def test_plain_text_without_chrome_keeps_everything() -> None:
    text = (
        "The committee met on Thursday to review the proposal for a new library wing.\n\n"
        "Members agreed to ask the architects for a cheaper design before the summer.\n"
    )
    article = extract_text(text, "plain.txt")
    assert texts(article, "paragraph") == [
        "The committee met on Thursday to review the proposal for a new library wing.",
        "Members agreed to ask the architects for a cheaper design before the summer.",
    ]
    assert article.title is None


def test_caption_repeated_with_a_blank_line_between_kept_once() -> None:
    caption = "Farmers harvest rice in a field outside Hanoi, Vietnam, Sept. 4, 2023."
    text = (
        "Rice Prices Climb As Dry Season Drags On\n\n"
        f"{caption}\n\n{caption}\n\n"
        "Rice prices rose for a third straight month as a long dry season cut yields "
        "across the region, traders said on Monday.\n"
    )
    article = extract_text(text, "rice.txt")
    assert texts(article, "caption") == [caption]
    assert article.text.count(caption) == 1


def test_text_only_chrome_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^No article text found in menu\.txt; .*\.$"):
        extract_text("Home\nNews\nSport\nShare\nXS\nLG\n", "menu.txt")


def test_terminal_control_removed() -> None:
    text = (
        "Storm Warning Issued For Coast\n\n"
        "Forecasters \x1b[2Jissued a storm warning on Friday for the whole coast, urging "
        "boats to stay in harbour\u202e until Sunday.\n"
    )
    article = extract_text(text, "storm.txt")
    assert "\x1b" not in article.text and "\u202e" not in article.text
    assert "Forecasters issued a storm warning" in article.text


def test_long_read_with_menu_line_long_headline_and_cards() -> None:
    article = load(str(DATA / "long-read-magazine.txt"))
    assert article.title == (
        "Salt and Silence: Six Months With the Last Salt Makers on the Atlantic Coast of Brittany"
    )
    assert article.byline == "Odile Marchetti"
    assert article.published == "2024-10-06"
    assert article.site == "The Northern Quarterly"
    assert texts(article, "caption") == [
        "Yann Le Goff rakes salt in a pan near Guérande, France, in August."
    ]
    assert texts(article, "heading") == ["The harvest"]
    paragraphs = texts(article, "paragraph")
    assert paragraphs[0].startswith("For a thousand years the marshes")  # the standfirst
    assert paragraphs[-1] == (
        "In the co-operative's warehouse the salt is stacked in white mountains that smell "
        "faintly of violets."
    )
    for chrome in ("World | Environment", "The Long Read", "Most viewed", "butter",
                   "About us", "independent magazine", "features correspondent", "Photo:",
                   "Privacy policy", "Save for later", "Sign in"):
        assert chrome not in article.text, chrome


SAMPLES = HERE.parent / "sample_articles"


@pytest.mark.parametrize(
    ("name", "title", "byline", "published"),
    [
        ("ebro-delta-long-read.txt",
         "Sinking Fields: A Year With the Rice Farmers Racing the Sea in the Ebro Delta",
         "Clara Ingleby", "2024-09-21"),
        ("lisbon-free-trams.txt", "Lisbon to Scrap Tram and Bus Fares for Residents Under 25",
         "Marta Quintela", "2024-03-12"),
        ("clyde-ferry-strike.html",
         "Ferry Crews Strike Over Night Shifts, Stranding Island Commuters",
         "Fiona Gallacher", "2024-03-14"),
        ("duluth-library-reopens.html",
         "Two Years After Fire, a City Library Opens Its Doors Again",
         "Priya Castellano", "2023-10-07"),
        ("baltic-wind-farm-approval.html",
         "Baltic Wind Farm Wins Final Approval Despite Fishermen's Protests",
         "Anna Kowalczyk", "2024-06-19"),
    ],
)
def test_shipped_samples_metadata_and_no_chrome(
    name: str, title: str, byline: str, published: str
) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} is not in sample_articles/")
    article = load(str(path))
    assert (article.title, article.byline, article.published) == (title, byline, published)
    lines = set(article.text.split("\n"))
    for chrome in ("Share", "Advertisement", "Menu", "Search", "Read more", "Most viewed"):
        assert chrome not in lines
    for chrome in ("All rights reserved", "Photo:", "cookies", "Sign up"):
        assert chrome not in article.text
    captions = texts(article, "caption")
    assert captions and len(captions) == len(set(captions))
