// Named checks for the scripts that test by hand (a smoke run, the demo's walk): each prints `ok` or
// `FAIL` with its name, and the counts end the run as npm test reads them (scripts/test.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';

export function checks() {
  const counts = { passed: 0, failed: 0 };
  return {
    check(name, ok, detail = '') {
      counts[ok ? 'passed' : 'failed'] += 1;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
    },
    /** Writes `{ passed, failed }` to .test-results/`file`, prints the counts line, sets the exit code. */
    finish(file) {
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/${file}`, JSON.stringify(counts));
      console.log(`${counts.passed} passed, ${counts.failed} failed`);
      process.exitCode = counts.failed ? 1 : 0;
    },
  };
}
