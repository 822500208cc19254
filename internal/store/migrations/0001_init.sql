-- 0001: the initial schema. Times are INTEGER unix milliseconds (UTC);
-- NULL stands for "never" / unknown where a column is nullable.

-- Configured sources (and sources no longer configured that still have items).
CREATE TABLE sources (
    id         TEXT PRIMARY KEY,
    title      TEXT    NOT NULL DEFAULT '',
    url        TEXT    NOT NULL DEFAULT '',
    region     TEXT    NOT NULL DEFAULT '',
    language   TEXT    NOT NULL DEFAULT '',
    enabled    INTEGER NOT NULL DEFAULT 1,
    item_count INTEGER NOT NULL DEFAULT 0 -- maintained by the items triggers below
);

-- What we remember about fetching a source.
CREATE TABLE source_state (
    source_id            TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    etag                 TEXT    NOT NULL DEFAULT '',
    last_modified        TEXT    NOT NULL DEFAULT '',
    last_fetch           INTEGER,
    last_success         INTEGER,
    next_fetch           INTEGER,
    status               TEXT    NOT NULL DEFAULT 'never',
    last_error           TEXT    NOT NULL DEFAULT '',
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    permanent_url        TEXT    NOT NULL DEFAULT '',
    retry_after          INTEGER,
    gone                 INTEGER NOT NULL DEFAULT 0
);

-- A story clusters items carrying the same news. key is derived once at
-- creation and never changes; face_item_id and published (the face's
-- published time) are recomputed whenever the membership changes.
CREATE TABLE stories (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    face_item_id INTEGER,
    first_seen   INTEGER NOT NULL,
    published    INTEGER NOT NULL
);
CREATE INDEX stories_published ON stories (published DESC, id DESC);

-- Small, often-read columns come first: SQLite reads a row's columns in
-- order, so filters and sorts never touch the long texts' overflow pages.
CREATE TABLE items (
    id           INTEGER PRIMARY KEY,
    source_id    TEXT    NOT NULL REFERENCES sources (id),
    key          TEXT    NOT NULL,
    story_id     INTEGER REFERENCES stories (id), -- NULL only inside SaveFetch, before the story is chosen
    published    INTEGER NOT NULL,
    first_seen   INTEGER NOT NULL,
    updated      INTEGER,
    hash         TEXT    NOT NULL,
    url          TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    guid         TEXT    NOT NULL DEFAULT '',
    raw_url      TEXT    NOT NULL DEFAULT '',
    author       TEXT    NOT NULL DEFAULT '',
    image_url    TEXT    NOT NULL DEFAULT '',
    categories   TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    sig          BLOB,
    summary      TEXT    NOT NULL DEFAULT '',
    content      TEXT    NOT NULL DEFAULT '',
    summary_text TEXT    NOT NULL DEFAULT '',
    content_text TEXT    NOT NULL DEFAULT '',
    UNIQUE (source_id, key)
);
CREATE INDEX items_published ON items (published DESC, id DESC);
CREATE INDEX items_source_published ON items (source_id, published DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url <> '';
CREATE INDEX items_story ON items (story_id, first_seen, id);
CREATE INDEX items_first_seen ON items (first_seen, id);

CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN
    UPDATE sources SET item_count = item_count + 1 WHERE id = NEW.source_id;
END;
CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN
    UPDATE sources SET item_count = item_count - 1 WHERE id = OLD.source_id;
END;

-- The topics that apply to an item, with why. published mirrors the item's
-- so that a topic's items page newest first straight off the index.
CREATE TABLE item_topics (
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic     TEXT    NOT NULL,
    terms     TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    hits      TEXT    NOT NULL DEFAULT '[]', -- JSON array of {term, field, offset}
    published INTEGER NOT NULL,
    PRIMARY KEY (item_id, topic)
) WITHOUT ROWID;
CREATE INDEX item_topics_topic ON item_topics (topic, published DESC, item_id DESC);

-- The union of a story's members' topics, with the face's published time:
-- published feeds page straight off (topic, published).
CREATE TABLE story_topics (
    story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic     TEXT    NOT NULL,
    published INTEGER NOT NULL,
    PRIMARY KEY (story_id, topic)
) WITHOUT ROWID;
CREATE INDEX story_topics_topic ON story_topics (topic, published DESC, story_id DESC);

-- Near-duplicate fingerprint buckets: items sharing a bucket are candidates.
CREATE TABLE item_buckets (
    item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    bucket     INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (item_id, bucket)
) WITHOUT ROWID;
CREATE INDEX item_buckets_bucket ON item_buckets (bucket, first_seen);

-- Full-text index, maintained in code (see sqlite_fts.go): it holds the
-- search form of the text, where runs of CJK/Thai script are split into
-- single characters with U+200B so that words inside them can be found.
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary_text, content_text,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
