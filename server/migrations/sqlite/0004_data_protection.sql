-- 0004: data protection (see docs/privacy.md). The PostgreSQL twin is ../postgres/0004_data_protection.sql.

-- When the retention sweep or an administrator erased a submission's contact details (name, email, mobile,
-- channel): the message stays. Null while they are held (or the kind has none and the sweep has not seen it).
ALTER TABLE submissions ADD COLUMN contact_erased_at TEXT;

-- Kept by the page-vote kind with the tally (server/kinds.ts): votes per UTC day, page and answer, so that
-- trends outlive the submissions the retention sweep deletes. Counts only; nothing about a visitor.
CREATE TABLE page_votes_daily (
  day      TEXT NOT NULL,                   -- 2026-03-01 (UTC, the collector's time of receipt)
  page_url TEXT NOT NULL,
  answer   TEXT NOT NULL,                   -- yes | no
  votes    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, page_url, answer)
);
INSERT INTO page_votes_daily (day, page_url, answer, votes)
  SELECT substr(received_at, 1, 10), page_url, json_extract(data, '$.answer'), COUNT(*)
  FROM submissions WHERE kind = 'page-vote' AND json_extract(data, '$.answer') IS NOT NULL
  GROUP BY substr(received_at, 1, 10), page_url, json_extract(data, '$.answer');

-- The key of the client hash (server/client-key.ts): one random key per UTC day, shared by every instance,
-- deleted once its day is over (so no kept secret can turn a stored hash back into an address).
CREATE TABLE day_keys (
  day TEXT PRIMARY KEY,                     -- 2026-03-01
  key TEXT NOT NULL                         -- 64 hex digits
);

-- What administrators did (server/privacy/audit.ts): who, when, what, about which reference. Never content.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,                  -- ISO 8601 UTC
  actor     TEXT NOT NULL,                  -- `admin-token:` and the first 8 hex digits of the token's SHA-256
  action    TEXT NOT NULL,                  -- submissions.list, reference.erase, …
  reference TEXT,                           -- FB-2026-000123, when the action names one
  target    TEXT,                           -- an idea or consultation id, when the action names one
  detail    TEXT,                           -- the filters of a list or export (kind, from, to, format, state)
  status    INTEGER NOT NULL                -- the HTTP status answered
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_reference ON audit_log (reference);
