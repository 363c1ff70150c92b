/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import type { Config } from '../config.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export async function openStore(config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'pgPoolMax'>): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open({ connectionString: config.databaseUrl, max: config.pgPoolMax });
  return new SqliteStore(config.sqlitePath);
}
