// What a user installs, checked as they would get it (`npm pack`, after `npm run build`): a LICENSE that is
// the one package.json names; `customElements`, `web-types` and every `exports` target present in the
// tarball; publint (strict); and @arethetypeswrong/cli with the ESM-only profile (the package is ESM only).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const results = [];
const check = (name, problem) => {
  results.push({ name, problem });
  console.log(`${problem ? 'FAIL' : 'ok  '} ${name}${problem ? `: ${problem}` : ''}`);
};

const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const inTarball = new Set(packed.files.map((file) => file.path));

check(
  'LICENSE is in the tarball and is the MIT licence package.json names',
  !inTarball.has('LICENSE')
    ? 'no LICENSE in the tarball'
    : pkg.license !== 'MIT' || !/^MIT License\b/.test(readFileSync('LICENSE', 'utf8'))
      ? `package.json says ${pkg.license}; LICENSE says otherwise`
      : undefined,
);

const relative = (path) => path.replace(/^\.\//, '');
for (const field of ['customElements', 'web-types']) {
  check(
    `package.json "${field}" names a file in the tarball`,
    inTarball.has(relative(pkg[field] ?? '')) ? undefined : `${pkg[field]} is not packed`,
  );
}

const targets = [];
const collect = (value) => (typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(collect));
collect(pkg.exports);
const missing = targets.filter((target) => !inTarball.has(relative(target)));
check(
  `every "exports" target is in the tarball (${targets.length})`,
  missing.length ? `missing: ${missing.join(', ')}` : undefined,
);

const tool = (name, args) => {
  const run = spawnSync(`node_modules/.bin/${name}`, args, { encoding: 'utf8' });
  if (run.status !== 0) console.log(run.stdout, run.stderr);
  return run.status === 0 ? undefined : `${name} exited with ${run.status}`;
};
check('publint --strict', tool('publint', ['--strict']));
// CSS has no types to resolve; attw would count it as a failed resolution.
check(
  '@arethetypeswrong/cli, ESM-only profile',
  tool('attw', ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './reserve.css', '--format', 'ascii']),
);

const failed = results.filter((result) => result.problem).length;
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/package.json', JSON.stringify({ passed: results.length - failed, failed }));
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
