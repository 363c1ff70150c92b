// `npm run bench:idea-box`: how <ep-idea-box> holds up with 500 published ideas, in Chromium, on a
// production build (minified, Lit without its dev mode) served with the in-memory collector. Not part of
// `npm test` (timings depend on the machine); its assertions on the page's size are in
// test/idea-box/list.test.ts. Prints, for page sizes 10 and 50: the first page's time to show, each "Show
// more" (request, render and focus on the first new idea), elements per idea, and the time of an update with
// all 500 shown (opening one description; supporting one idea).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';
import { createDevEndpoint } from '../tools/dev-endpoint.mjs';
import { minifyCssLiterals } from '../tools/minify-css-literals.mjs';

const IDEAS = 500;
const out = mkdtempSync(join(tmpdir(), 'ep-bench-'));
await build({
  configFile: false,
  logLevel: 'silent',
  plugins: [minifyCssLiterals()],
  build: {
    outDir: out,
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/ep-idea-box.ts', formats: ['es'], fileName: () => 'ep-idea-box.js' },
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});

const collector = createDevEndpoint();
const server = createServer(async (req, res) => {
  if (await collector(req, res)) return;
  if (req.url === '/ep-idea-box.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(readFileSync(join(out, 'ep-idea-box.js')));
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><body><script type="module" src="/ep-idea-box.js"></script></body></html>',
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

try {
  for (const pageSize of [10, 50]) {
    const page = await browser.newPage();
    await page.goto(origin);
    const space = `${origin}/ep-dev/bench-${pageSize}-${Date.now().toString(36)}`;
    await fetch(`${space}/__ideas`, { method: 'POST', body: JSON.stringify({ generate: IDEAS }) });
    const result = await page.evaluate(
      async ({ space, pageSize, ideas }) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        const until = async (test) => {
          while (!test()) await new Promise((resolve) => setTimeout(resolve, 2));
        };
        await customElements.whenDefined('ep-idea-box');
        const started = performance.now();
        const box = document.createElement('ep-idea-box');
        box.setAttribute('endpoint', space);
        box.setAttribute('view', 'list');
        box.setAttribute('page-size', String(pageSize));
        document.body.append(box);
        const root = box.shadowRoot;
        const shown = () => root.querySelectorAll('article').length;
        await until(() => shown() > 0);
        await frame();
        const first = performance.now() - started;
        const more = [];
        while (shown() < ideas) {
          const before = shown();
          const t0 = performance.now();
          root.querySelector('[part="more-button"]').click();
          await until(() => shown() > before && root.activeElement?.id === `idea-${before}-title`);
          await frame();
          more.push(performance.now() - t0);
        }
        const elements = root.querySelectorAll('*').length;
        const perIdea = root.querySelector('ol').querySelectorAll('*').length / shown();
        let t0 = performance.now();
        root.querySelectorAll('[part="read-more-button"]')[ideas - 1].click();
        await box.updateComplete;
        await frame();
        const expand = performance.now() - t0;
        t0 = performance.now();
        root.querySelectorAll('[part~="support-button"]')[ideas - 1].click();
        await until(
          () => root.querySelectorAll('[part~="support-button"]')[ideas - 1].getAttribute('aria-pressed') === 'true',
        );
        await frame();
        const support = performance.now() - t0;
        return { first, more, elements, perIdea, expand, support, shown: shown() };
      },
      { space, pageSize, ideas: IDEAS },
    );
    console.log(
      `page size ${pageSize}: first page shown in ${ms(result.first)}; ${result.more.length} × "Show more": median ${ms(median(result.more))}, ` +
        `first ${ms(result.more[0])}, last ${ms(result.more.at(-1))}, slowest ${ms(Math.max(...result.more))}`,
    );
    console.log(
      `  with all ${result.shown} shown: ${result.elements} elements in the shadow root (${result.perIdea} per idea); ` +
        `opening one description ${ms(result.expand)}; supporting one idea (pressed on screen) ${ms(result.support)}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
