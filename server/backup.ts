/**
 * `npm run collector:backup -- <file>`: an online backup of the SQLite store (EP_SQLITE_PATH) into a new
 * file, while the collector runs; checked before it is reported. PostgreSQL is backed up with its own
 * tools (pg_dump -Fc), as docs/operations.md describes. Exit status 0 only for a checked copy.
 */
import { loadConfig } from './config.js';
import { backupSqlite } from './store/sqlite-backup.js';

const target = process.argv[2];
const config = loadConfig();
if (!target) {
  console.error('usage: npm run collector:backup -- <new file>   (the SQLite store at EP_SQLITE_PATH)');
  process.exit(2);
}
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back PostgreSQL up with pg_dump -Fc (see docs/operations.md), not with this command.',
  );
  process.exit(2);
}
try {
  const result = await backupSqlite(config.sqlitePath, target);
  console.log(
    `backup of ${config.sqlitePath}: ${result.file}, ${result.submissions} submissions, ${result.migrations} migrations, ${result.bytes} bytes, integrity ok`,
  );
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
