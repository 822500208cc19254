-- 0003: the store-wide change marker. One row; every write that can change
-- published content (a fetch that stored or joined items, a retag, a
-- prune that removed items) increments version in its own transaction, so
-- that a serving process notices writes made by other processes.
CREATE TABLE change_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO change_version (id, version) VALUES (1, 0);
