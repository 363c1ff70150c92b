-- 0001: submissions of every kind in one table, the reference counters, and the page tally.
-- The PostgreSQL twin is ../postgres/0001_init.sql: same tables, columns and meaning.

CREATE TABLE submissions (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of arrival; the admin list's cursor
  id             TEXT NOT NULL UNIQUE,               -- the envelope id (the Idempotency-Key)
  kind           TEXT NOT NULL,
  reference      TEXT UNIQUE,                        -- FB-2026-000123; set in the transaction that stores the row
  page_url       TEXT NOT NULL,
  page_title     TEXT NOT NULL,
  page_lang      TEXT NOT NULL,
  locale         TEXT NOT NULL,
  submitted_at   TEXT NOT NULL,                      -- the visitor's clock, as sent
  received_at    TEXT NOT NULL,                      -- the collector's clock, ISO 8601 UTC
  privacy_notice TEXT NOT NULL,
  client         TEXT,                               -- keyed hash of the sender's address and day; never the address
  data           TEXT NOT NULL CHECK (json_valid(data)),
  answer         TEXT                                -- the first answer (JSON), given again to every repeat
);
CREATE INDEX submissions_kind_received ON submissions (kind, received_at);
CREATE INDEX submissions_received ON submissions (received_at);

CREATE TABLE reference_counters (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
);

-- Kept by the page-vote kind in the transaction that stores each vote (see server/kinds.ts).
CREATE TABLE page_tally (
  page_url TEXT PRIMARY KEY,
  yes      INTEGER NOT NULL DEFAULT 0,
  total    INTEGER NOT NULL DEFAULT 0
);
