/**
 * Versioned migrations: server/migrations/{sqlite,postgres}/NNNN_name.sql, applied in order, each in its
 * own transaction with its row in `schema_migrations`. Both dialects must have the same versions (a test
 * checks it); a version's two files make the same tables and columns in their own SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const ROOT = fileURLToPath(new URL('../migrations/', import.meta.url));

export function migrationsFor(dialect: 'sqlite' | 'postgres'): Migration[] {
  const folder = `${ROOT}${dialect}/`;
  return readdirSync(folder)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(folder + file, 'utf8'),
    }));
}

export const MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
