// Installing what the tests need from Debian's packages when it is missing, written once for the browsers
// (scripts/ensure.mjs, tools/browsers.mjs) and PostgreSQL (scripts/postgres.mjs). Node built-ins only: it
// runs before anything is installed.
import { spawnSync } from 'node:child_process';

function aptGet(args) {
  console.log(`> apt-get ${args.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
}

/** apt-get may be run: as root, with apt-get on the PATH. */
export function mayInstall() {
  return process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/**
 * What `find()` finds. When it finds nothing, `install` is not false and we may, Debian's `packages` are
 * installed first; when it still finds nothing, the error says what to install (`missing` replaces that
 * message, `hint` adds another way, such as a variable to set).
 */
export function ensureDebianPackages({ find, packages, what, install = true, hint = '', missing, log = console.log }) {
  let found = find();
  if (found) return found;
  if (install && mayInstall()) {
    log(`No ${what} found: installing Debian's ${packages.join(', ')}.`);
    aptGet(['update', '-qq']);
    aptGet(['install', '-y', '-qq', ...packages]);
    found = find();
  }
  if (!found) {
    throw new Error(missing ?? `No ${what} found. Install it (Debian: apt-get install ${packages.join(' ')})${hint}.`);
  }
  return found;
}
