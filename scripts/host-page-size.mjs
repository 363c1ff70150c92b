// What a host page downloads through `cdn/autoloader.js`, gzip, file by file as a browser fetches them (each
// file compressed on its own): for a set of elements, in one language, before their first render or
// everything (what they load on demand too). Shared by scripts/size.mjs (on the chunks of an in-memory build)
// and scripts/smoke-bundle.mjs (on dist/cdn/, where Chromium's byte count must agree with it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;

/** The cdn files as { fileName, code, imports, dynamicImports }, from a Vite/Rolldown build output. */
export function chunksOfOutput(output) {
  return output
    .filter((item) => item.type === 'chunk')
    .map(({ fileName, code, imports, dynamicImports }) => ({ fileName, code, imports, dynamicImports }));
}

/** The same, read from a folder written by the build (dist/cdn/), its imports read from the minified code. */
export function chunksOnDisk(folder) {
  return readdirSync(folder, { recursive: true })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.js'))
    .map((fileName) => {
      const code = readFileSync(join(folder, fileName), 'utf8');
      const target = (specifier) =>
        normalize(join(dirname(fileName), specifier))
          .split('\\')
          .join('/');
      const found = (pattern) => [...new Set([...code.matchAll(pattern)].map((match) => target(match[1])))];
      return {
        fileName,
        code,
        imports: found(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{][^"'`;]*?from\s*)?["'`](\.[^"'`]+)["'`]/g),
        dynamicImports: found(/\bimport\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g),
      };
    });
}

/** A string part's file: chunks/ar-3-<8-character hash>.js for the part `ar-3` (scripts/split-locales.mjs). */
const partFile = (chunks, name) =>
  chunks.find((chunk) => new RegExp(`^chunks/${name}-.{8}\\.js$`).test(chunk.fileName));

/** The console messages for a page set up wrong (vite.cdn.config.mjs): a working page never loads them. */
const isDiagnostics = (fileName) => /^chunks\/diagnostics-.{8}\.js$/.test(fileName);

/**
 * The files a working page with `tags` (and the autoloader) downloads in `locale`, up to their first render
 * (`phase: 'first'`) or everything (`'all'`). `needs` is split-locales' list of string parts per element.
 */
export function pageFiles(chunks, needs, { tags, locale, phase }) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const isPart = (fileName) => /^chunks\/[a-z]{2,3}-\d+-.{8}\.js$/.test(fileName);
  const files = new Set();
  const visit = (fileName, withDynamic) => {
    if (files.has(fileName) || !byName.has(fileName)) return;
    files.add(fileName);
    const chunk = byName.get(fileName);
    // Strings are counted by need below: the list of parts imports every one of them.
    const next = withDynamic
      ? [...chunk.imports, ...chunk.dynamicImports.filter((name) => !isPart(name) && !isDiagnostics(name))]
      : chunk.imports;
    for (const imported of next) visit(imported, withDynamic);
  };
  visit('autoloader.js', false);
  for (const tag of tags) {
    visit(`${tag}.js`, phase === 'all');
    for (const part of [
      ...(needs[tag]?.first[locale] ?? []),
      ...(phase === 'all' ? (needs[tag]?.later[locale] ?? []) : []),
    ]) {
      const file = partFile(chunks, part);
      if (!file) throw new Error(`no file for the string part ${part}`);
      files.add(file.fileName);
    }
  }
  return files;
}

/** Gzip bytes of those files, summed. */
export function pageBytes(chunks, needs, page) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  return [...pageFiles(chunks, needs, page)].reduce((sum, fileName) => sum + gzipSize(byName.get(fileName).code), 0);
}
