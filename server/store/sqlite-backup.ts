/**
 * An online backup of the SQLite store: SQLite's backup API (better-sqlite3's `db.backup()`) copies the
 * database from a connection of its own, WAL included, as one consistent moment. It copies every page in
 * one step (one read transaction): copied a few pages at a time, a write by the collector in between would
 * make it start over, and under steady writes it might never end. In WAL mode that read does not hold up
 * the collector's writes. The copy is then opened and checked (`PRAGMA integrity_check`) before it is
 * called good.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The most pages better-sqlite3 lets one step copy: all that remain, for any database it can open. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  submissions: number;
  migrations: number;
  bytes: number;
}

export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`no SQLite database at ${source} (EP_SQLITE_PATH)`);
  // Refused rather than overwritten: an earlier backup is worth more than a typo.
  if (existsSync(target)) throw new Error(`${target} exists already; give a new file name`);
  const db = new Database(source, { fileMustExist: true });
  try {
    // A collector writing at this moment holds the lock for a few milliseconds; wait for it rather than fail.
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the copy at ${target} failed its integrity check: ${String(integrity)}`);
    const count = (sql: string): number => (copy.prepare(sql).get() as { n: number }).n;
    return {
      file: target,
      submissions: count('SELECT count(*) AS n FROM submissions'),
      migrations: count('SELECT count(*) AS n FROM schema_migrations'),
      bytes:
        (copy.pragma('page_count', { simple: true }) as number) *
        (copy.pragma('page_size', { simple: true }) as number),
    };
  } finally {
    copy.close();
  }
}
