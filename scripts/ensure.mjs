// What `npm start` and `npm test` need before they run, installed when missing: the node modules (from
// the lock file) and, for tests, a headless Chromium from the OS packages. Only Node built-ins here,
// because this runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChrome } from '../tools/chrome.mjs';
import { findFirefox, findWebKit } from '../tools/browser-paths.mjs';
import { ensureDebianPackages } from '../tools/debian-packages.mjs';

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

/** Returns the Chromium path, installing Debian's package (and Noto fonts for Arabic) when none is found. */
export function ensureChrome() {
  const given = process.env.CHROME_PATH;
  return ensureDebianPackages({
    find: findChrome,
    packages: ['chromium', 'fonts-noto-core'],
    what: 'Chromium',
    // A CHROME_PATH that names nothing is a mistake to report, not a reason to install another browser.
    install: !given,
    missing:
      `${given ? `CHROME_PATH=${given} does not exist.` : 'No Chromium or Chrome was found.'} Install one ` +
      '(Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
  });
}

/** Firefox ESR, for the cross-browser tests (driven headless over WebDriver BiDi). */
export function ensureFirefox() {
  return ensureDebianPackages({ find: findFirefox, packages: ['firefox-esr', 'fonts-noto-core'], what: 'Firefox' });
}

/** WebKitGTK's WebDriver and MiniBrowser, with a virtual display to run it in, for the cross-browser tests. */
export function ensureWebKit() {
  const packages = ['webkit2gtk-driver', 'xvfb', 'xauth', 'fonts-noto-core'];
  return ensureDebianPackages({ find: findWebKit, packages, what: 'WebKitGTK WebDriver' });
}

export function chromeVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path;
  }
}
