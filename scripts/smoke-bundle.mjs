// After the build: the one-file bundle on a plain HTML page, as a web team would use it. Serves dist/ and
// the in-memory collector on a local port, opens Debian's Chromium with playwright-core, and checks that
// the bundle loads twice without an error, renders styled in both languages, and delivers a vote.
// Prints each check and writes { passed, failed } for npm test's summary.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { createDevEndpoint } from '../tools/dev-endpoint.mjs';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';

const page = (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-${lang}">
<script type="module" src="/dist/cdn/ep-widgets.js"></script>
<script type="module" src="/dist/cdn/ep-widgets.js?again"></script>
</head><body><main><h1>Service</h1><ep-page-poll></ep-page-poll></main></body></html>`;

const endpoint = createDevEndpoint();
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  if (await endpoint(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/page-(en|ar)\.html$/.exec(url.pathname);
  if (match) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(page(match[1], match[1] === 'ar' ? 'rtl' : 'ltr'));
  }
  const file = normalize(join('.', url.pathname));
  if (!file.startsWith('dist/')) return res.writeHead(404).end();
  try {
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
try {
  for (const [lang, question, yes] of [
    ['en', 'Was this page useful?', 'Yes'],
    ['ar', 'هل كانت هذه الصفحة مفيدة؟', 'نعم'],
  ]) {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(`${base}/page-${lang}.html`);
    const poll = tab.locator('ep-page-poll');
    await tab.waitForFunction(() => customElements.get('ep-page-poll') !== undefined);
    const heading = poll.locator('#question');
    await heading.waitFor();
    check(`${lang}: the bundle loaded twice without an error`, errors.length === 0, errors.join('; '));
    check(`${lang}: the question renders in the page's language`, (await heading.textContent())?.trim() === question);
    const styles = await poll.evaluate((host) => {
      const button = host.shadowRoot.querySelector('button');
      const base = host.shadowRoot.querySelector('[part="base"]');
      return { reserved: getComputedStyle(host).minHeight, button: button.getBoundingClientRect().height, dir: getComputedStyle(base).direction };
    });
    check(`${lang}: styles applied (reserved height, 24px+ targets, direction)`, styles.reserved === '88px' && styles.button >= 24 && styles.dir === (lang === 'ar' ? 'rtl' : 'ltr'), JSON.stringify(styles));
    await poll.getByRole('button', { name: yes }).click();
    await poll.locator('fieldset').waitFor();
    const log = await (await fetch(`${base}/ep-dev/smoke-${lang}/__log`)).json();
    check(`${lang}: the vote reached the endpoint`, log.length >= 1 && log[0].body?.kind === 'page-vote' && log[0].body?.locale === lang, JSON.stringify(log[0]));
    await tab.close();
  }
} catch (error) {
  check('the bundle smoke run finished', false, String(error));
} finally {
  await browser.close();
  server.close();
}
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/smoke.json', JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
