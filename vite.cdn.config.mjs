// The script-tag files by element, built into dist/cdn/ by vite.config.ts and rebuilt in memory by
// scripts/size.mjs, which measures them as a page downloads them: `autoloader.js` imports the module of each
// element a page shows. Few, large chunks, because each file is compressed on its own and pays its own gzip
// header and dictionary (35 small chunks came to 60.8 KB gzip where one file was 47.9 KB).
import { resolve } from 'node:path';
import { minifyCssLiterals } from './tools/minify-css-literals.mjs';

export const cdnEntries = {
  autoloader: 'src/cdn/autoloader.ts',
  'ep-page-poll': 'src/ep-page-poll.ts',
  'ep-feedback': 'src/ep-feedback.ts',
  'ep-idea-box': 'src/ep-idea-box.ts',
  'ep-consultation-card': 'src/ep-consultation-card.ts',
};

const pollEntry = resolve(cdnEntries['ep-page-poll']);
const isShared = (id) => /node_modules|src[\\/]core[\\/]|src[\\/]generated[\\/]locale-codes/.test(id);

/** Every module the poll's entry imports statically, directly or not: what its first render waits for. */
function staticallyFrom(entry, ctx) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(entry);
  return seen;
}

/**
 * Two shared chunks, by rule rather than by list: `shared` holds Lit, @lit/localize and the core the poll's first
 * render needs (the smallest element's first render, which every element shares); `after` holds the rest of the
 * core (fields, forms, transport, outbox), which the poll loads after a vote and the form elements with their
 * first render. Each element's own code stays in its entry and the chunks it loads on demand.
 */
function cdnGroups() {
  let pollFirstRender;
  return [
    {
      debugName: 'shared-or-after',
      name(id, ctx) {
        if (!isShared(id)) return null;
        pollFirstRender ??= staticallyFrom(pollEntry, ctx);
        return pollFirstRender.has(id) ? 'shared' : 'after';
      },
    },
  ];
}

/** Vite's inline config for the build; `write: false` gives the chunks in memory. */
export function cdnConfig({ outDir = 'dist/cdn', write = true } = {}) {
  return {
    configFile: false,
    logLevel: write ? 'warn' : 'silent',
    plugins: [minifyCssLiterals()],
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
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting: { includeDependenciesRecursively: false, groups: cdnGroups() },
        },
      },
    },
  };
}
