// `npm run test:console` (also a step of `npm test`): the ministry's console in Chromium. Builds it first
// (scripts/build-console.mjs), then runs server/console/ui-test/*.test.ts (node:test through tsx, Playwright
// driving Debian's Chromium), each of which starts a real collector on a free port. Writes
// .test-results/console-ui.json ({ passed, failed }).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
const built = spawnSync(process.execPath, ['scripts/build-console.mjs'], { stdio: 'inherit' });
if (built.status !== 0) {
  process.exitCode = built.status ?? 1;
} else {
  const folder = 'server/console/ui-test';
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${folder}/${name}`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./server/test/count-reporter.mjs',
      '--test-reporter-destination=.test-results/console-ui.json',
      ...files,
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = result.status ?? 1;
}
