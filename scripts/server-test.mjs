// `npm run test:server` (also a step of `npm test`): the collector's tests (server/test/*.test.ts, node:test
// through tsx) against a real SQLite file and a real PostgreSQL. Starts a throwaway PostgreSQL
// (scripts/postgres.mjs: installs Debian's package first when root and none is found), passes its URL as
// EP_TEST_DATABASE_URL, and stops it afterwards. Writes .test-results/server.json ({ passed, failed }).
//
// Arguments are test files (default: all of them). EP_TEST_DATABASE_URL set: that server is used instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { startPostgres } from './postgres.mjs';

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('server/test')
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `server/test/${name}`);
mkdirSync('.test-results', { recursive: true });

let postgres;
try {
  postgres = await startPostgres();
  console.log(`PostgreSQL for the tests: ${postgres.external ? 'EP_TEST_DATABASE_URL' : postgres.url}`);
} catch (error) {
  console.error(String(error.message ?? error));
  process.exitCode = 1;
}

if (postgres) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./server/test/count-reporter.mjs',
      '--test-reporter-destination=.test-results/server.json',
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, EP_TEST_DATABASE_URL: postgres.url, EP_REQUIRE_POSTGRES: '1' } },
  );
  await postgres.stop();
  process.exitCode = result.status ?? 1;
}
