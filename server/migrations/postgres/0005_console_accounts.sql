-- The console's named accounts and their sessions (server/console/auth/).
CREATE TABLE console_accounts (
  name          TEXT PRIMARY KEY,           -- lower case: names are unique whatever their case
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'moderator', 'administrator')),
  password_hash TEXT NOT NULL,              -- scrypt$N$r$p$salt$hash (base64url), see console/auth/password.ts
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,              -- ISO 8601 UTC
  updated_at    TEXT NOT NULL
);

CREATE TABLE console_sessions (
  id_hash      TEXT PRIMARY KEY,            -- SHA-256 of the cookie's id (hex): the id itself is never stored
  account      TEXT NOT NULL REFERENCES console_accounts (name) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL                -- the absolute end; the idle end is last_seen_at + the idle time
);
CREATE INDEX console_sessions_account ON console_sessions (account);
