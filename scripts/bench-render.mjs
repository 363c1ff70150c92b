// `npm run bench:render`: how long the elements take to render beside a bare custom element with the same DOM,
// in Chromium, on the script-tag build (dist/cdn/, minified, Lit without its dev mode; run `npm run build`
// first). 100 polls and 20 feedback forms; the bare element attaches a shadow root, adopts the element's own
// stylesheets and clones one <template> of the element's rendered DOM. Runs alternate element and bare element,
// five of each after one of each to warm up, and the medians are compared. The element's time runs until its
// updateComplete, then style and layout. For a poll that is its question: the rest of a poll in view loads only
// once the IntersectionObserver reports it, after the first frame, so outside this time (as the bare element has
// no such part). Not part of `npm test`: timings depend on the machine.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';

const RUNS = 5;
const cases = [
  { tag: 'ep-page-poll', count: 100, goal: 1.3 },
  { tag: 'ep-feedback', count: 20 },
];

if (!existsSync('dist/cdn/autoloader.js')) throw new Error('dist/cdn/ is missing: run npm run build first');

const page = `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Render bench</title>
<meta name="ep-endpoint" content="/ep-bench"></head><body><main id="stage"></main></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const file = normalize(join('.', path));
  if (!file.startsWith('dist/cdn/') || !existsSync(file)) return res.writeHead(404).end();
  const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const tab = await browser.newPage();
  await tab.goto(`${base}/`);
  for (const { tag, count, goal } of cases) {
    // One element rendered gives the bare element its DOM and stylesheets.
    await tab.evaluate(async (tag) => {
      await import(`/dist/cdn/${tag}.js`);
      const sample = document.createElement(tag);
      document.getElementById('stage').append(sample);
      await sample.updateComplete;
      const template = document.createElement('template');
      template.innerHTML = sample.shadowRoot.innerHTML;
      const sheets = sample.shadowRoot.adoptedStyleSheets;
      customElements.define(
        `bare-${tag}`,
        class extends HTMLElement {
          connectedCallback() {
            if (this.shadowRoot) return;
            const root = this.attachShadow({ mode: 'open' });
            root.adoptedStyleSheets = sheets;
            root.append(template.content.cloneNode(true));
          }
        },
      );
      sample.remove();
    }, tag);
    const times = { element: [], bare: [] };
    // The first run of each warms the caches and the compiler; it is not counted.
    for (let run = -1; run < RUNS; run += 1) {
      for (const kind of ['element', 'bare']) {
        const ms = await tab.evaluate(
          async ({ name, count }) => {
            const stage = document.getElementById('stage');
            stage.replaceChildren();
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
            const start = performance.now();
            const host = document.createElement('div');
            host.innerHTML = `<${name}></${name}>`.repeat(count);
            stage.append(host);
            await Promise.all([...host.children].map((element) => element.updateComplete));
            void document.body.offsetHeight; // style and layout of what was rendered
            return performance.now() - start;
          },
          { name: kind === 'bare' ? `bare-${tag}` : tag, count },
        );
        if (run >= 0) times[kind].push(ms);
      }
    }
    const ratio = median(times.element) / median(times.bare);
    console.log(
      `${count} × <${tag}>: median ${median(times.element).toFixed(1)} ms, ` +
        `bare element ${median(times.bare).toFixed(1)} ms, ` +
        `ratio ${ratio.toFixed(2)}${goal ? ` (goal ≤ ${goal})` : ''}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
