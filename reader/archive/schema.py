"""The archive's tables: articles, their entities and quotes, the people across articles, and
the full-text indexes over quote and article text.

An article is kept once per clean text (`text_key`, the SHA-256 the library keys corrections
and reading places by); its entities and quotes are offsets into that text. `people` holds one
row per real-world entity across articles (merged by normalised name and aliases, see
`reader.archive.people`); `names` maps each normalised name to its people (the first one owns
it: a person split off a merge keeps its names, so it is still found by them, but takes no
new article); `splits` remembers a merge the reader undid, so re-archiving the article keeps
it undone.

`people` also carries each person's tally (articles, quotes, first and last seen, the outlets
that named them most and how many did), kept in
step article by article through `person_articles` (one row per person an article names or
quotes) and `person_outlets` (articles per person and site), so that listing a few thousand
people never adds up two hundred thousand rows (`reader.archive.tally`).

An article's metadata (and `day`: its published date, else the day it was first archived)
is one small row; its clean text, blocks and links are in `texts`, so a query that lists
thousands of quotes with their articles never reads the articles' text. A quote carries its
article's day, so one person's quotes come in date order straight from an index, a page at
a time.

The full-text tables hold no second copy of the words: `quotes_fts` is an external-content
FTS5 table over `quotes.text`, `articles_fts` a contentless one over each article's title and
text. The store (`reader.archive.store`) keeps them in step, removing an article's rows
before it replaces them.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

#: Version 1: articles, entities, quotes, people and names, and the two full-text indexes.
BASE_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    text_key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    byline TEXT,
    site TEXT,
    published TEXT,
    lang TEXT,
    day TEXT NOT NULL,
    first_archived REAL NOT NULL,
    last_archived REAL NOT NULL
);
CREATE INDEX articles_by_day ON articles (day);
CREATE TABLE texts (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id),
    text TEXT NOT NULL,
    blocks TEXT NOT NULL,
    links TEXT NOT NULL
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    outlets TEXT NOT NULL DEFAULT '[]',
    outlet_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_by_articles ON people (type, articles);
CREATE TABLE person_articles (
    person_id INTEGER NOT NULL REFERENCES people (id),
    article_id INTEGER NOT NULL REFERENCES articles (id),
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (person_id, article_id)
) WITHOUT ROWID;
CREATE INDEX person_articles_by_article ON person_articles (article_id);
CREATE INDEX person_articles_by_day ON person_articles (person_id, day);
CREATE TABLE person_outlets (
    person_id INTEGER NOT NULL REFERENCES people (id),
    site TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (person_id, site)
) WITHOUT ROWID;
CREATE TABLE names (
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (type, key, person_id)
) WITHOUT ROWID;
CREATE INDEX names_by_person ON names (person_id);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    entity_id TEXT NOT NULL,
    person_id INTEGER REFERENCES people (id),
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mentions TEXT NOT NULL,
    description TEXT,
    UNIQUE (article_id, entity_id)
);
CREATE INDEX entities_by_person ON entities (person_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    quote_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    person_id INTEGER REFERENCES people (id),
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    confidence REAL NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX quotes_by_article ON quotes (article_id);
CREATE INDEX quotes_by_person ON quotes (person_id, day, article_id, start);
CREATE INDEX quotes_by_day ON quotes (day, article_id, start);
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='', tokenize='unicode61 remove_diacritics 2'
)
"""

#: Version 2: the merges the reader undid (`reader people split`), by article text and entity.
SPLITS_SCHEMA = """
CREATE TABLE splits (
    text_key TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (text_key, entity_id)
) WITHOUT ROWID
"""

SCHEMA = BASE_SCHEMA + ";" + SPLITS_SCHEMA
#: `MIGRATIONS[n]` upgrades an archive of schema version n to n + 1, keeping its rows.
MIGRATIONS = {1: SPLITS_SCHEMA}
