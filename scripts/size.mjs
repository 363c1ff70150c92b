// `npm run size`: bundles each public entry the way a page would get it (Lit and @lit/localize inside,
// minified, Arabic as its lazy chunk) and prints min, gzip and brotli sizes. Fails when an entry is over
// its budget. Also reports what each element adds on top of the shared core and Lit.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'vite';
import { minifyCssLiterals } from '../tools/minify-css-literals.mjs';

const KB = 1024;
/**
 * Budgets in gzip bytes for what a page loads before the element's first render (the entry and its static
 * imports; not the chunks it loads on demand, nor the Arabic strings), from the foundation issue. Lit with
 * its decorators and @lit/localize alone measure about 7 KB of it.
 */
const budgets = { 'ep-page-poll': 10 * KB };

const entries = {
  'core-and-lit': 'src/core/ep-element.ts',
  'ep-page-poll': 'src/ep-page-poll.ts',
  all: 'src/all.ts',
};

function measure(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Bundles one entry the way an application's bundler would ship it to a browser: everything the entry
 * needs before its first render in one file (the `$initial` group), each on-demand part in its own chunk.
 * Then sizes what a browser downloads: each file compressed on its own, summed per phase: first load
 * (entry and static imports), later (on demand), and the Arabic strings (which Arabic pages wait for).
 */
async function bundle(entry) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyCssLiterals()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      rolldownOptions: {
        output: { minify: true, chunkFileNames: '[name]-[hash].js', codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] } },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const firstLoad = new Set();
  const visit = (fileName) => {
    if (firstLoad.has(fileName)) return;
    firstLoad.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(chunks.find((chunk) => chunk.isEntry).fileName);
  const isArabic = (chunk) => chunk.facadeModuleId?.includes('/generated/locales/');
  const sum = (list) =>
    list.map((chunk) => measure(chunk.code)).reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { min: 0, gzip: 0, brotli: 0 });
  return {
    first: sum(chunks.filter((chunk) => firstLoad.has(chunk.fileName))),
    lazy: sum(chunks.filter((chunk) => !firstLoad.has(chunk.fileName) && !isArabic(chunk))),
    all: sum(chunks.filter((chunk) => !isArabic(chunk))),
    arabic: chunks.some(isArabic) ? sum(chunks.filter(isArabic)) : undefined,
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = [];
const results = {};
for (const [name, entry] of Object.entries(entries)) {
  const result = await bundle(entry);
  results[name] = result;
  rows.push([name, kb(result.first.min), kb(result.first.gzip), kb(result.first.brotli), kb(result.lazy.gzip), kb(result.all.gzip), result.arabic ? kb(result.arabic.gzip) : '-']);
}
const cdn = 'dist/cdn/ep-widgets.js';
if (existsSync(cdn)) {
  const size = measure(readFileSync(cdn, 'utf8'));
  rows.push(['dist/cdn/ep-widgets.js (one file, both languages)', kb(size.min), kb(size.gzip), kb(size.brotli), '-', kb(size.gzip), 'inside']);
}

const header = ['entry, with Lit and @lit/localize', 'first load min', 'gzip', 'brotli', 'loaded later gzip', 'all gzip', 'Arabic gzip'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));

const base = results['core-and-lit'].first;
console.log('');
for (const name of Object.keys(budgets)) {
  const { first, all } = results[name];
  console.log(`${name} adds ${kb(first.gzip - base.gzip)} gzip to the first load over the shared core and Lit (${kb(all.gzip - base.gzip)} with what it loads later)`);
}

let failed = 0;
for (const [name, budget] of Object.entries(budgets)) {
  const gzip = results[name].first.gzip;
  const ok = gzip <= budget;
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: first load ${gzip} bytes gzip, budget ${budget} (${budget - gzip} to spare)`);
}
writeFileSync('.test-results/size.json', JSON.stringify({ passed: Object.keys(budgets).length - failed, failed }));
process.exitCode = failed ? 1 : 0;
