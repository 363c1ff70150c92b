// `npm run test:examples` (and a step of `npm test`): the apps under examples/ as a web team would build them,
// against the package as it would be published. Packs the built package, and for each example: installs its
// own locked dependencies (`npm ci`) and the tarball, type-checks it strictly where it has a `check` script,
// builds it, then serves the built app with the in-memory collector, opens it in Chromium, clicks "Yes" on
// the poll and checks that the app's own handler wrote into the page and that the vote reached the collector.
// Each of those is one check; writes { passed, failed } for npm test's summary and ends with `N passed, N failed`.
// `--built`: use dist/ as it is (npm test runs this right after its build step); otherwise builds first.
// Names of examples as arguments run only those (`npm run test:examples -- --built react`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createDevEndpoint } from '../tools/dev-endpoint.mjs';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';

/** Each example, and what its handler writes into #status once the collector accepted the vote. */
const EXAMPLES = [
  { name: 'html', handled: 'Page handler: the collector accepted a page-vote.' },
  { name: 'react', handled: 'React handler: the collector accepted a page-vote.' },
  { name: 'vue', handled: 'Vue handler: the collector accepted a page-vote.' },
  { name: 'angular', handled: 'Angular handler: the collector accepted a page-vote.' },
  { name: 'astro', handled: 'Astro handler: the collector accepted a page-vote.' },
];

const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = chosen.filter((name) => !EXAMPLES.some((example) => example.name === name));
if (unknown.length)
  throw new Error(
    `No such example: ${unknown.join(', ')} (there are ${EXAMPLES.map((example) => example.name).join(', ')})`,
  );
const selected = chosen.length ? EXAMPLES.filter((example) => chosen.includes(example.name)) : EXAMPLES;

const RESULTS = '.test-results';
const results = [];
let passed = 0;
let failed = 0;
function check(name, ok, detail = '', started = Date.now()) {
  if (ok) passed += 1;
  else failed += 1;
  const line = `${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${ok || !detail ? '' : `: ${detail}`}`;
  results.push(line);
  console.log(line);
}

/** Runs a command with its output shown; true when it exited 0. */
function run(command, args, cwd) {
  console.log(`> ${command} ${args.join(' ')}${cwd ? `   (in ${cwd})` : ''}`);
  // No usage reports from the frameworks' command-line tools (Angular CLI analytics, Astro telemetry).
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false', ASTRO_TELEMETRY_DISABLED: '1' };
  return spawnSync(command, args, { cwd, stdio: 'inherit', env }).status === 0;
}

if (!process.argv.includes('--built') && !run('npm', ['run', '--silent', 'build'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'ep-widgets-examples-'));
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { encoding: 'utf8' }),
);
const tarball = join(scratch, packed.filename);
console.log(`Packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KB)`);

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
try {
  for (const example of selected) {
    const dir = resolve('examples', example.name);
    const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts ?? {};
    let started = Date.now();
    // Its own locked dependencies, then the tarball (--no-save: the lock file stays as committed).
    const installed =
      run('npm', ['ci', '--no-audit', '--no-fund'], dir) &&
      run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], dir);
    check(`${example.name}: npm ci and the packed tarball install`, installed, '', started);
    if (!installed) continue;
    if (scripts.check) {
      started = Date.now();
      check(
        `${example.name}: strict type check (npm run check: ${scripts.check})`,
        run('npm', ['run', '--silent', 'check'], dir),
        '',
        started,
      );
    }
    started = Date.now();
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const built = run('npm', ['run', '--silent', 'build'], dir) && existsSync(join(dir, 'dist/index.html'));
    check(`${example.name}: builds (npm run build)`, built, '', started);
    if (!built) continue;
    started = Date.now();
    const outcome = await voteIn(join(dir, 'dist'), example);
    check(
      `${example.name}: in Chromium, "Yes" on the poll reaches the collector and the app's own handler runs`,
      outcome.errors.length === 0 &&
        outcome.status === example.handled &&
        outcome.posts.length === 1 &&
        outcome.posts[0].body?.kind === 'page-vote',
      JSON.stringify(outcome),
      started,
    );
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Serves a built app (any unknown path gets its index.html, as a host of a single-page app does) with the
 * in-memory collector under /ep-dev/, clicks "Yes", and returns what the page showed and what was POSTed.
 */
async function voteIn(root, example) {
  const endpoint = createDevEndpoint();
  const types = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = createServer(async (req, res) => {
    if (await endpoint(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  let status = null;
  try {
    await tab.goto(base);
    const poll = tab.locator('ep-page-poll');
    await poll.getByRole('button', { name: 'Yes' }).click({ timeout: 15_000 });
    await tab
      .waitForFunction((text) => document.getElementById('status')?.textContent?.trim() === text, example.handled, {
        timeout: 15_000,
      })
      .catch(() => {});
    status = (await tab.locator('#status').textContent())?.trim() ?? null;
  } catch (error) {
    errors.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    await context.close();
  }
  const log = await (await fetch(`${base}/ep-dev/example-${example.name}/__log`)).json();
  await new Promise((done) => server.close(done));
  return { status, posts: log.filter((entry) => entry.method === 'POST'), errors };
}

mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}/examples.json`, JSON.stringify({ passed, failed }));
console.log('\n=== examples');
for (const line of results) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
