// `npm run size:modules [file name part ...]`: where the bytes of the script-tag files are. Builds them in
// memory (vite.cdn.config.mjs, as `npm run size` does) and prints each file's gzip size, then each module in
// it, largest first: its length as rendered into the file (before minification) and the elements that can
// load it (first render or later). `npm run size:modules shared ep-page-poll` prints only those files.
import { build } from 'vite';
import { resolve } from 'node:path';
import { cdnConfig, cdnEntries } from '../vite.cdn.config.mjs';
import { gzipSize } from './host-page-size.mjs';

const tags = Object.keys(cdnEntries).filter((name) => name.startsWith('ep-'));
/** For each module id, the element tags whose entry reaches it, statically or on demand. */
const users = new Map();

/** Records, once the graph is known, which elements reach each module (the strings parts left out). */
const recordUsers = {
  name: 'ep-record-users',
  buildEnd() {
    for (const tag of tags) {
      const seen = new Set();
      const visit = (id) => {
        if (seen.has(id)) return;
        seen.add(id);
        const info = this.getModuleInfo(id);
        for (const next of [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])]) visit(next);
      };
      visit(resolve(cdnEntries[tag]));
      for (const id of seen) users.set(id, [...(users.get(id) ?? []), tag.slice(3)]);
    }
  },
};

const config = cdnConfig({ write: false });
config.plugins.push(recordUsers);
const output = await build(config);
const wanted = process.argv.slice(2);
const root = `${resolve('.')}/`;
for (const chunk of (Array.isArray(output) ? output : [output]).flatMap((result) => result.output)) {
  if (chunk.type !== 'chunk' || (wanted.length && !wanted.some((part) => chunk.fileName.includes(part)))) continue;
  console.log(`\n${chunk.fileName}: ${chunk.code.length} B minified, ${gzipSize(chunk.code)} B gzip`);
  const modules = Object.entries(chunk.modules).filter(([, module]) => module.renderedLength > 0);
  modules.sort(([, a], [, b]) => b.renderedLength - a.renderedLength);
  for (const [id, module] of modules) {
    // Rolldown's own helpers have an id that starts with a NUL character.
    const name = id
      .replace(root, '')
      .replace(/^.*node_modules\//, '')
      .replace('\0', '');
    const by = users.get(id)?.join(', ') ?? '';
    console.log(`  ${String(module.renderedLength).padStart(6)}  ${name.padEnd(48)} ${by}`);
  }
}
