-- 0001: submissions of every kind in one table, the reference counters, and the page tally.
-- The SQLite twin is ../sqlite/0001_init.sql: same tables, columns and meaning.

CREATE TABLE submissions (
  seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- order of arrival; the admin list's cursor
  id             TEXT NOT NULL UNIQUE,                             -- the envelope id (the Idempotency-Key)
  kind           TEXT NOT NULL,
  reference      TEXT UNIQUE,                                      -- set in the transaction that stores the row
  page_url       TEXT NOT NULL,
  page_title     TEXT NOT NULL,
  page_lang      TEXT NOT NULL,
  locale         TEXT NOT NULL,
  submitted_at   TEXT NOT NULL,                                    -- the visitor's clock, as sent
  received_at    TIMESTAMPTZ NOT NULL,                             -- the collector's clock
  privacy_notice TEXT NOT NULL,
  client         TEXT,                                             -- keyed hash of the sender's address and day
  data           JSONB NOT NULL,
  answer         TEXT                                              -- the first answer (JSON, byte for byte), given again
);
CREATE INDEX submissions_kind_received ON submissions (kind, received_at);
CREATE INDEX submissions_received ON submissions (received_at);

CREATE TABLE reference_counters (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  last   BIGINT NOT NULL,
  PRIMARY KEY (prefix, year)
);

CREATE TABLE page_tally (
  page_url TEXT PRIMARY KEY,
  yes      BIGINT NOT NULL DEFAULT 0,
  total    BIGINT NOT NULL DEFAULT 0
);
