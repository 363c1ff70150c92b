-- 0008: the Innovation Lab's participant panel (server/lab/). The PostgreSQL twin is ../postgres/0008_lab_panel.sql.

-- Keys the collector makes once and keeps (the withdrawal codes' key): the first instance to need one
-- creates it, every instance reads the one stored (server/lab/withdrawal-codes.ts).
CREATE TABLE collector_keys (
  name TEXT PRIMARY KEY,
  key  TEXT NOT NULL                        -- hex
);

-- One row per `lab-signup`: what the Lab lists members by, and what finds the sign-up a withdrawal names.
-- The contact details themselves stay in the submission's data; here only keyed hashes of them, which a
-- withdrawal, an erasure or the retention sweep deletes (server/lab/panel.ts, PANEL_CLEANUP).
CREATE TABLE lab_panel (
  submission_id TEXT PRIMARY KEY,             -- the sign-up's id (submissions.id)
  code_hash     TEXT NOT NULL UNIQUE,       -- SHA-256 of the withdrawal code, normalized
  email_hash    TEXT,                       -- HMAC of the email address, lower case
  mobile_hash   TEXT,                       -- HMAC of the mobile number (E.164)
  sessions      TEXT NOT NULL,              -- ' understanding prototype ': codes between spaces, for LIKE
  topics        TEXT NOT NULL,              -- the same, of the topic codes
  attendance    TEXT NOT NULL,
  city          TEXT,
  language      TEXT NOT NULL,
  received_at   TEXT NOT NULL               -- ISO 8601 UTC
);
CREATE INDEX lab_panel_received ON lab_panel (received_at, submission_id);
