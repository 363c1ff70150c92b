// `npm test`: installs what is missing, then runs every check and ends with one line `N passed, N failed`
// summing all of them. Suites that count tests (unit and element tests, Storybook stories) add their own
// counts; a check without its own count (type check, template check, build...) counts as one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromeVersion, ensureChrome, ensureFirefox, ensureModules, ensureWebKit } from './ensure.mjs';

const RESULTS = '.test-results';

function prepare() {
  ensureModules();
  const chrome = ensureChrome();
  process.env.CHROME_PATH = chrome;
  console.log(`Browser: ${chromeVersion(chrome)} (${chrome})`);
  const firefox = ensureFirefox();
  console.log(`Browser: ${chromeVersion(firefox)} (${firefox})`);
  const webkit = ensureWebKit();
  console.log(`Browser: WebKitGTK ${webkitVersion()} (${webkit.driver}, ${webkit.miniBrowser})`);
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
}

function webkitVersion() {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver'], { encoding: 'utf8' }).trim();
  } catch {
    return '(version unknown)';
  }
}

const bin = (name) => `node_modules/.bin/${name}`;

/** The cross-browser set (web-test-runner.cross-browser.config.mjs) in one engine. */
const crossBrowser = (browser, label) => ({
  name: `elements' flows in both languages, keyboard only, outbox (web-test-runner, ${label})`,
  command: [bin('web-test-runner'), '--config', 'web-test-runner.cross-browser.config.mjs'],
  // Its config loads the Chromium config, whose envelope recorder empties the file it is given: another file
  // here, so that the contract test still reads what the Chromium run sent.
  env: { EP_BROWSER: browser, EP_SENT_ENVELOPES: `${RESULTS}/sent-envelopes-${browser}.ndjson` },
  counts: `${RESULTS}/wtr-${browser}.json`,
});

/** Each step: a command, and optionally a JSON file of { passed, failed } it writes. */
const steps = [
  { name: 'type check (tsc --noEmit)', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  {
    name: "collector type check (server/, and the elements' types against api/openapi.yaml's)",
    command: [bin('tsc'), '--noEmit', '-p', 'server/tsconfig.json'],
  },
  {
    name: 'lit template check (lit-analyzer)',
    // no-invalid-css is off: its CSS property list predates accent-color and forced-color-adjust.
    command: [
      bin('lit-analyzer'),
      'src/**/*.ts',
      'server/console/ui/**/*.ts',
      '--strict',
      '--maxWarnings',
      '0',
      '--rules.no-invalid-css',
      'off',
    ],
  },
  {
    // Dynamic import() counts (a module loaded on demand still runs in an order); type-only imports do not
    // (-T: they are erased, so a controller may name its host element's class).
    name: 'no import cycles in src/ or server/ (dpdm)',
    command: [
      bin('dpdm'),
      '--no-tree',
      '--no-warning',
      '--no-progress',
      '-T',
      '--exit-code',
      'circular:1',
      'src/**/*.ts',
      'server/**/*.ts',
    ],
  },
  { name: 'translations complete (every string has Arabic)', command: ['node', 'scripts/check-translations.mjs'] },
  {
    name: "the console's translations complete (server/console/locales/ar.xlf, apart from the library's)",
    command: ['node', 'scripts/check-translations.mjs', 'server/console/lit-localize.json'],
  },
  {
    name: 'lint (ESLint: typescript-eslint, eslint-plugin-lit, eslint-plugin-wc)',
    command: [bin('eslint'), '--max-warnings', '0', '.'],
  },
  { name: 'format (Prettier, width 120)', command: ['npm', 'run', '--silent', 'format:check'] },
  {
    name: 'copy-paste check (jscpd 5.3.2: runs of six or more lines repeated, held per folder)',
    command: ['node', 'scripts/check-duplication.mjs'],
    counts: `${RESULTS}/duplication.json`,
  },
  {
    name: 'unit and element tests (web-test-runner, Chromium)',
    command: [bin('web-test-runner')],
    counts: `${RESULTS}/wtr.json`,
  },
  crossBrowser('firefox', 'Firefox ESR'),
  crossBrowser('webkit', 'WebKitGTK'),
  {
    // After the element tests: it checks every envelope they sent against the contract.
    name: 'collector: API on a SQLite file and on PostgreSQL, hardening, the contract and what the elements sent (node:test)',
    command: ['node', 'scripts/server-test.mjs'],
    counts: `${RESULTS}/server.json`,
  },
  {
    // Builds the console first (scripts/build-console.mjs): a fresh clone has no build.
    name: "the ministry's console in Chromium against a real collector: sign-in, every screen in both languages with axe, the keyboard alone, roles (Playwright)",
    command: ['node', 'scripts/console-ui-test.mjs'],
    counts: `${RESULTS}/console-ui.json`,
  },
  {
    name: 'database fault run: 20 clients while PostgreSQL sessions are ended three times and PostgreSQL restarts twice',
    command: ['node', 'scripts/db-fault-run.mjs'],
    counts: `${RESULTS}/db-faults.json`,
  },
  {
    name: 'abuse phase of bench:server: 120 worst-case bodies from one client, on SQLite and PostgreSQL (their CPU time under 1 s; /health/live p99 under 50 ms, judged on a quiet machine)',
    command: ['node', 'scripts/bench-server.mjs', '--abuse-only'],
  },
  {
    name: 'fault run: the demo in two tabs of Chromium, 200 votes, messages, ideas and views through failures, hangs, offline stretches and reloads',
    command: ['node', 'scripts/fault-run.mjs'],
    counts: `${RESULTS}/faults.json`,
  },
  {
    name: "issue 18's walk on the demo against the reference collector: a vote and the page's note, two join the Lab's panel, one leaves with her code, the console's panel lists the other",
    command: ['node', 'scripts/demo-walk.mjs'],
    counts: `${RESULTS}/walk.json`,
  },
  { name: 'custom elements manifest', command: ['npm', 'run', '--silent', 'manifest'] },
  {
    name: "every element's CSS parts named in its guide (docs/elements.md, against the manifest)",
    command: ['node', 'scripts/check-docs-parts.mjs'],
  },
  {
    name: 'Storybook as static files under /design-system/: every story (play function, axe, no error) and docs page in Chromium',
    command: ['node', 'scripts/storybook-check.mjs'],
    counts: `${RESULTS}/storybook.json`,
  },
  { name: 'build (vite, declarations)', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'the built files in a browser (one-file bundle, npm build, reserve.css)',
    command: ['node', 'scripts/smoke-bundle.mjs'],
    counts: `${RESULTS}/smoke.json`,
  },
  {
    name: 'shipped types in a React 19 app: JSX for every element, onep-* events, unions; the ep-widgets/react wrappers',
    command: [bin('tsc'), '-p', 'test/types/tsconfig.json'],
  },
  {
    name: "shipped types of one element's entry alone: addEventListener('ep-success', …) gets the library's event class",
    command: [bin('tsc'), '-p', 'test/types/tsconfig.entry.json'],
  },
  {
    name: "shipped types of the entry that registers every element, alone: querySelector('ep-feedback') gets its class",
    command: [bin('tsc'), '-p', 'test/types/tsconfig.all.json'],
  },
  {
    name: 'shipped types in a Vue 3 app with strictTemplates: GlobalComponents, props, @ep-* events (vue-tsc)',
    command: [bin('vue-tsc'), '-p', 'test/types/tsconfig.vue.json'],
  },
  {
    name: 'every entry imports in Node without a DOM (default and browser conditions)',
    command: ['node', 'scripts/check-imports.mjs'],
    counts: `${RESULTS}/imports.json`,
  },
  {
    name: 'the package as packed: LICENSE, customElements and web-types, exports, publint, arethetypeswrong (ESM only)',
    command: ['node', 'scripts/check-package.mjs'],
    counts: `${RESULTS}/package.json`,
  },
  {
    name: 'examples/ (plain HTML, React 19, Vue 3, Angular 21, Astro 5) with the packed tarball: install, strict type check, build, a vote in Chromium',
    command: ['node', 'scripts/test-examples.mjs', '--built'],
    counts: `${RESULTS}/examples.json`,
  },
  { name: 'size report and budget', command: ['node', 'scripts/size.mjs'], counts: `${RESULTS}/size.json` },
];

function countsOf(step, exitCode) {
  if (step.counts && existsSync(step.counts)) {
    const json = JSON.parse(readFileSync(step.counts, 'utf8'));
    const passed = json.passed ?? json.numPassedTests ?? 0;
    let failed = json.failed ?? json.numFailedTests ?? 0;
    const skipped = json.skipped ?? json.numPendingTests ?? 0;
    // A suite that crashed outside any test still failed.
    if (exitCode !== 0 && failed === 0) failed = 1;
    return { passed, failed, skipped };
  }
  return exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

let passed = 0;
let failed = 0;
const report = [];
try {
  prepare();
} catch (error) {
  console.error(String(error.message ?? error));
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const [command, ...args] = step.command;
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const exitCode = result.status ?? 1;
  const counts = countsOf(step, exitCode);
  passed += counts.passed;
  failed += counts.failed;
  const skips = counts.skipped ? `, ${counts.skipped} skipped` : '';
  report.push(
    `${exitCode === 0 ? 'ok  ' : 'FAIL'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed${skips} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
console.log('\n=== summary (each step: its tests, and how long it took)');
for (const line of report) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
