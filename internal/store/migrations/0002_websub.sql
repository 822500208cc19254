-- 0002: WebSub subscriptions of the built-in hub. One row per (topic,
-- callback); a renewed subscription replaces its row. Times are unix ms.
CREATE TABLE websub_subscriptions (
    topic    TEXT    NOT NULL, -- the feed URL subscribed to
    callback TEXT    NOT NULL, -- the subscriber's URL content is POSTed to
    secret   TEXT    NOT NULL DEFAULT '', -- HMAC key for X-Hub-Signature; '' for none
    lease    INTEGER NOT NULL, -- lease length in seconds, as granted
    created  INTEGER NOT NULL,
    expires  INTEGER NOT NULL,
    PRIMARY KEY (topic, callback)
);
CREATE INDEX websub_subscriptions_expires ON websub_subscriptions (expires);
