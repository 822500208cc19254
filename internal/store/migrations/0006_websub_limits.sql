-- 0006: the callback's host of each WebSub subscription, so that the hub
-- can bound the subscriptions per callback host (publish.websub_max_per_host).
-- New rows get it from Go (lower-case url.URL.Hostname); existing rows are
-- filled here from the callback URL: scheme://host[:port][/path][?query].
ALTER TABLE websub_subscriptions ADD COLUMN callback_host TEXT NOT NULL DEFAULT '';

UPDATE websub_subscriptions SET callback_host = h.host
FROM (
    SELECT id, CASE
            WHEN authority LIKE '[%' THEN substr(authority, 2, instr(authority, ']') - 2)
            WHEN instr(authority, ':') > 0 THEN substr(authority, 1, instr(authority, ':') - 1)
            ELSE authority
        END AS host
    FROM (
        SELECT id, lower(substr(rest, 1, min(instr(rest || '/', '/'), instr(rest || '?', '?')) - 1)) AS authority
        FROM (SELECT rowid AS id, substr(callback, instr(callback, '://') + 3) AS rest FROM websub_subscriptions)
    )
) AS h
WHERE websub_subscriptions.rowid = h.id;

CREATE INDEX websub_subscriptions_host ON websub_subscriptions (callback_host);
