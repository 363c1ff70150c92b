-- 0007: a consultation's type (api/openapi.yaml, ConsultationType). The SQLite twin is
-- ../sqlite/0007_consultation_type.sql.

-- The E-Participation Statement's two types: `legal` (draft regulations and laws, commented on on the unified
-- platform Istitlaa) or `non-legal` (policies, strategies and initiatives: Tafaul, the ministry's site). A
-- column of its own, not in `content`, so that the administration's list can be filtered by it. The
-- collector names the type of every consultation it writes; the default is for the rows that were here before.
ALTER TABLE consultations ADD COLUMN type TEXT NOT NULL DEFAULT 'non-legal' CHECK (type IN ('legal', 'non-legal'));

-- Before types, a legal consultation could only say so by linking to its page on Istitlaa as its `url`: those
-- are legal (every draft regulation is consulted on there, and nothing else is). The link stays in `url`.
UPDATE consultations SET type = 'legal'
  WHERE lower(content::jsonb ->> 'url') IN ('https://istitlaa.ncc.gov.sa', 'http://istitlaa.ncc.gov.sa')
     OR substr(lower(content::jsonb ->> 'url'), 1, 28) = 'https://istitlaa.ncc.gov.sa/'
     OR substr(lower(content::jsonb ->> 'url'), 1, 27) = 'http://istitlaa.ncc.gov.sa/';

-- The administration's list of one type, latest opening first.
CREATE INDEX consultations_of_type ON consultations (type, opens_at, id);
