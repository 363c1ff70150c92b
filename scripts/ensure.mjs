// What `npm start` and `npm test` need before they run, installed when missing: the node modules (from
// the lock file) and, for tests, a headless Chromium from the OS packages. Only Node built-ins here,
// because this runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChrome } from '../tools/chrome.mjs';
import { findFirefox, findWebKit } from '../tools/browser-paths.mjs';

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

export function ensureModules() {
  const marker = 'node_modules/.package-lock.json';
  const lock = 'package-lock.json';
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
}

/** Returns the Chromium path, installing Debian's package when none is found and we may (root + apt-get). */
export function ensureChrome() {
  let path = findChrome();
  if (path) return path;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && !process.env.CHROME_PATH) {
    console.log('No Chromium found: installing Debian\'s chromium package (and Noto fonts for Arabic).');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core']);
    path = findChrome();
  }
  if (!path) {
    const hint = process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : 'No Chromium or Chrome was found.';
    throw new Error(`${hint} Install one (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.`);
  }
  return path;
}

/** Installs Debian's packages when `find()` finds nothing and we may (root + apt-get); returns what it finds then. */
function ensureDebianPackages(find, packages, what) {
  let found = find();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`No ${what} found: installing Debian's ${packages.join(', ')}.`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...packages]);
    found = find();
  }
  if (!found) throw new Error(`No ${what} found. Install it (Debian: apt-get install ${packages.join(' ')}).`);
  return found;
}

/** Firefox ESR, for the cross-browser tests (driven headless over WebDriver BiDi). */
export function ensureFirefox() {
  return ensureDebianPackages(findFirefox, ['firefox-esr', 'fonts-noto-core'], 'Firefox');
}

/** WebKitGTK's WebDriver and MiniBrowser, with a virtual display to run it in, for the cross-browser tests. */
export function ensureWebKit() {
  return ensureDebianPackages(findWebKit, ['webkit2gtk-driver', 'xvfb', 'xauth', 'fonts-noto-core'], 'WebKitGTK WebDriver');
}

export function chromeVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path;
  }
}
