// Every CSS part an element declares (its @csspart JSDoc, read from custom-elements.json: run `npm run manifest`
// first) is named in that element's section of docs/elements.md, where page authors look for what `::part()`
// can style. A part renamed in the code but not in the guide leaves an author's rule matching nothing.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const guide = readFileSync('docs/elements.md', 'utf8');
/** Each element's section: from its `## \`<tag>\`` heading to the next heading of that level. */
const sections = new Map(
  guide
    .split(/\n## /)
    .map((section) => [/^`<([a-z-]+)>`/.exec(section)?.[1], section])
    .filter(([tag]) => tag),
);

let failed = 0;
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
for (const { tagName, cssParts = [] } of elements) {
  const section = sections.get(tagName);
  // The list that starts "parts `base`," and runs to the end of its sentence.
  const list = /parts `base`[^]*?\.(?:\s|$)/.exec(section ?? '')?.[0] ?? '';
  const named = new Set([...list.matchAll(/`([a-z][a-z0-9{}-]*)`/g)].map((match) => match[1]));
  const missing = cssParts.map(({ name }) => name).filter((name) => !named.has(name));
  if (section && missing.length === 0) {
    console.log(`ok   <${tagName}>: its ${cssParts.length} parts are all in docs/elements.md`);
  } else {
    failed += 1;
    const why = !section
      ? 'no section of its own'
      : list
        ? `parts not in its list: ${missing.join(', ')}`
        : 'no list of parts ("parts `base`, …")';
    console.log(`FAIL <${tagName}> in docs/elements.md: ${why}`);
  }
}
if (elements.length === 0) {
  failed += 1;
  console.log('FAIL custom-elements.json declares no element');
}
process.exitCode = failed > 0 ? 1 : 0;
