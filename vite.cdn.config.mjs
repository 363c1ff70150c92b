// The script-tag files by element, built into dist/cdn/ by vite.config.ts and rebuilt in memory by
// scripts/size.mjs, which measures them as a page downloads them: `autoloader.js` imports the module of each
// element a page shows. Few, large chunks, because each file is compressed on its own and pays its own gzip
// header and dictionary (35 small chunks came to 60.8 KB gzip where one file was 47.9 KB).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyCssLiterals } from './tools/minify-css-literals.mjs';
import { shortMessageIds } from './tools/short-message-ids.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export const cdnEntries = {
  autoloader: 'src/cdn/autoloader.ts',
  'ep-page-poll': 'src/ep-page-poll.ts',
  'ep-feedback': 'src/ep-feedback.ts',
  'ep-idea-box': 'src/ep-idea-box.ts',
  'ep-consultation-card': 'src/ep-consultation-card.ts',
  'ep-lab-invite': 'src/ep-lab-invite.ts',
};

const pollEntry = resolve(cdnEntries['ep-page-poll']);
/** Lit, @lit/localize and src/core, with the generated language list and list of string parts (not the strings). */
const isShared = (id) =>
  /node_modules|src[\\/]core[\\/]|src[\\/]generated[\\/](locale-codes|locales[\\/]parts[\\/]index)/.test(id);
/**
 * The web team's console messages (a missing endpoint, a tag or @lit/localize already taken): a page loads them
 * only when something is wrong, so they are a file of their own rather than bytes in `core` every page pays for.
 */
const isDiagnostics = (id) => /src[\\/]core[\\/]element[\\/]diagnostics\.ts$/.test(id);

/** Every module `entry` imports statically, directly or not (its first render); with dynamic imports, all. */
function staticallyFrom(entry, ctx, withDynamic) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const info = ctx.getModuleInfo(id);
    for (const imported of [
      ...(info?.importedIds ?? []),
      ...(withDynamic ? (info?.dynamicallyImportedIds ?? []) : []),
    ]) {
      // The strings are not code: the list of parts imports every part (scripts/split-locales.mjs).
      if (!/[\\/]locales[\\/]parts[\\/][a-z]{2,3}-\d+\.ts$/.test(imported)) visit(imported);
    }
  };
  visit(entry);
  return seen;
}

/**
 * Shared chunks by rule rather than by list: `shared` holds Lit, @lit/localize and the core the poll's first
 * render needs (the smallest first render, which every element shares); `core` the rest of the core that every
 * element uses, first or on demand (transport, outbox, the fields the poll asks after a vote), and what the poll
 * shares with any other element (so that a page with only a poll never downloads `forms`); `forms` the core
 * that two or three of the form elements, not the poll, use. Core that one element alone uses stays with that
 * element's code, in its entry or the chunks it loads on demand. More, smaller chunks measured worse: each file
 * pays its own compression header and dictionary. The console messages for a page set up wrong are the one
 * exception: no working page loads them (`isDiagnostics`).
 */
function cdnGroups() {
  let graph;
  return [
    {
      debugName: 'shared-core-forms',
      name(id, ctx) {
        // Left out of every group: Rolldown then gives it a file of its own that exports its functions as they
        // are. Put in a group, it is wrapped in a namespace object, and the helper that builds one becomes one
        // more file that `core` imports on every page (110 to 160 B gzip more on each page).
        if (isDiagnostics(id)) return null;
        if (!isShared(id)) return null;
        graph ??= reach(ctx);
        if (graph.pollFirst.has(id)) return 'shared';
        const users = graph.elements.filter(({ all }) => all.has(id));
        if (users.length < 2) return null;
        // The poll never downloads `forms`: what it shares with one form element goes to `core` too.
        return users.length === graph.elements.length || users.some(({ poll }) => poll) ? 'core' : 'forms';
      },
    },
  ];
}

/** For each element entry, all the modules it may load; and the modules of the poll's first render. */
function reach(ctx) {
  const elements = Object.entries(cdnEntries)
    .filter(([name]) => name.startsWith('ep-'))
    .map(([, entry]) => ({ all: staticallyFrom(resolve(entry), ctx, true), poll: resolve(entry) === pollEntry }));
  return { pollFirst: staticallyFrom(pollEntry, ctx, false), elements };
}

/** @lit/localize's id hashing, swapped for src/core/language/named-ids-only.ts: no msg() here needs it. */
export function namedIdsOnly() {
  const replacement = resolve('src/core/language/named-ids-only.ts');
  return {
    name: 'ep-named-ids-only',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromRuntime = importer && /@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/.test(importer);
      return fromRuntime && source === './id-generation.js' ? replacement : null;
    },
  };
}

/**
 * A second pass of terser over each file Rolldown has minified, for the files a browser gets as they are (the
 * script-tag files): what it finds that Rolldown's minifier leaves comes to about 1% of each file gzip (1.6% of
 * the one file), where terser alone measured worse than Rolldown. Terser's default (safe) compression, two passes.
 */
export function terserAfterMinify() {
  return {
    name: 'ep-terser-after-minify',
    async generateBundle(_, bundle) {
      const { minify } = await import('terser');
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const options = { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } };
        file.code = (await minify(file.code, options)).code;
      }
    },
  };
}

/** Vite's inline config for the build; `write: false` gives the chunks in memory. */
export function cdnConfig({ outDir = 'dist/cdn', write = true } = {}) {
  return {
    configFile: false,
    logLevel: write ? 'warn' : 'silent',
    plugins: [minifyCssLiterals(), shortMessageIds(), namedIdsOnly(), terserAfterMinify()],
    // The autoloader's own version, written in rather than imported: importing the module that holds it
    // would make the autoloader load the shared chunk before it knows what the page needs.
    define: { __EP_VERSION__: JSON.stringify(version) },
    build: {
      write,
      target: 'es2022',
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: cdnEntries, formats: ['es'] },
      rolldownOptions: {
        // Entries may export more than they declare: what lets a group leave a module's dependencies to others.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // These files go to a browser as they are: no bundler reads their @__PURE__ marks after this build.
          comments: { annotation: false },
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting: { includeDependenciesRecursively: false, groups: cdnGroups() },
        },
      },
    },
  };
}
