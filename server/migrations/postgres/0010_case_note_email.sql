-- 0010: a reply note sent by email (server/console/cases/reply-mail.ts). The SQLite twin is ../sqlite/0010_case_note_email.sql.

-- Whether the note went to the visitor by email: null when it was not sent, 'sent' or 'failed' when it was
-- tried; when, and why it failed (the SMTP server's answer). The address is not kept: it stays with the
-- submission, where erasing the contact details reaches it.
ALTER TABLE case_notes ADD COLUMN email_status TEXT CHECK (email_status IN ('sent', 'failed'));
ALTER TABLE case_notes ADD COLUMN email_at TEXT;         -- ISO 8601 UTC
ALTER TABLE case_notes ADD COLUMN email_failure TEXT;
