-- 0002: ideas with their review state, supporters and answer; consultations and the views kept on them.
-- The SQLite twin is ../sqlite/0002_ideas_consultations.sql: same tables, columns and meaning.
-- Times are ISO 8601 UTC text in both dialects (`2026-03-01T09:15:00.000Z`), so that one statement compares
-- them the same way in each.

-- Kept by the `idea` kind (one row per idea submitted, under its envelope id) and by the administration
-- (review state, status, answer); `idea-support` moves `supports`. Seeded ideas have ids of their own.
CREATE TABLE ideas (
  seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- order of arrival; the admin list's cursor
  id           TEXT NOT NULL UNIQUE,               -- public id: the envelope id of the `idea`, or a seeded slug
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'rejected')),
  status       TEXT NOT NULL DEFAULT 'new',
  title        TEXT NOT NULL,
  description  TEXT NOT NULL,
  topic_code   TEXT,
  topic_label  TEXT,
  supports     INTEGER NOT NULL DEFAULT 0 CHECK (supports >= 0),
  received_at  TEXT NOT NULL,
  published_at TEXT,                               -- set the first time it is published
  answer_text  TEXT,
  answer_at    TEXT,
  answer_from  TEXT,
  answer_to    TEXT
);
CREATE INDEX ideas_newest ON ideas (state, published_at, id);
CREATE INDEX ideas_supported ON ideas (state, supports, published_at, id);

-- Kept by the `idea-support` kind: each support given (`withdraws` null) and each taking back (`withdraws`
-- names the support). A support is counted in `ideas.supports` unless it is taken back; a taking back
-- that arrives first means the support it names is never counted.
CREATE TABLE idea_supports (
  id        TEXT PRIMARY KEY,                    -- the envelope id
  idea_id   TEXT NOT NULL,
  withdraws TEXT,                                -- for a taking back: the support's envelope id
  withdrawn INTEGER NOT NULL DEFAULT 0           -- for a support: taken back (1) or not (0)
);
CREATE INDEX idea_supports_withdraws ON idea_supports (withdraws);

-- Written by the administration. `content` is the consultation as written (JSON: title, summary,
-- department, level, documents, url, platform, participantsElsewhere); its dates are columns of their own.
CREATE TABLE consultations (
  id         TEXT PRIMARY KEY,
  content    TEXT NOT NULL,
  opens_at   TEXT NOT NULL,
  closes_at  TEXT NOT NULL,
  outcome    TEXT,
  updated_at TEXT NOT NULL
);

-- Kept by the `consultation-view` kind: every view, under its envelope id. A view that another names in
-- its `replaces` (in the same consultation) is not counted, whichever of the two arrived first: this is
-- decided when reading, so two views stored at the same moment cannot both count.
CREATE TABLE consultation_views (
  id              TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL,
  stance          TEXT NOT NULL,
  replaces        TEXT
);
CREATE INDEX consultation_views_of ON consultation_views (consultation_id, stance);
CREATE INDEX consultation_views_replaces ON consultation_views (replaces, consultation_id);
