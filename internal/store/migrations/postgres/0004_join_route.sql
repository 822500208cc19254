-- 0004: why an item joined its story, for explain (SQLite's 0008): the
-- route of the evidence ('url', 'text', 'containment', 'headline') and its
-- score. Both NULL for an item that founded its story, and for items stored
-- before.
ALTER TABLE items ADD COLUMN join_route TEXT;
ALTER TABLE items ADD COLUMN join_score DOUBLE PRECISION;
