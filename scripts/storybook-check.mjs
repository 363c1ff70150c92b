// The published design system, checked as a ministry would host it: builds Storybook, serves the output as
// plain static files under a sub-path (/design-system/), and opens every story in Chromium. A story passes
// when it renders without Storybook's error overlay, its play function passes, axe (addon-a11y, run by
// Storybook itself after the play function) finds no violation, and the page logs no error. Every docs
// page (the guidance pages, the site pages) is opened too: it must render without an error, and every story
// it shows must finish, with its play function passing where the page runs it (`autoplay`).
// Each story and each docs page counts as one test in .test-results/storybook.json ({ passed, failed }).
//
//   node scripts/storybook-check.mjs            build, then check
//   node scripts/storybook-check.mjs --no-build check the existing storybook-static/
//   STORY=page-poll node scripts/storybook-check.mjs --no-build   only ids that contain "page-poll"
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';

const OUT = 'storybook-static';
const BASE = '/design-system/';
const RESULTS = '.test-results/storybook.json';
/** Pages checked side by side, each in its own browser context (own storage, own service worker). */
const WORKERS = Math.max(1, Number(process.env.STORYBOOK_WORKERS) || 2);
// Far above any story's own waits (a few seconds): a story that takes this long hangs.
const STORY_TIMEOUT_MS = 60_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function build() {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'build-storybook'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('storybook build failed');
  console.log(`Built ${OUT}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A plain file server: GET under BASE maps to OUT/, nothing else exists (no fallback, no rewriting). */
function serve() {
  const root = normalize(OUT);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(BASE)) return res.writeHead(404).end();
    let file = normalize(join(root, path.slice(BASE.length)));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs one entry in the preview page already open, through Storybook's own channel: `setCurrentStory`,
 * then the events the preview emits as the story loads, plays and finishes (with addon-a11y's report).
 */
function runInPage(page, id, viewMode) {
  return page.evaluate(
    ({ id, viewMode, timeout }) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const problems = [];
        const listeners = {};
        const listen = (name, handler) => channel.on(name, (listeners[name] = handler));
        const finish = (status, reporters = []) => {
          for (const [name, handler] of Object.entries(listeners)) channel.off(name, handler);
          clearTimeout(timer);
          const overlay = document.body.classList.contains('sb-show-errordisplay');
          if (overlay)
            problems.push(`error overlay: ${document.querySelector('#error-message')?.textContent?.trim() ?? ''}`);
          for (const report of reporters) {
            if (report.status !== 'failed') continue;
            const violations = report.result?.violations ?? [];
            if (report.type === 'a11y' && violations.length) {
              for (const violation of violations) {
                problems.push(
                  `axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
                );
              }
            } else
              problems.push(`${report.type} report failed: ${JSON.stringify(report.result?.error ?? report.result)}`);
          }
          resolve({ status, problems });
        };
        const timer = setTimeout(() => finish('timeout'), timeout);
        const error = (label) => (payload) => problems.push(`${label}: ${payload?.message ?? JSON.stringify(payload)}`);
        listen('playFunctionThrewException', error('play function'));
        listen('storyThrewException', error('story threw'));
        listen('storyErrored', error('story errored'));
        listen('unhandledErrorsWhilePlaying', error('unhandled errors'));
        listen('storyMissing', () => finish('missing'));
        if (viewMode === 'docs') {
          // A docs page is done when every story shown on it has finished (loaders, play with autoplay,
          // afterEach). Leaving earlier tears down a story still loading, and Storybook then reloads the
          // whole preview, which breaks whatever entry runs next.
          const finished = new Map();
          let rendered = false;
          const storiesOnPage = () =>
            [...document.querySelectorAll('.sb-story[id^="story--"]')].map((block) =>
              block.id.slice('story--'.length).replace(/--primary$/, ''),
            );
          const settle = () => {
            if (!rendered) return;
            const shown = storiesOnPage();
            if (!shown.every((storyId) => finished.has(storyId))) return;
            for (const storyId of shown)
              if (finished.get(storyId) !== 'success')
                problems.push(`story ${storyId} on the page: ${finished.get(storyId)}`);
            finish('success');
          };
          listen('storyFinished', ({ storyId, status }) => {
            finished.set(storyId, status);
            settle();
          });
          listen('docsRendered', (renderedId) => {
            if (renderedId !== id) return;
            rendered = true;
            // The story blocks mount with the page; give React one frame to put them in the DOM.
            requestAnimationFrame(() => setTimeout(settle));
          });
        } else {
          listen('storyFinished', ({ storyId, status, reporters }) => storyId === id && finish(status, reporters));
        }
        channel.emit('setCurrentStory', { storyId: id, viewMode });
      }),
    { id, viewMode, timeout: STORY_TIMEOUT_MS },
  );
}

/** A browser context with the preview loaded and ready; console errors land in `sink.errors`. */
async function openPreview(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sink = { errors: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every failed request. A failure of the stories' collector was scripted by the story
    // (a 500, a 503, a dropped connection), and its play function checks what the visitor sees instead.
    if (message.text().startsWith('Failed to load resource') && message.location().url.includes('/ep-dev/')) return;
    sink.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => sink.errors.push(`page error: ${error.message}`));
  // Nothing in a story may load another document (a form submitted to the page, a link followed, a
  // reload). Storybook's own story switches only rewrite the address, which loads nothing.
  page.on('domcontentloaded', () => {
    if (sink.loaded) sink.errors.push(`a new document loaded: ${page.url()}`);
  });
  await page.goto(`${origin}${BASE}iframe.html`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.ready && window.__STORYBOOK_ADDONS_CHANNEL__);
  await page.evaluate(() => window.__STORYBOOK_PREVIEW__.ready());
  sink.loaded = true;
  return { context, page, sink };
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const index = JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8'));
  const filter = process.env.STORY ?? '';
  const entries = Object.values(index.entries).filter((entry) => entry.id.includes(filter));
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found. Install one (apt-get install chromium) or set CHROME_PATH.');

  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  const started = Date.now();
  const queue = [...entries];
  const results = [];

  async function worker() {
    let preview = await openPreview(browser, origin);
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      preview.sink.errors.length = 0;
      const viewMode = entry.type === 'docs' ? 'docs' : 'story';
      const t0 = Date.now();
      const { status, problems } = await runInPage(preview.page, entry.id, viewMode).catch((error) => ({
        status: 'broken',
        problems: [`the preview page failed: ${error.message.split('\n')[0]}`],
      }));
      const all = [...problems, ...preview.sink.errors];
      if (status !== 'success') all.unshift(`status ${status}`);
      const passed = all.length === 0;
      results.push({ id: entry.id, passed, problems: all, ms: Date.now() - t0 });
      console.log(
        `${passed ? 'ok  ' : 'FAIL'} ${entry.id} (${Date.now() - t0} ms)${passed ? '' : `\n       ${all.join('\n       ')}`}`,
      );
      // A story that never finished (or navigated away) leaves its page in an unknown state: the next one gets a fresh page.
      if (status === 'timeout' || status === 'broken') {
        await preview.context.close();
        preview = await openPreview(browser, origin);
      }
    }
    await preview.context.close();
  }

  try {
    await Promise.all(Array.from({ length: Math.min(WORKERS, entries.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  const passed = results.filter((result) => result.passed).length;
  const failed = results.length - passed;
  const stories = entries.filter((entry) => entry.type === 'story').length;
  mkdirSync('.test-results', { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      { passed, failed, stories, docs: entries.length - stories, failures: results.filter((r) => !r.passed) },
      null,
      2,
    ),
  );
  console.log(
    `\nStorybook under ${BASE} as static files: ${entries.length} entries (${stories} stories), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  mkdirSync('.test-results', { recursive: true });
  writeFileSync(RESULTS, JSON.stringify({ passed: 0, failed: 1, error: String(error) }));
  process.exitCode = 1;
});
