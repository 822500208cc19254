-- 0007: several instances on one store. Times are unix ms.
-- fetch_leases is the fetch schedule every instance shares: a source is due
-- at next_due; an instance claims a due source by setting owner and
-- lease_until (renewed while it fetches), and sets the next due time when
-- it is done. A lease not renewed (its instance died) lapses, and the
-- source goes to another instance.
CREATE TABLE fetch_leases (
    source_id   TEXT    PRIMARY KEY,
    next_due    INTEGER NOT NULL,
    owner       TEXT    NOT NULL DEFAULT '', -- the instance fetching it now; '' none
    lease_until INTEGER NOT NULL DEFAULT 0,  -- the owner's claim holds until then
    fetched_by  TEXT    NOT NULL DEFAULT ''  -- the instance that finished the last fetch
);
CREATE INDEX fetch_leases_due ON fetch_leases (next_due);

-- websub_deliveries: per subscriber of a feed, the newest version of the
-- feed claimed for delivery (the store's change version it was rendered at
-- and the body's digest), by which instance, and whether it was delivered.
-- The claim makes each version go to each subscriber once, whichever
-- instance noticed the change.
CREATE TABLE websub_deliveries (
    topic       TEXT    NOT NULL,
    callback    TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    digest      TEXT    NOT NULL,
    owner       TEXT    NOT NULL,
    lease_until INTEGER NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (topic, callback)
);
