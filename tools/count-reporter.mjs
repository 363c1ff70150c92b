// Writes the number of passed and failed tests to a JSON file, for the one summary line of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const perBrowser = new Map();
      for (const session of sessions) {
        const own = { passed: 0, failed: 0, skipped: 0 };
        if (session.testResults) count(session.testResults, own);
        // A file that failed to load or threw outside a test has no test results but must count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) own.failed += 1;
        const browser = perBrowser.get(session.browser.name) ?? { passed: 0, failed: 0, skipped: 0 };
        for (const key of Object.keys(totals)) {
          totals[key] += own[key];
          browser[key] += own[key];
        }
        perBrowser.set(session.browser.name, browser);
      }
      for (const [name, { passed, failed, skipped }] of perBrowser) {
        console.log(`tests in ${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
