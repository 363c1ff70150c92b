/**
 * For tests that need a PostgreSQL database by URL (to reach it through a relay, dump it, restore into
 * another): a new database on the test server (EP_TEST_DATABASE_URL), and PostgreSQL's client tools.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  url: URL;
  drop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const admin = new pg.Client(process.env.EP_TEST_DATABASE_URL);
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function scratchDatabase(prefix = 'ep_scratch'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.EP_TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { name, url, drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A PostgreSQL client program (pg_dump, pg_restore): the newest under /usr/lib/postgresql, else the PATH's. */
export function postgresTool(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((version) => existsSync(join(root, version, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0]!, 'bin', name);
  }
  return name;
}
