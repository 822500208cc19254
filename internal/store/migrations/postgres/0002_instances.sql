-- 0002: several instances on one store (SQLite's 0007). Times are BIGINT
-- unix ms. fetch_leases is the shared fetch schedule: a due source is
-- claimed (FOR UPDATE SKIP LOCKED) by setting owner and lease_until,
-- renewed while the owner fetches it; a lease not renewed lapses and the
-- source goes to another instance.
CREATE TABLE fetch_leases (
    source_id   TEXT COLLATE "C" PRIMARY KEY,
    next_due    BIGINT NOT NULL,
    owner       TEXT COLLATE "C" NOT NULL DEFAULT '', -- the instance fetching it now; '' none
    lease_until BIGINT NOT NULL DEFAULT 0,            -- the owner's claim holds until then
    fetched_by  TEXT COLLATE "C" NOT NULL DEFAULT ''  -- the instance that finished the last fetch
);
CREATE INDEX fetch_leases_due ON fetch_leases (next_due);

-- Per subscriber of a feed, the newest version claimed for delivery (the
-- change version it was rendered at, the body's digest), by which
-- instance, and whether that claim is done: each version reaches each
-- subscriber once, whichever instance noticed the change.
CREATE TABLE websub_deliveries (
    topic       TEXT COLLATE "C" NOT NULL,
    callback    TEXT COLLATE "C" NOT NULL,
    version     BIGINT  NOT NULL,
    digest      TEXT COLLATE "C" NOT NULL,
    owner       TEXT COLLATE "C" NOT NULL,
    lease_until BIGINT  NOT NULL,
    done        BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (topic, callback)
);

-- Every new change version is announced on the channel aggregator_changes
-- as "SCHEMA VERSION" when its transaction commits, so that every instance
-- re-renders its feeds at once (store.WatchChanges listens).
CREATE FUNCTION aggregator_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('aggregator_changes', current_schema() || ' ' || NEW.version);
    RETURN NEW;
END;
$$;
CREATE TRIGGER change_version_notify AFTER UPDATE ON change_version
    FOR EACH ROW EXECUTE FUNCTION aggregator_notify_change();
