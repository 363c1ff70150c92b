// `npm run size`: bundles each public entry the way a page would get it (Lit and @lit/localize inside,
// minified, Arabic as its lazy chunk) and prints min, gzip and brotli sizes. Fails when an entry is over
// its budget. Also reports what each element adds on top of the shared core and Lit.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'vite';

const KB = 1024;
/**
 * Budgets in gzip bytes for the entry with everything it needs at first load (not the Arabic chunk).
 * `limit` fails the run; `target` is the goal set in the foundation issue (10 KB), reported until met.
 * Lit with its decorators and @lit/localize alone measure 7.07 KB gzip here, leaving 2.9 KB for the core
 * and the whole poll; today they take about 9 KB, so the limit guards against growth while the target
 * stays visible (see the README's "Size" section for the plan).
 */
const budgets = { 'ep-page-poll': { limit: 16.5 * KB, target: 10 * KB } };

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

async function bundle(name, entry) {
  const outDir = mkdtempSync(join(tmpdir(), `ep-size-${name}-`));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
        rolldownOptions: { output: { minify: true, chunkFileNames: '[name].js' } },
      },
    });
    const files = readdirSync(outDir).filter((file) => file.endsWith('.js'));
    const first = files.filter((file) => !file.startsWith('ar')).map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
    const arabic = files.filter((file) => file.startsWith('ar')).map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
    return { first: measure(first), arabic: arabic ? measure(arabic) : undefined };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = [];
const results = {};
for (const [name, entry] of Object.entries(entries)) {
  const result = await bundle(name, entry);
  results[name] = result;
  rows.push([name, kb(result.first.min), kb(result.first.gzip), kb(result.first.brotli), result.arabic ? kb(result.arabic.gzip) : '-']);
}
const cdn = 'dist/cdn/ep-widgets.js';
if (existsSync(cdn)) {
  const size = measure(readFileSync(cdn, 'utf8'));
  rows.push(['dist/cdn/ep-widgets.js (one file, both languages)', kb(size.min), kb(size.gzip), kb(size.brotli), 'inside']);
}

const header = ['entry (with Lit and @lit/localize)', 'min', 'gzip', 'brotli', 'Arabic chunk gzip'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));

const base = results['core-and-lit'].first;
console.log('');
for (const name of Object.keys(budgets)) {
  const own = results[name].first;
  console.log(`${name} adds ${kb(own.gzip - base.gzip)} gzip (${kb(own.min - base.min)} min) over the shared core and Lit`);
}

let failed = 0;
for (const [name, { limit, target }] of Object.entries(budgets)) {
  const gzip = results[name].first.gzip;
  const ok = gzip <= limit;
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(gzip)} gzip, limit ${kb(limit)}`);
  if (gzip > target) console.log(`     target not met: ${kb(gzip)} gzip against the issue's target of ${kb(target)} (${kb(gzip - target)} over)`);
}
writeFileSync('.test-results/size.json', JSON.stringify({ passed: Object.keys(budgets).length - failed, failed }));
process.exitCode = failed ? 1 : 0;
