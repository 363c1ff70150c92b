-- 0003: one id, one submission. The SQLite twin is ../sqlite/0003_one_id_one_submission.sql: same steps.
--
-- 1. `submissions.body_hash`: SHA-256 of the envelope's canonical JSON, kept from receipt (server/canonical.ts);
--    a repeat with another body is refused. Rows stored before get theirs from the stored row, in code, right
--    after this SQL in the same transaction (server/store/body-hashes.ts).
-- 2. Ids in canonical form (lower case, no `urn:uuid:` prefix). Before, one UUID spelt several ways was stored
--    once per spelling, and each copy ran its kind's projections. Each group of spellings is merged into its
--    first row (lowest seq), under the canonical id; the later copies are deleted, with what they added:
--    - page_tally: each deleted page-vote's own answer is taken off its page's counts (exactly what it added);
--    - ideas: a later copy's idea row is deleted and its supports move to the first one's idea;
--    - idea_supports and consultation_views: a later copy's row is deleted; ids, and the ids they name
--      (`withdraws`, `replaces`, `idea_id`), are rewritten to canonical form; whether a support is taken
--      back is decided again from the taking-backs now matched by canonical id, and each idea's count is
--      what it held apart from its rows (a seeded count) plus its supports not taken back;
--    - the first row's stored answer gets the canonical id, so a repeat is answered as a new one would be.
--    References given to deleted copies are not given again (the counter is left as it is): a reference once
--    shown to someone must never name another submission. `data` is kept as it was sent (a `voteId` in it
--    keeps its spelling).

ALTER TABLE submissions ADD COLUMN body_hash TEXT;  -- NULL only until the backfill after this SQL

-- Every stored id (of any kind) and its canonical spelling.
CREATE TEMP TABLE spelling AS
  SELECT seq, id, kind, page_url, data,
         lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END) AS canonical
  FROM submissions;
CREATE INDEX ON spelling (canonical, seq);

-- The later copies: a row with a lower seq has the same canonical id.
CREATE TEMP TABLE merged AS
  SELECT s.* FROM spelling AS s
  WHERE EXISTS (SELECT 1 FROM spelling AS first WHERE first.canonical = s.canonical AND first.seq < s.seq);

-- The tally: take off what each deleted vote added.
UPDATE page_tally SET
  yes = yes - (SELECT count(*) FROM merged AS m WHERE m.kind = 'page-vote' AND m.page_url = page_tally.page_url AND m.data->>'answer' = 'yes'),
  total = total - (SELECT count(*) FROM merged AS m WHERE m.kind = 'page-vote' AND m.page_url = page_tally.page_url)
WHERE page_url IN (SELECT page_url FROM merged WHERE kind = 'page-vote');

-- Each idea's count apart from its support rows (a seeded count; 0 for an idea that came as a submission),
-- and the idea it becomes.
CREATE TEMP TABLE idea_merge AS
  SELECT ideas.id AS old_id,
         coalesce((SELECT s.canonical FROM spelling AS s WHERE s.id = ideas.id AND s.kind = 'idea'), ideas.id) AS new_id,
         ideas.supports - (SELECT count(*) FROM idea_supports AS r WHERE r.idea_id = ideas.id AND r.withdraws IS NULL AND r.withdrawn = 0) AS own
  FROM ideas;

DELETE FROM idea_supports WHERE id IN (SELECT id FROM merged);
DELETE FROM consultation_views WHERE id IN (SELECT id FROM merged);
DELETE FROM ideas WHERE id IN (SELECT id FROM merged WHERE kind = 'idea');
DELETE FROM submissions WHERE seq IN (SELECT seq FROM merged);

UPDATE ideas SET id = (SELECT new_id FROM idea_merge WHERE old_id = ideas.id)
WHERE id <> (SELECT new_id FROM idea_merge WHERE old_id = ideas.id);
UPDATE idea_supports SET idea_id = (SELECT new_id FROM idea_merge WHERE old_id = idea_supports.idea_id)
WHERE idea_id IN (SELECT old_id FROM idea_merge WHERE old_id <> new_id);
UPDATE idea_supports SET
  id = lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END),
  withdraws = lower(CASE WHEN lower(substr(withdraws, 1, 9)) = 'urn:uuid:' THEN substr(withdraws, 10) ELSE withdraws END);
UPDATE idea_supports SET withdrawn = CASE
  WHEN EXISTS (SELECT 1 FROM idea_supports AS back WHERE back.withdraws = idea_supports.id AND back.idea_id = idea_supports.idea_id) THEN 1 ELSE 0 END
WHERE withdraws IS NULL;
UPDATE ideas SET supports = GREATEST(0,
  coalesce((SELECT sum(own) FROM idea_merge WHERE new_id = ideas.id), 0) +
  (SELECT count(*) FROM idea_supports AS r WHERE r.idea_id = ideas.id AND r.withdraws IS NULL AND r.withdrawn = 0));

UPDATE consultation_views SET
  id = lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END),
  replaces = lower(CASE WHEN lower(substr(replaces, 1, 9)) = 'urn:uuid:' THEN substr(replaces, 10) ELSE replaces END);

-- The answer is JSON.stringify's (`{"id":"…",…}`); an id holds nothing JSON escapes.
UPDATE submissions SET
  answer = replace(answer, '"id":"' || id || '"', '"id":"' || lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END) || '"'),
  id = lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END)
WHERE id <> lower(CASE WHEN lower(substr(id, 1, 9)) = 'urn:uuid:' THEN substr(id, 10) ELSE id END);

DROP TABLE idea_merge;
DROP TABLE merged;
DROP TABLE spelling;
