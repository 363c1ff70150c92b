// `npm run release:check`: what a release candidate must pass before anyone publishes it. Builds, packs the
// tarball, installs it into a scratch application (with React's and TypeScript's types from the registry),
// and there: imports every entry in Node under the default and the browser conditions, type-checks a React 19
// page and the ep-widgets/react wrappers against the installed types, and runs publint and arethetypeswrong on
// the tarball itself. Nothing is published.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (command, args, options = {}) => {
  console.log(`> ${command} ${args.join(' ')}`);
  return execFileSync(command, args, { stdio: 'inherit', ...options });
};

run('npm', ['run', '--silent', 'build']);
const scratch = mkdtempSync(join(tmpdir(), 'ep-widgets-release-'));
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { encoding: 'utf8' }),
  );
  const tarball = join(scratch, packed.filename);
  console.log(`Packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB`);
  run(`${root}/node_modules/.bin/publint`, [tarball]);
  run(`${root}/node_modules/.bin/attw`, [
    tarball,
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    './reserve.css',
    '--format',
    'ascii',
  ]);

  const app = join(scratch, 'app');
  cpSync(join(root, 'test/types'), app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }, null, 2),
  );
  const typescript = pkg.devDependencies.typescript;
  const reactTypes = pkg.devDependencies['@types/react'];
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      tarball,
      `typescript@${typescript}`,
      `@types/react@${reactTypes}`,
      '@lit/react',
      'react',
    ],
    { cwd: app },
  );
  // The type checks of npm test, now against the installed tarball instead of the package importing itself.
  run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app });
  for (const specifier of [
    'ep-widgets',
    'ep-widgets/all.js',
    'ep-widgets/ep-page-poll.js',
    'ep-widgets/ep-feedback.js',
    'ep-widgets/ep-idea-box.js',
    'ep-widgets/ep-consultation-card.js',
    'ep-widgets/ep-lab-invite.js',
    'ep-widgets/react',
  ]) {
    for (const flags of [[], ['--conditions=browser']]) {
      run(process.execPath, [...flags, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)})`], {
        cwd: app,
      });
    }
  }
  console.log(`\nrelease check passed: ${pkg.name}@${pkg.version}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
