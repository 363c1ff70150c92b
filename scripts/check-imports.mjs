// Every JavaScript entry the package exports (and the one-file bundle) must import in Node without a DOM
// and without throwing, both as Node resolves it and under the `browser` condition that some server bundlers
// use (which loads Lit's browser build), and must leave no stand-in DOM globals behind. Each import runs in
// a fresh Node process; the package imports itself by name, through its own `exports`. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const specifiers = [
  ...Object.keys(pkg.exports)
    .filter((key) => key === '.' || key === './react' || key.endsWith('.js'))
    .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`)),
  './dist/cdn/ep-widgets.js',
];
const conditions = [[], ['--conditions=browser']];

// Prints the exports it got, the DOM globals left and, where a registry exists (Lit's server build, which
// Node's default conditions load, brings one), the elements registered: an entry that registers must have.
const probe = (specifier) => `
  const module = await import(${JSON.stringify(specifier)});
  const left = ['HTMLElement', 'document'].filter((name) => name in globalThis);
  const registry = globalThis.customElements;
  const registered = registry ? ['ep-page-poll', 'ep-feedback', 'ep-idea-box', 'ep-consultation-card', 'ep-lab-invite'].filter((tag) => registry.get(tag)) : undefined;
  console.log(JSON.stringify({ exports: Object.keys(module).length, left, registered }));
`;

const expectedTags = (specifier) => {
  const tag = /(ep-[a-z-]+)\.js$/.exec(specifier)?.[1];
  if (specifier.endsWith('all.js') || specifier.endsWith('/react') || specifier.includes('/cdn/')) return 5;
  return tag && tag !== 'ep-widgets' ? 1 : 0;
};

let passed = 0;
let failed = 0;
for (const specifier of specifiers) {
  for (const flags of conditions) {
    const label = `${specifier} (${flags.length ? 'browser condition' : 'default conditions'})`;
    const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', probe(specifier)], {
      encoding: 'utf8',
    });
    let problem;
    if (run.status !== 0) problem = (run.stderr.split('\n').find((line) => /Error/.test(line)) ?? run.stderr).trim();
    else {
      const result = JSON.parse(run.stdout.trim().split('\n').pop());
      if (result.exports === 0) problem = 'exports nothing';
      else if (result.left.length > 0) problem = `left stand-in globals behind: ${result.left.join(', ')}`;
      else if (result.registered && result.registered.length !== expectedTags(specifier))
        problem = `registered ${result.registered.length} elements, expected ${expectedTags(specifier)}`;
    }
    if (problem) {
      failed += 1;
      console.log(`FAIL ${label}: ${problem}`);
    } else {
      passed += 1;
      console.log(`ok   ${label}`);
    }
  }
}
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/imports.json', JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
