-- 0003: how a topic came to an item (SQLite's 0009): '' by its rules (or
-- its source), 'classifier' by the topic's classifier alone.
ALTER TABLE item_topics ADD COLUMN via TEXT NOT NULL DEFAULT '';
