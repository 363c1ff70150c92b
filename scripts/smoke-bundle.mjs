// After the build, the built files in a real browser, as web teams would use them. Serves dist/ (and Lit,
// for the npm build's import map) with the in-memory collector on a local port, opens Debian's Chromium
// with playwright-core, and checks that: the one-file bundle loads twice without an error, renders styled
// in both languages and delivers a vote; the npm build, with its chunks loaded on demand, does the same
// up to the reasons; <ep-feedback> and <ep-consultation-card>, from either, send and confirm in both
// languages; <ep-idea-box>, from either, lists the collector's ideas and sends a support in both languages;
// and reserve.css holds the place (wide and narrow) until a late script arrives.
// Prints each check and writes { passed, failed } for npm test's summary.
import { createServer } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { createDevEndpoint } from '../tools/dev-endpoint.mjs';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';
import { checks } from '../tools/checks.mjs';
import { chunksOnDisk, pageBytes } from './host-page-size.mjs';
const { version: VERSION } = JSON.parse(readFileSync('package.json', 'utf8'));
import { committedNeeds } from './split-locales.mjs';

/**
 * The script arrives late (as on a slow network) after reserve.css: the place must be held meanwhile; with
 * `show-changes` (`attributes`), for the question and the page's note together, which its space collector has.
 */
const slowPage =
  (name, attributes = '') =>
  (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-${name}-${lang}">
<link rel="stylesheet" href="/dist/reserve.css">
<script type="module" src="/dist/cdn/ep-widgets.js?slow"></script>
</head><body style="margin:0"><main><p>Text</p><ep-page-poll ${attributes}></ep-page-poll><p id="after">After</p></main></body></html>`;

/** Lit for the npm build, which leaves it to the application: here from node_modules, by an import map. */
const importMap = `<script type="importmap">${JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
  },
})}</script>`;

/**
 * The npm build as a page without a bundler would use it: Lit from an import map (the build leaves it to
 * the application), the registering entry, and its chunks loaded on demand.
 */
const npmPage = (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-npm-${lang}">
${importMap}
<script type="module">import '/dist/ep-page-poll.js';</script>
</head><body><main><h1>Service</h1><ep-page-poll></ep-page-poll></main></body></html>`;

/** <ep-feedback> from the npm build (its own entry, Lit from the import map) or from the one-file bundle. */
const feedbackPage = (from) => (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-feedback-${from}-${lang}">
${from === 'npm' ? `${importMap}<script type="module">import '/dist/ep-feedback.js';</script>` : '<script type="module" src="/dist/cdn/ep-widgets.js"></script>'}
</head><body><main><h1>Service</h1><ep-feedback min-fill-time="0"></ep-feedback></main></body></html>`;

/** <ep-lab-invite> from the npm build or from the one-file bundle: a sign-up and its withdrawal code. */
const labPage = (from) => (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-lab-${from}-${lang}">
${from === 'npm' ? `${importMap}<script type="module">import '/dist/ep-lab-invite.js';</script>` : '<script type="module" src="/dist/cdn/ep-widgets.js"></script>'}
</head><body><main><h1>Service</h1><ep-lab-invite min-fill-time="0"></ep-lab-invite></main></body></html>`;

/** <ep-idea-box> from the npm build or from the one-file bundle, reading the ideas its space publishes. */
const ideasPage = (from) => (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-ideas-${from}-${lang}">
${from === 'npm' ? `${importMap}<script type="module">import '/dist/ep-idea-box.js';</script>` : '<script type="module" src="/dist/cdn/ep-widgets.js"></script>'}
</head><body><main><h1>Service</h1><ep-idea-box view="list"></ep-idea-box></main></body></html>`;

/** <ep-consultation-card> from the npm build or the one-file bundle: a sample consultation of the collector, open now. */
const consultationPage = (from) => (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-consultation-${from}-${lang}">
${from === 'npm' ? `${importMap}<script type="module">import '/dist/ep-consultation-card.js';</script>` : '<script type="module" src="/dist/cdn/ep-widgets.js"></script>'}
</head><body><main><h1>Service</h1><ep-consultation-card consultation-id="shaded-walkways" min-fill-time="0"></ep-consultation-card></main></body></html>`;

/** Only the autoloader and a poll: the poll's files load, and an element added later loads its own. */
const autoloaderPage = (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-auto-${lang}">
<script type="module" src="/dist/cdn/autoloader.js"></script>
</head><body><main><h1>Service</h1><ep-page-poll></ep-page-poll><div id="later"></div></main></body></html>`;

/** The same with no endpoint anywhere: a page set up wrong, whose web team the console tells. */
const unsetPage = (lang, dir) => autoloaderPage(lang, dir).replace(/<meta name="ep-endpoint"[^>]*>\n/, '');

/** The same after another version of the library took the poll's tag: the web team is told on the console. */
const takenPage = (lang, dir) =>
  autoloaderPage(lang, dir).replace(
    '<script type="module" src="/dist/cdn/autoloader.js">',
    `<script>customElements.define('ep-page-poll', class extends HTMLElement { static version = '0.9.0'; });</script>
<script type="module" src="/dist/cdn/autoloader.js">`,
  );

/** The same, its files gzipped as a web server sends them (under /gz/), for the byte count. */
const bytesPage = (lang, dir) =>
  autoloaderPage(lang, dir)
    .replace('/dist/cdn/', '/gz/dist/cdn/')
    .replace('smoke-auto-', 'smoke-bytes-')
    // Below the fold, as on most pages: a poll in view starts loading its rest as soon as it is connected
    // (ep-page-poll.ts), which on an Arabic page is before its first render, still waiting for its strings.
    .replace('<ep-page-poll>', '<div style="block-size: 300vh"></div><ep-page-poll>')
    .replace('</main>', `</main><script>${firstRenderWatch}</script>`);

/** Notes when the poll's question and buttons are first there: what starts after it, the first render did not need. */
const firstRenderWatch = `customElements.whenDefined('ep-page-poll').then(() => {
  const root = document.querySelector('ep-page-poll').shadowRoot;
  const rendered = () => root.querySelectorAll('button').length >= 2;
  if (rendered()) return (window.firstRenderAt = performance.now());
  // A mutation observer's callback runs right after the render that adds the buttons, before any frame.
  const watch = new MutationObserver(() => {
    if (rendered()) watch.disconnect(), (window.firstRenderAt = performance.now());
  });
  watch.observe(root, { childList: true, subtree: true });
});`;

const page = (lang, dir) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Smoke</title>
<meta name="ep-endpoint" content="/ep-dev/smoke-${lang}">
<script type="module" src="/dist/cdn/ep-widgets.js"></script>
<script type="module" src="/dist/cdn/ep-widgets.js?again"></script>
</head><body><main><h1>Service</h1><ep-page-poll></ep-page-poll></main></body></html>`;

const endpoint = createDevEndpoint();
// The late script is held until the check has measured the page without it (a fixed delay raced a busy machine).
let releaseSlowScript = () => {};
let slowScriptReleased = Promise.resolve();
const holdSlowScript = () => {
  slowScriptReleased = new Promise((resolve) => (releaseSlowScript = resolve));
};
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  if (await endpoint(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pageNames =
    'page|auto|unset|taken|bytes|slow|slow-changes|npm|feedback-npm|feedback-cdn|ideas-npm|ideas-cdn|consultation-npm|consultation-cdn|lab-npm|lab-cdn';
  const match = new RegExp(`^/(${pageNames})-(en|ar)\\.html$`).exec(url.pathname);
  if (match) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const pages = {
      page,
      auto: autoloaderPage,
      unset: unsetPage,
      taken: takenPage,
      bytes: bytesPage,
      slow: slowPage('slow'),
      'slow-changes': slowPage('slow-changes', 'show-changes'),
      npm: npmPage,
      'feedback-npm': feedbackPage('npm'),
      'feedback-cdn': feedbackPage('cdn'),
      'ideas-npm': ideasPage('npm'),
      'ideas-cdn': ideasPage('cdn'),
      'consultation-npm': consultationPage('npm'),
      'consultation-cdn': consultationPage('cdn'),
      'lab-npm': labPage('npm'),
      'lab-cdn': labPage('cdn'),
    };
    return res.end(pages[match[1]](match[2], match[2] === 'ar' ? 'rtl' : 'ltr'));
  }
  if (url.search === '?slow') await slowScriptReleased;
  const gzipped = url.pathname.startsWith('/gz/');
  const file = normalize(join('.', gzipped ? url.pathname.slice(3) : url.pathname));
  const lit = /^node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(file);
  if (!file.startsWith('dist/') && !lit) return res.writeHead(404).end();
  try {
    const body = readFileSync(file);
    const type = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
    // Level 9, as scripts/host-page-size.mjs counts: the byte count below must agree with `npm run size`.
    if (gzipped) return res.writeHead(200, { ...type, 'content-encoding': 'gzip' }).end(gzipSync(body, { level: 9 }));
    res.writeHead(200, type);
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const { check, finish } = checks();

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });

/** A tab on one of the pages above, with the poll's locator and the page errors it collects. */
async function open(path) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${base}${path}`);
  return { tab, errors, poll: tab.locator('ep-page-poll') };
}
try {
  for (const [lang, question, yes] of [
    ['en', 'Was this page useful?', 'Yes'],
    ['ar', 'هل كانت هذه الصفحة مفيدة؟', 'نعم'],
  ]) {
    const { tab, errors, poll } = await open(`/page-${lang}.html`);
    await tab.waitForFunction(() => customElements.get('ep-page-poll') !== undefined);
    const heading = poll.locator('#question');
    await heading.waitFor();
    check(`${lang}: the bundle loaded twice without an error`, errors.length === 0, errors.join('; '));
    check(`${lang}: the question renders in the page's language`, (await heading.textContent())?.trim() === question);
    const styles = await poll.evaluate((host) => {
      const button = host.shadowRoot.querySelector('button');
      const base = host.shadowRoot.querySelector('[part="base"]');
      return {
        reserved: getComputedStyle(host).minHeight,
        button: button.getBoundingClientRect().height,
        dir: getComputedStyle(base).direction,
      };
    });
    check(
      `${lang}: styles applied (reserved height, 24px+ targets, direction)`,
      styles.reserved === '88px' && styles.button >= 24 && styles.dir === (lang === 'ar' ? 'rtl' : 'ltr'),
      JSON.stringify(styles),
    );
    await poll.getByRole('button', { name: yes }).click();
    await poll.locator('fieldset').waitFor();
    const log = await (await fetch(`${base}/ep-dev/smoke-${lang}/__log`)).json();
    check(
      `${lang}: the vote reached the endpoint`,
      log.length >= 1 && log[0].body?.kind === 'page-vote' && log[0].body?.locale === lang,
      JSON.stringify(log[0]),
    );
    await tab.close();
  }
  for (const [lang, question, yes, send] of [
    ['en', 'Was this page useful?', 'Yes', 'Send message'],
    ['ar', 'هل كانت هذه الصفحة مفيدة؟', 'نعم', 'إرسال الرسالة'],
  ]) {
    const { tab, errors, poll } = await open(`/auto-${lang}.html`);
    const fetched = () =>
      tab.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    await poll.getByRole('button', { name: yes }).waitFor();
    const heading = (await poll.locator('#question').textContent())?.trim();
    const pollOnly = await tab.evaluate(
      () => customElements.get('ep-page-poll') !== undefined && customElements.get('ep-feedback') === undefined,
    );
    check(
      `${lang}: the autoloader defines the poll on the page and loads no other element's module`,
      errors.length === 0 &&
        heading === question &&
        pollOnly &&
        !(await fetched()).some((path) => /ep-(feedback|idea-box|consultation-card|lab-invite)\.js$/.test(path)),
      JSON.stringify({ errors, heading, pollOnly, fetched: await fetched() }),
    );
    await poll.getByRole('button', { name: yes }).click();
    await poll.locator('fieldset').waitFor();
    check(
      `${lang}: a working page never downloads the console messages for a page set up wrong`,
      !(await fetched()).some((path) => /\/diagnostics-[^/]+\.js$/.test(path)),
      JSON.stringify(await fetched()),
    );
    const log = await (await fetch(`${base}/ep-dev/smoke-auto-${lang}/__log`)).json();
    check(
      `${lang}: a poll loaded by the autoloader delivers its vote`,
      log[0]?.body?.kind === 'page-vote' && log[0]?.body?.locale === lang,
      JSON.stringify(log[0]),
    );
    // Added after the autoloader ran, inside a container, as a single-page app or a CMS block would.
    await tab.evaluate(() => {
      const block = document.createElement('section');
      block.innerHTML = '<ep-feedback min-fill-time="0"></ep-feedback>';
      document.getElementById('later').append(block);
    });
    const form = tab.locator('ep-feedback');
    await form.getByRole('button', { name: send }).waitFor();
    check(
      `${lang}: the autoloader defines an element added later and loads its module`,
      errors.length === 0 &&
        (await tab.evaluate(() => customElements.get('ep-feedback') !== undefined)) &&
        (await fetched()).some((path) => path.endsWith('/ep-feedback.js')),
      JSON.stringify({ errors, fetched: await fetched() }),
    );
    // Inside another component's shadow root, which a page cannot see into: that component hands its root to
    // the autoloader's discover(), which loads what is there and what is added to it later.
    await tab.evaluate(async () => {
      const { discover } = await import('/dist/cdn/autoloader.js');
      const host = document.createElement('div');
      document.getElementById('later').append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<ep-idea-box view="form" min-fill-time="0"></ep-idea-box>';
      discover(root);
      root.append(document.createElement('ep-consultation-card'));
    });
    const inShadow = () =>
      tab.evaluate(() => ['ep-idea-box', 'ep-consultation-card'].map((tag) => customElements.get(tag) !== undefined));
    await tab
      .waitForFunction(() => customElements.get('ep-consultation-card') && customElements.get('ep-idea-box'), null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    check(
      `${lang}: discover(shadowRoot) loads the elements in a component's shadow root, and one added to it later`,
      errors.length === 0 && (await inShadow()).every(Boolean),
      JSON.stringify({ errors, defined: await inShadow() }),
    );
    await tab.close();
  }
  /** Opens `path` in a new tab; `said` is the first console message of `type` it logs ('(none)' after 10 s). */
  const openForConsole = async (path, type) => {
    const tab = await browser.newPage();
    const logged = new Promise((resolve) =>
      tab.on('console', (message) => message.type() === type && resolve(message.text())),
    );
    await tab.goto(`${base}${path}`);
    const none = new Promise((resolve) => setTimeout(() => resolve('(none)'), 10_000));
    return { tab, said: Promise.race([logged, none]) };
  };
  {
    // No endpoint: the poll says "not available", and the web team's message comes from its own file.
    const { tab, said } = await openForConsole('/unset-en.html', 'error');
    await tab.locator('ep-page-poll [part="unavailable"]').waitFor();
    const message = await said;
    const fetched = await tab.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    check(
      'en: a page with no endpoint is told so on the console, from the console messages file',
      /<ep-page-poll>: no endpoint is configured/.test(message) &&
        fetched.some((path) => /\/diagnostics-[^/]+\.js$/.test(path)),
      JSON.stringify({ message, fetched }),
    );
    await tab.close();
  }
  {
    // Another version took the tag first: the autoloader leaves it, and says so as the element's own file would.
    const { tab, said } = await openForConsole('/taken-en.html', 'warning');
    const message = await said;
    check(
      'en: the autoloader tells the web team when another version of the library already took a tag',
      message ===
        'ep-widgets: <ep-page-poll> v' + VERSION + ' not registered: the page already has <ep-page-poll> v0.9.0.',
      message,
    );
    await tab.close();
  }
  {
    // An Arabic page with only the poll and the autoloader: what Chromium fetched, as the host page feels it.
    const { tab, errors, poll } = await open('/bytes-ar.html');
    const fetched = (until) =>
      tab.evaluate(
        (until) =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => new URL(entry.name).pathname.startsWith('/gz/') && entry.startTime <= until)
            .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        until,
      );
    await poll.getByRole('button', { name: 'نعم' }).waitFor();
    await poll.getByRole('button', { name: 'لا' }).waitFor();
    await tab.waitForFunction(() => window.firstRenderAt !== undefined);
    const firstRenderAt = await tab.evaluate(() => window.firstRenderAt);
    const beforeFirstRender = await fetched(firstRenderAt);
    const files = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map(
            ({ name, startTime, encodedBodySize }) =>
              `${name.replace(/^.*\//, '')} ${Math.round(startTime)} ${encodedBodySize}`,
          ),
      );
    await poll.getByRole('button', { name: 'نعم' }).click();
    await poll.locator('fieldset').waitFor();
    // The comment's personal-data check loads as the visitor types.
    await poll.locator('textarea').fill('رقم هاتفي 0501234567');
    await tab.waitForTimeout(500);
    const afterVote = await fetched(Infinity);
    const chunks = chunksOnDisk('dist/cdn');
    const needs = committedNeeds(resolvePath('src'));
    const expected = {
      first: pageBytes(chunks, needs, { tags: ['ep-page-poll'], locale: 'ar', phase: 'first' }),
      all: pageBytes(chunks, needs, { tags: ['ep-page-poll'], locale: 'ar', phase: 'all' }),
    };
    const near = (measured, counted) => Math.abs(measured - counted) <= 0.05 * counted;
    check(
      'ar: the bytes Chromium fetched for a poll by the autoloader agree with npm run size within 5% ' +
        `(before its first render ${beforeFirstRender}, expected ${expected.first}; ` +
        `after a vote ${afterVote}, expected ${expected.all})`,
      errors.length === 0 && near(beforeFirstRender, expected.first) && near(afterVote, expected.all),
      JSON.stringify({ errors, firstRenderAt, files: await files() }),
    );
    await tab.close();
  }
  for (const [lang, yes, why] of [
    ['en', 'Yes', 'Please tell us why (select up to two options)'],
    ['ar', 'نعم', 'يُرجى إخبارنا بالسبب (اختر خيارين على الأكثر)'],
  ]) {
    const { tab, errors, poll } = await open(`/npm-${lang}.html`);
    await poll.locator('#question').waitFor();
    await poll.getByRole('button', { name: yes }).click();
    await poll.locator('legend').waitFor();
    const legend = (await poll.locator('legend').textContent())?.trim();
    const log = await (await fetch(`${base}/ep-dev/smoke-npm-${lang}/__log`)).json();
    check(
      `${lang}: the npm build (Lit from an import map, chunks on demand) asks why after a vote`,
      errors.length === 0 && legend === why && log[0]?.body?.kind === 'page-vote',
      JSON.stringify({ errors, legend, kind: log[0]?.body?.kind }),
    );
    await tab.close();
  }
  for (const from of ['npm', 'cdn']) {
    for (const [lang, send, sentTitle] of [
      ['en', 'Send message', 'Your message has been sent'],
      ['ar', 'إرسال الرسالة', 'أُرسلت رسالتك'],
    ]) {
      const { tab, errors } = await open(`/feedback-${from}-${lang}.html`);
      const form = tab.locator('ep-feedback');
      await form.locator('form').waitFor();
      await form.locator('input[name="type"]').first().check();
      await form.locator('#message').fill('A message long enough to send.');
      await form.getByRole('button', { name: send }).click();
      await form.locator('[part="reference"]').waitFor();
      const title = (await form.locator('.confirmation-title').textContent())?.trim();
      const log = await (await fetch(`${base}/ep-dev/smoke-feedback-${from}-${lang}/__log`)).json();
      check(
        `${lang}: <ep-feedback> from the ${from === 'npm' ? 'npm build (Lit from an import map, the transport on demand)' : 'one-file bundle'} sends and confirms`,
        errors.length === 0 &&
          title === sentTitle &&
          log[0]?.body?.kind === 'feedback' &&
          log[0]?.body?.locale === lang,
        JSON.stringify({ errors, title, kind: log[0]?.body?.kind }),
      );
      await tab.close();
    }
  }
  for (const from of ['npm', 'cdn']) {
    for (const lang of ['en', 'ar']) {
      const { tab, errors } = await open(`/lab-${from}-${lang}.html`);
      const lab = tab.locator('ep-lab-invite');
      await lab.locator('form').waitFor();
      await lab.locator('input[name="sessions"][value="prototype"]').check();
      await lab.locator('input[name="attendance"][value="online"]').check();
      await lab.locator('input[name="language"][value="ar"]').check();
      await lab.locator('#name').fill('سارة الحربي');
      await lab.locator('#email').fill('sara@example.sa');
      await lab.locator('#consent').check();
      await lab.locator('[part~="send-button"]').click();
      const code = (await lab.locator('[part="withdrawal-code"]').textContent({ timeout: 10_000 }))?.trim();
      const log = await (await fetch(`${base}/ep-dev/smoke-lab-${from}-${lang}/__log`)).json();
      check(
        `${lang}: <ep-lab-invite> from the ${from === 'npm' ? 'npm build' : 'one-file bundle'} signs up and shows the withdrawal code`,
        errors.length === 0 &&
          /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code ?? '') &&
          log.some((entry) => entry.body?.kind === 'lab-signup' && entry.body?.locale === lang),
        JSON.stringify({ errors, code }),
      );
      await tab.close();
    }
  }
  for (const from of ['npm', 'cdn']) {
    for (const [lang, shown, support] of [
      ['en', 'Showing 2 of 2 ideas', 'Support'],
      ['ar', 'تُعرض ٢ من أصل فكرتين', 'تأييد'],
    ]) {
      const space = `${base}/ep-dev/smoke-ideas-${from}-${lang}`;
      await fetch(`${space}/__ideas`, { method: 'POST', body: JSON.stringify({ generate: 2 }) });
      const { tab, errors } = await open(`/ideas-${from}-${lang}.html`);
      const box = tab.locator('ep-idea-box');
      await box.locator('article').first().waitFor();
      const status = (await box.locator('[part="list-status"]').textContent())?.trim();
      await box.getByRole('button', { name: support }).first().click();
      await tab.waitForFunction(
        (url) =>
          fetch(url)
            .then((r) => r.json())
            .then((log) => log.some((entry) => entry.route === 'submissions')),
        `${space}/__log`,
      );
      const log = (await (await fetch(`${space}/__log`)).json()).filter((entry) => entry.route === 'submissions');
      check(
        `${lang}: <ep-idea-box> from the ${from === 'npm' ? 'npm build (Lit from an import map)' : 'one-file bundle'} lists the ideas and sends a support`,
        errors.length === 0 &&
          status === shown &&
          log[0]?.body?.kind === 'idea-support' &&
          log[0]?.body?.locale === lang,
        JSON.stringify({ errors, status, kind: log[0]?.body?.kind }),
      );
      await tab.close();
    }
  }
  for (const from of ['npm', 'cdn']) {
    for (const [lang, support, thanks] of [
      ['en', 'Support', 'Thank you. Your view was sent.'],
      ['ar', 'مؤيد', 'شكرًا لك، أُرسل رأيك.'],
    ]) {
      const { tab, errors } = await open(`/consultation-${from}-${lang}.html`);
      const card = tab.locator('ep-consultation-card');
      await card.locator('form').waitFor();
      await card.getByLabel(support, { exact: true }).check();
      await card.locator('[part~="send-button"]').click();
      await card.locator('.your-view').waitFor();
      const title = (await card.locator('.your-view [role="heading"]').textContent())?.trim();
      const log = await (await fetch(`${base}/ep-dev/smoke-consultation-${from}-${lang}/__log`)).json();
      const sent = log.find((entry) => entry.route === 'submissions')?.body;
      check(
        `${lang}: <ep-consultation-card> from the ${from === 'npm' ? 'npm build (Lit from an import map, the transport on demand)' : 'one-file bundle'} loads a consultation and sends a view`,
        errors.length === 0 &&
          title === thanks &&
          sent?.kind === 'consultation-view' &&
          sent?.data?.stance === 'support' &&
          sent?.locale === lang,
        JSON.stringify({ errors, title, kind: sent?.kind }),
      );
      await tab.close();
    }
  }
  // The page's note, for the polls with show-changes (keyed by the page's address, as the poll reads it).
  for (const lang of ['en', 'ar']) {
    await fetch(`${base}/ep-dev/smoke-slow-changes-${lang}/__changes`, {
      method: 'POST',
      body: JSON.stringify({
        page: `${base}/slow-changes-${lang}.html`,
        note: {
          date: '2026-03-01',
          text: { en: 'On 1 March 2026 we moved the form up.', ar: 'نقلنا النموذج إلى الأعلى.' },
        },
      }),
    });
  }
  for (const [name, ready] of [
    ['slow', 'ep-page-poll #question'],
    ['slow-changes', 'ep-page-poll [part="changes"]'],
  ]) {
    for (const [width, lang] of [
      [1280, 'en'],
      [1280, 'ar'],
      [360, 'en'],
      [360, 'ar'],
    ]) {
      const tab = await browser.newPage({ viewport: { width, height: 800 } });
      holdSlowScript();
      // Not waiting for the load event: that would wait for the (held back) script too.
      await tab.goto(`${base}/${name}-${lang}.html`, { waitUntil: 'commit' });
      await tab.waitForSelector('#after', { state: 'attached' });
      const before = await tab.evaluate(() => ({
        defined: Boolean(customElements.get('ep-page-poll')),
        top: document.getElementById('after').getBoundingClientRect().top,
      }));
      releaseSlowScript();
      await tab.locator(ready).waitFor();
      const after = await tab.evaluate(() => document.getElementById('after').getBoundingClientRect().top);
      check(
        `${lang} at ${width}px: reserve.css holds the place until the script arrives (no shift)${name === 'slow-changes' ? ', with show-changes until its note is shown' : ''}`,
        !before.defined && before.top === after,
        `before ${JSON.stringify(before)}, after ${after}`,
      );
      await tab.close();
    }
  }
} catch (error) {
  check('the bundle smoke run finished', false, String(error));
} finally {
  await browser.close();
  server.close();
}
finish('smoke.json');
