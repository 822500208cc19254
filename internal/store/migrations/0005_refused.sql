-- The entries the last stored fetch of a source could not store, by
-- reason: a JSON object {"empty": 2}, '{}' when none.
ALTER TABLE source_state ADD COLUMN refused TEXT NOT NULL DEFAULT '{}';

-- An item whose title was derived from its text: the entry had none.
ALTER TABLE items ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;
