-- 0004: a compact store for ingest at scale.
--
-- * The near-duplicate buckets move from item_buckets (one row and one
--   index entry per bucket, about 24 per item) into items.buckets, a BLOB
--   of 8-byte big-endian bucket keys: story candidates are found in an
--   in-process index built from it (storyindex.go), not by SQL per item.
-- * The plain texts leave items: they are derived from the sanitised HTML
--   whenever they are needed again (retag, explain).
-- * The full-text index keeps no copy of the text it indexes (contentless,
--   with deletes), in one column (title, summary unless the content holds
--   it, content); search snippets are made from the items' HTML.
-- * sources.item_count is kept by the writer (one UPDATE per fetch), not by
--   a trigger per row.
DROP TRIGGER items_count_insert;
DROP TRIGGER items_count_delete;

ALTER TABLE items ADD COLUMN buckets BLOB;
UPDATE items SET buckets = (SELECT unhex(group_concat(printf('%016X', b.bucket), ''))
    FROM item_buckets b WHERE b.item_id = items.id);
DROP TABLE item_buckets;

CREATE VIRTUAL TABLE items_fts_compact USING fts5 (
    text,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
INSERT INTO items_fts_compact (rowid, text)
    SELECT rowid, title || char(10) || summary_text || char(10) || content_text FROM items_fts;
DROP TABLE items_fts;
ALTER TABLE items_fts_compact RENAME TO items_fts;

ALTER TABLE items DROP COLUMN summary_text;
ALTER TABLE items DROP COLUMN content_text;

-- Each write transaction flushes a new segment into the full-text index;
-- FTS5 merges 4 segments of a level by default, which made merging two
-- thirds of the index's write cost at a fetch per transaction. 16 halves
-- the times each term is rewritten, for a little more work per search.
INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 16);
