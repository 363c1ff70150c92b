// Where Firefox and WebKitGTK are (Debian's packages); Node built-ins only, since scripts/ensure.mjs uses
// this before anything is installed. Chromium's is in chrome.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || undefined;

export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path));
}

/** WebKitWebDriver, MiniBrowser and xvfb-run, or undefined when one is missing. */
export function findWebKit() {
  const driver = onPath('WebKitWebDriver');
  const xvfbRun = onPath('xvfb-run');
  const miniBrowser = process.env.MINIBROWSER_PATH ?? MINIBROWSER_CANDIDATES.find((path) => existsSync(path));
  if (!driver || !xvfbRun || !miniBrowser || !existsSync(miniBrowser)) return undefined;
  return { driver, xvfbRun, miniBrowser };
}
