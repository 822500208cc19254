-- 0009: how a topic came to an item: '' by its rules (or its source),
-- 'classifier' by the topic's classifier alone.
ALTER TABLE item_topics ADD COLUMN via TEXT NOT NULL DEFAULT '';
