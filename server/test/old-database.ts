/**
 * A database as an older collector left it, for the tests of a migration: both dialects, at a given
 * version (every migration up to it applied, as the collector applied them), with a way to run SQL on it
 * and to open the collector's store on it, which applies the migrations after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS_TABLE, migrationsFor } from '../store/migrations.js';
import { PostgresStore, numbered } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import type { Dialect } from './helpers.js';
import { scratchDatabase } from './pg-scratch.js';

export type Row = Record<string, unknown>;

/** A database at an older migration, and a way to run SQL on it (`?` placeholders). */
export interface OldDatabase {
  run(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Opens the collector's store on it (which applies the later migrations) and its SQL. */
  upgrade(): Promise<{
    store: Store;
    sql: (text: string, params?: unknown[]) => Promise<Row[]>;
    drop: () => Promise<void>;
  }>;
}

/** A database with the migrations up to `version` applied; `prefix` names its scratch file or database. */
export async function oldDatabase(dialect: Dialect, version: number, prefix: string): Promise<OldDatabase> {
  const migrations = migrationsFor(dialect).filter((migration) => migration.version <= version);
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    const file = join(dir, 'collector.sqlite');
    const db = new Database(file);
    db.exec(MIGRATIONS_TABLE);
    for (const migration of migrations) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
    return {
      run: async (sql, params = []) => {
        const statement = db.prepare(sql);
        return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
      },
      upgrade: async () => {
        db.close();
        const store = new SqliteStore(file);
        return {
          store,
          sql: async (text, params = []) => store.raw(text, params as (string | number | null)[]) as Row[],
          drop: async () => {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    };
  }
  const database = await scratchDatabase(prefix.replace(/-/g, '_'));
  const { url } = database;
  const client = new pg.Client(url.href);
  await client.connect();
  await client.query(MIGRATIONS_TABLE);
  for (const migration of migrations) {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      new Date().toISOString(),
    ]);
  }
  return {
    run: async (sql, params = []) => (await client.query(numbered(sql), params)).rows as Row[],
    upgrade: async () => {
      await client.end();
      const store = await PostgresStore.open({ connectionString: url.href, max: 4 });
      return {
        store,
        sql: async (text, params = []) => (await store.query(numbered(text), params)).rows as Row[],
        drop: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  };
}
