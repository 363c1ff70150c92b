-- 0006: "what we changed" notes (server/console/changes/). The SQLite twin is ../sqlite/0006_change_notes.sql.

-- A dated note in both languages about a page, written in the console and read by the page poll
-- (`GET {endpoint}/changes?page=`). `page_url` is the key votes are stored under (privacy/page-url.ts).
CREATE TABLE change_notes (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_url   TEXT NOT NULL,
  changed_on TEXT NOT NULL,                 -- 2026-03-01: the day the change was made
  text_ar    TEXT NOT NULL,
  text_en    TEXT NOT NULL,
  link       TEXT,
  published  INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  created_at TEXT NOT NULL,                 -- ISO 8601 UTC
  created_by TEXT NOT NULL,                 -- the account's name, or `token` for the bearer
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
-- The public read: a page's latest published note.
CREATE INDEX change_notes_latest ON change_notes (page_url, published, changed_on, id);
