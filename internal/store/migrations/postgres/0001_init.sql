-- 0001: the whole schema of a PostgreSQL store, as SQLite's migrations
-- 0001-0006 left it (see ../). Times are BIGINT unix milliseconds (UTC);
-- NULL stands for "never" / unknown where a column is nullable. Ids are
-- taken by the writer (MAX(id) + 1 under the store's write lock, which
-- every write transaction holds), not from sequences, so that they commit
-- in order as on SQLite. Text compares and sorts byte by byte (COLLATE
-- "C"), as SQLite's does, whatever the database's default collation.

-- Configured sources (and sources no longer configured that still have items).
CREATE TABLE sources (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT COLLATE "C" NOT NULL DEFAULT '',
    url        TEXT COLLATE "C" NOT NULL DEFAULT '',
    region     TEXT COLLATE "C" NOT NULL DEFAULT '',
    language   TEXT COLLATE "C" NOT NULL DEFAULT '',
    enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    item_count BIGINT  NOT NULL DEFAULT 0 -- kept by the writer
);

-- What we remember about fetching a source.
CREATE TABLE source_state (
    source_id            TEXT COLLATE "C" PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    etag                 TEXT COLLATE "C" NOT NULL DEFAULT '',
    last_modified        TEXT COLLATE "C" NOT NULL DEFAULT '',
    last_fetch           BIGINT,
    last_success         BIGINT,
    next_fetch           BIGINT,
    status               TEXT COLLATE "C" NOT NULL DEFAULT 'never',
    last_error           TEXT COLLATE "C" NOT NULL DEFAULT '',
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    permanent_url        TEXT COLLATE "C" NOT NULL DEFAULT '',
    retry_after          BIGINT,
    gone                 BOOLEAN NOT NULL DEFAULT FALSE,
    refused              TEXT COLLATE "C" NOT NULL DEFAULT '{}' -- JSON object: refused entries by reason
);

-- A story clusters items carrying the same news. key is derived once at
-- creation and never changes; face_item_id and published (the face's
-- published time) are recomputed whenever the membership changes.
CREATE TABLE stories (
    id           BIGINT PRIMARY KEY,
    key          TEXT COLLATE "C" NOT NULL UNIQUE,
    face_item_id BIGINT,
    first_seen   BIGINT NOT NULL,
    published    BIGINT NOT NULL
);
CREATE INDEX stories_published ON stories (published DESC, id DESC);

CREATE TABLE items (
    id            BIGINT  PRIMARY KEY,
    source_id     TEXT COLLATE "C" NOT NULL REFERENCES sources (id),
    key           TEXT COLLATE "C" NOT NULL,
    story_id      BIGINT  REFERENCES stories (id), -- NULL only inside SaveFetch, before the story is chosen
    published     BIGINT  NOT NULL,
    first_seen    BIGINT  NOT NULL,
    updated       BIGINT,
    hash          TEXT COLLATE "C" NOT NULL,
    url           TEXT COLLATE "C" NOT NULL DEFAULT '',
    title         TEXT COLLATE "C" NOT NULL DEFAULT '',
    title_derived BOOLEAN NOT NULL DEFAULT FALSE, -- the entry had no title: it was derived from the text
    guid          TEXT COLLATE "C" NOT NULL DEFAULT '',
    raw_url       TEXT COLLATE "C" NOT NULL DEFAULT '',
    author        TEXT COLLATE "C" NOT NULL DEFAULT '',
    image_url     TEXT COLLATE "C" NOT NULL DEFAULT '',
    categories    TEXT COLLATE "C" NOT NULL DEFAULT '[]', -- JSON array of strings
    sig           BYTEA,
    buckets       BYTEA, -- near-duplicate fingerprint buckets, 8-byte big-endian keys
    summary       TEXT COLLATE "C" NOT NULL DEFAULT '',
    content       TEXT COLLATE "C" NOT NULL DEFAULT '',
    UNIQUE (source_id, key)
);
CREATE INDEX items_published ON items (published DESC, id DESC);
CREATE INDEX items_source_published ON items (source_id, published DESC, id DESC);
CREATE INDEX items_url ON items (url) WHERE url <> '';
CREATE INDEX items_story ON items (story_id, first_seen, id);
CREATE INDEX items_first_seen ON items (first_seen, id);

-- The topics that apply to an item, with why. published mirrors the item's
-- so that a topic's items page newest first straight off the index.
CREATE TABLE item_topics (
    item_id   BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic     TEXT COLLATE "C" NOT NULL,
    terms     TEXT COLLATE "C" NOT NULL DEFAULT '[]', -- JSON array of strings
    hits      TEXT COLLATE "C" NOT NULL DEFAULT '[]', -- JSON array of {term, field, offset}
    published BIGINT NOT NULL,
    PRIMARY KEY (item_id, topic)
);
CREATE INDEX item_topics_topic ON item_topics (topic, published DESC, item_id DESC);

-- The union of a story's members' topics, with the face's published time:
-- published feeds page straight off (topic, published).
CREATE TABLE story_topics (
    story_id  BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic     TEXT COLLATE "C" NOT NULL,
    published BIGINT NOT NULL,
    PRIMARY KEY (story_id, topic)
);
CREATE INDEX story_topics_topic ON story_topics (topic, published DESC, story_id DESC);

-- The full-text index, maintained in code like SQLite's FTS5 table of the
-- same name (rowid: the item's id): text holds the tokens SQLite's
-- unicode61 tokenizer makes of the item's text, computed in Go
-- (fts_postgres.go), with their positions for phrases.
CREATE TABLE items_fts (
    rowid BIGINT   PRIMARY KEY,
    text  TSVECTOR NOT NULL
);
CREATE INDEX items_fts_text ON items_fts USING GIN (text);

-- WebSub subscriptions of the built-in hub. One row per (topic, callback);
-- a renewed subscription replaces its row.
CREATE TABLE websub_subscriptions (
    topic         TEXT COLLATE "C" NOT NULL, -- the feed URL subscribed to
    callback      TEXT COLLATE "C" NOT NULL, -- the subscriber's URL content is POSTed to
    secret        TEXT COLLATE "C" NOT NULL DEFAULT '', -- HMAC key for X-Hub-Signature; '' for none
    lease         BIGINT NOT NULL, -- lease length in seconds, as granted
    created       BIGINT NOT NULL,
    expires       BIGINT NOT NULL,
    callback_host TEXT COLLATE "C" NOT NULL DEFAULT '', -- lower-case host of callback
    PRIMARY KEY (topic, callback)
);
CREATE INDEX websub_subscriptions_expires ON websub_subscriptions (expires);
CREATE INDEX websub_subscriptions_host ON websub_subscriptions (callback_host);

-- The store-wide change marker: every write that can change published
-- content increments version in its own transaction.
CREATE TABLE change_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO change_version (id, version) VALUES (1, 0);
