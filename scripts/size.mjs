// `npm run size`: bundles each public entry the way a page would get it (Lit and @lit/localize inside,
// minified, Arabic as its lazy chunk) and prints min, gzip and brotli sizes. Fails when an entry is over
// its budget. Also reports what each element adds on top of the base element and Lit, and what its own code
// adds on top of the shared code it uses (Lit, @lit/localize, src/core); fails when that is over budget.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'vite';
import { minifyCssLiterals } from '../tools/minify-css-literals.mjs';
import { shortMessageIds } from '../tools/short-message-ids.mjs';
import { cdnConfig, namedIdsOnly } from '../vite.cdn.config.mjs';
import { chunksOfOutput, pageBytes } from './host-page-size.mjs';
import { committedNeeds } from './split-locales.mjs';
import { writeSizePage } from './size-page.mjs';

const KB = 1024;
/**
 * Budgets in gzip bytes for what a page loads before the element's first render (the entry and its static
 * imports; not the chunks it loads on demand, nor the Arabic strings). Lit with its decorators and
 * @lit/localize alone measure about 7 KB of it. Besides the poll's question, the poll's first load carries the
 * DOM stand-in (imports on a server), the version warning, the string parts' runtime (an Arabic page waits for
 * 0.3 KB of strings instead of 4.8 KB) and the retry of a failed download under a new query. The budget is
 * the measured figure rounded up to 50 bytes: the chunk names a build picks move it by a few bytes.
 */
const budgets = { 'ep-page-poll': 10900 };

/**
 * Budgets in gzip bytes for what an entry loads on demand, after its first render: the poll's reasons, comment,
 * transport and outbox. Issue 13 asked for the poll's under the 12.21 KB it measured (12,503 B), which it came to
 * (12,475 B) before the poll kept the visitor's reasons and comment across a reload (a session draft, 364 B);
 * since then it is a guard, set as the host-page guards below are.
 */
const laterBudgets = { 'ep-page-poll': 13300 };

/**
 * Budgets in gzip bytes for what an element adds, first load and on demand together, over the shared code
 * it uses: Lit, @lit/localize and the src/core modules in its bundle (see sharedBaseline below). From issues 4,
 * 5 and 6; the card's raised by 0.25 KB for the consultation's type and its link to Istitlaa (issue 18).
 */
const addedBudgets = {
  'ep-feedback': 4 * KB,
  'ep-idea-box': 5 * KB,
  'ep-consultation-card': 5.25 * KB,
  'ep-lab-invite': 4 * KB,
};

const entries = {
  'core-and-lit': 'src/core/element/ep-element.ts',
  'ep-page-poll': 'src/ep-page-poll.ts',
  'ep-feedback': 'src/ep-feedback.ts',
  'ep-idea-box': 'src/ep-idea-box.ts',
  'ep-consultation-card': 'src/ep-consultation-card.ts',
  'ep-lab-invite': 'src/ep-lab-invite.ts',
  all: 'src/all.ts',
};

/** The elements whose own cost is reported (entries that register one element). */
const elements = ['ep-page-poll', 'ep-feedback', 'ep-idea-box', 'ep-consultation-card', 'ep-lab-invite'];

/**
 * Issue 14's budgets for what a host page downloads through cdn/autoloader.js (Lit included, gzip, each file
 * compressed on its own as a server sends it; scripts/host-page-size.mjs). Where the issue's budget is not met,
 * `guard` is the figure measured when the guard was set, at least 25 bytes above it and rounded up to 50 (a
 * change elsewhere renames chunks, which moves a figure by a few bytes): it keeps the figure from getting
 * worse and is NOT the issue's budget, which stays reported as not met until it holds. What moved each guard,
 * and by how much, is in the commit that moved it.
 */
const hostBudgets = [
  { tags: ['ep-page-poll'], locale: 'en', phase: 'first', budget: 9.0 * KB, guard: 11700 },
  { tags: ['ep-page-poll'], locale: 'ar', phase: 'first', budget: Math.round(9.6 * KB), guard: 11950 },
  { tags: ['ep-page-poll'], locale: 'ar', phase: 'all', budget: 20 * KB, guard: 27350 },
  { tags: ['ep-feedback'], locale: 'ar', phase: 'all', budget: 24 * KB, guard: 30700 },
  { tags: ['ep-idea-box'], locale: 'ar', phase: 'all', budget: 27 * KB, guard: 35450 },
  { tags: ['ep-consultation-card'], locale: 'ar', phase: 'all', budget: 26 * KB, guard: 36100 },
  { tags: ['ep-lab-invite'], locale: 'ar', phase: 'all', budget: 24 * KB, guard: 33650 },
  { tags: elements, locale: 'ar', phase: 'all', budget: 38 * KB, guard: 62200 },
];
/** The one-file bundle: issue 14 gives 40 KB for four elements and 43 KB once a fifth joins, as it has. */
const oneFileBudget = { budget: 43 * KB, guard: 51600 };

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
    // As the npm build (vite.config.ts) ships them: css literals minified, short message ids, @lit/localize
    // without its id hashing.
    plugins: [minifyCssLiterals(), shortMessageIds(), namedIdsOnly()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      rolldownOptions: {
        output: {
          minify: true,
          chunkFileNames: '[name]-[hash].js',
          codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] },
        },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((item) => item.type === 'chunk');
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
    list
      .map((chunk) => measure(chunk.code))
      .reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
        min: 0,
        gzip: 0,
        brotli: 0,
      });
  const later = chunks.filter((chunk) => !firstLoad.has(chunk.fileName) && !isArabic(chunk));
  /** Each module of a chunk with the exports the bundle kept of it (what sharedBaseline rebuilds). */
  const modulesOf = (chunk) =>
    Object.entries(chunk.modules).map(([id, module]) => ({ id, exports: module.renderedExports }));
  return {
    first: sum(chunks.filter((chunk) => firstLoad.has(chunk.fileName))),
    lazy: sum(later),
    all: sum(chunks.filter((chunk) => !isArabic(chunk))),
    arabic: chunks.some(isArabic) ? sum(chunks.filter(isArabic)) : undefined,
    firstModules: chunks.filter((chunk) => firstLoad.has(chunk.fileName)).flatMap(modulesOf),
    laterChunks: later.map((chunk) => ({ facade: chunk.facadeModuleId, modules: modulesOf(chunk) })),
  };
}

const CORE = `${resolve('src/core')}/`;
/** Shared by every element: Lit, @lit/localize, the generated locale list, and src/core. */
const isShared = ({ id }) =>
  !id.startsWith('\0') && (id.startsWith(CORE) || id.includes('/node_modules/') || id.includes('/src/generated/'));

/** A module that imports exactly `modules` (the exports the element's bundle kept of each) and keeps them. */
function keeping(modules) {
  const lines = [];
  const kept = [];
  modules.forEach(({ id, exports }, m) => {
    if (exports.length === 0) return lines.push(`import ${JSON.stringify(id)};`);
    const names = exports.map((name, e) => `${JSON.stringify(name)} as m${m}e${e}`);
    lines.push(`import { ${names.join(', ')} } from ${JSON.stringify(id)};`);
    kept.push(...exports.map((_, e) => `m${m}e${e}`));
  });
  return [...lines, `export const kept = [${kept.join(', ')}];`];
}

/**
 * What an element adds is measured against a bundle of only the shared code its own bundle holds: the same
 * shared modules (Lit, @lit/localize, src/core), keeping the same exports of each, split the same way (first
 * load; and each chunk it loads on demand, such as the transport or the personal-data detector). The
 * difference is the element's own code as it ships, compressed beside the code it sits with.
 */
async function sharedBaseline(result, scratch, name) {
  const entry = join(scratch, `${name}-shared.js`);
  const later = result.laterChunks.flatMap(({ facade, modules }, index) => {
    // A shared module loaded on demand (the transport) is loaded on demand here too; the shared modules in
    // one of the element's own on-demand chunks are gathered into a chunk of their own.
    if (facade && isShared({ id: facade })) return [`() => import(${JSON.stringify(facade)})`];
    const shared = modules.filter(isShared);
    if (shared.length === 0) return [];
    const file = join(scratch, `${name}-later-${index}.js`);
    writeFileSync(file, keeping(shared).join('\n'));
    return [`() => import(${JSON.stringify(file)})`];
  });
  writeFileSync(
    entry,
    [...keeping(result.firstModules.filter(isShared)), `export const later = [${later.join(', ')}];`].join('\n'),
  );
  return bundle(entry);
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = [];
const results = {};
for (const [name, entry] of Object.entries(entries)) {
  const result = await bundle(entry);
  results[name] = result;
  rows.push([
    name,
    kb(result.first.min),
    kb(result.first.gzip),
    kb(result.first.brotli),
    kb(result.lazy.gzip),
    kb(result.all.gzip),
    result.arabic ? kb(result.arabic.gzip) : '-',
  ]);
}
const cdn = 'dist/cdn/ep-widgets.js';
if (existsSync(cdn)) {
  const size = measure(readFileSync(cdn, 'utf8'));
  rows.push([
    'dist/cdn/ep-widgets.js (one file, both languages)',
    kb(size.min),
    kb(size.gzip),
    kb(size.brotli),
    '-',
    kb(size.gzip),
    'inside',
  ]);
}

// The Arabic column sums every string part the bundle can load (an app's bundler keeps them all reachable);
// what each element loads of them is in the autoloader figures below and in docs/size.md.
const header = [
  'entry, with Lit and @lit/localize',
  'first load min',
  'gzip',
  'brotli',
  'loaded later gzip',
  'all gzip',
];
header.push('every Arabic part gzip');
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));

const base = results['core-and-lit'].first;
console.log('');
const added = {};
const scratch = mkdtempSync(join(tmpdir(), 'ep-size-'));
try {
  for (const name of elements) {
    const { first, all } = results[name];
    const shared = await sharedBaseline(results[name], scratch, name);
    added[name] = all.gzip - shared.all.gzip;
    console.log(
      `${name} adds ${kb(first.gzip - base.gzip)} gzip to the first load over the base element and Lit (core-and-lit; ` +
        `${kb(all.gzip - base.gzip)} with what it loads later). Its own code adds ${kb(added[name])} gzip, first load and ` +
        `on demand together, over the shared core modules it uses and Lit (which come to ${kb(shared.all.gzip)}).`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// What a host page downloads through the autoloader: the cdn build of vite.cdn.config.mjs, in memory.
const cdnBuild = await build(cdnConfig({ write: false }));
const cdnChunks = chunksOfOutput((Array.isArray(cdnBuild) ? cdnBuild : [cdnBuild]).flatMap((result) => result.output));
const needs = committedNeeds(resolve('src'));
const pages = [...elements.map((tag) => [tag]), elements].flatMap((tags) =>
  ['en', 'ar'].map((locale) => ({
    tags,
    locale,
    first: pageBytes(cdnChunks, needs, { tags, locale, phase: 'first' }),
    all: pageBytes(cdnChunks, needs, { tags, locale, phase: 'all' }),
  })),
);
const pageName = (tags) => (tags.length === elements.length ? 'all five' : `<${tags[0]}>`);
console.log('');
console.log('What a host page downloads through cdn/autoloader.js (Lit included, gzip, file by file):');
for (const { tags, locale, first, all } of pages) {
  console.log(`  ${pageName(tags)}, ${locale}: before the first render ${kb(first)}, everything ${kb(all)}`);
}
const oneFile = existsSync(cdn) ? measure(readFileSync(cdn, 'utf8')).gzip : undefined;
writeSizePage({ pages, oneFile, elements });

let checks = 0;
let failed = 0;
const report = (ok, text) => {
  checks += 1;
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${text}`);
};
for (const [name, budget] of Object.entries(budgets)) {
  const gzip = results[name].first.gzip;
  report(gzip <= budget, `${name}: first load ${gzip} bytes gzip, budget ${budget} (${budget - gzip} to spare)`);
}
for (const [name, budget] of Object.entries(laterBudgets)) {
  const gzip = results[name].lazy.gzip;
  report(gzip <= budget, `${name}: loaded later ${gzip} bytes gzip, budget ${budget} (${budget - gzip} to spare)`);
}
for (const [name, budget] of Object.entries(addedBudgets)) {
  const gzip = added[name];
  report(
    gzip < budget,
    `${name}: adds ${gzip} bytes gzip over the shared core and Lit, budget under ${budget} (${budget - gzip} to spare)`,
  );
}
const phaseText = { first: 'before its first render', all: 'everything' };
const judge = (label, bytes, { budget, guard }) => {
  if (bytes <= budget) {
    return report(true, `${label}: ${kb(bytes)}, issue budget ${kb(budget)} holds (${budget - bytes} bytes to spare)`);
  }
  console.log(`MISS ${label}: ${kb(bytes)}, issue budget ${kb(budget)} NOT met (${bytes - budget} bytes over)`);
  if (guard === undefined) return report(false, `${label}: no regression guard set for a missed budget`);
  report(
    bytes <= guard,
    `${label}: ${bytes} B against its regression guard ${guard} B (a measured figure, not the issue's budget)`,
  );
};
for (const { tags, locale, phase, ...limits } of hostBudgets) {
  const bytes = pageBytes(cdnChunks, needs, { tags, locale, phase });
  judge(`${pageName(tags)} via the autoloader, ${locale} page, ${phaseText[phase]}`, bytes, limits);
}
if (oneFile !== undefined) judge('dist/cdn/ep-widgets.js (one file, five elements)', oneFile, oneFileBudget);
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/size.json', JSON.stringify({ passed: checks - failed, failed }));
process.exitCode = failed ? 1 : 0;
