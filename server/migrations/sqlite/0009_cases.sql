-- 0009: triage of what visitors wrote (server/console/cases/). The PostgreSQL twin is ../postgres/0009_cases.sql.

-- A case for each feedback message and each page comment (a page-vote-details with a comment), made when
-- it is stored (kinds.ts) and, here, for those stored before: its status, who has it, its tags.
CREATE TABLE cases (
  submission_id TEXT PRIMARY KEY,           -- submissions.id
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'answered', 'closed')),
  assignee      TEXT,                       -- a console account's name
  tags          TEXT NOT NULL DEFAULT ' ',  -- ' late-reply permits ': codes between spaces, for LIKE
  updated_at    TEXT,                       -- ISO 8601 UTC; null until someone changes the case
  updated_by    TEXT
);
CREATE INDEX cases_status ON cases (status);

-- What was answered, or done: notes written in the console, oldest first.
CREATE TABLE case_notes (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL,
  text          TEXT NOT NULL,
  at            TEXT NOT NULL,              -- ISO 8601 UTC
  written_by    TEXT NOT NULL
);
CREATE INDEX case_notes_submission ON case_notes (submission_id, id);

INSERT INTO cases (submission_id)
  SELECT id FROM submissions
  WHERE kind = 'feedback' OR (kind = 'page-vote-details' AND trim(coalesce(json_extract(data, '$.comment'), '')) <> '');
