// The three engines the element tests run in, each from the OS packages and never downloaded:
// Chromium (CDP through puppeteer-core), Firefox ESR (WebDriver BiDi through puppeteer-core) and WebKitGTK,
// Safari's engine (W3C WebDriver: WebKitWebDriver driving MiniBrowser under a virtual display).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { findChrome, CHROME_ARGS } from './chrome.mjs';
import { findFirefox, findWebKit } from './browser-paths.mjs';
import { ensureDebianPackages } from './debian-packages.mjs';

/**
 * Each test file gets a page without the HTTP cache, so that a module an earlier file loaded is fetched
 * again: tests that make the server fail or delay a lazily loaded module depend on it.
 */
async function uncachedPage({ context }) {
  const page = await context.newPage();
  await page.setCacheEnabled(false);
  return page;
}

/**
 * A browser as `npm test` installed it (scripts/ensure.mjs). Never installed here: several test runs may load
 * this configuration at once, and apt-get would wait on its lock in each.
 */
function installed(find, packages, what, hint = '') {
  return ensureDebianPackages({ find, packages, what, install: false, hint });
}

export function chromiumBrowser() {
  const executablePath = installed(findChrome, ['chromium'], 'Chromium', ' or set CHROME_PATH');
  return chromeLauncher({
    launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    createPage: uncachedPage,
  });
}

/**
 * Puppeteer's WebDriver BiDi keyboard knows the space bar only as ' ', not by its code name 'Space', which
 * the tests use (as the Chromium and WebKit drivers accept): the page's keyboard translates it.
 */
async function uncachedFirefoxPage(options) {
  const page = await uncachedPage(options);
  const press = page.keyboard.press.bind(page.keyboard);
  page.keyboard.press = (key, pressOptions) => press(key === 'Space' ? ' ' : key, pressOptions);
  // Puppeteer sets the viewport and the screen orientation together; Firefox ESR 140 (Debian's) has no
  // orientation override yet and refuses the pair, though the viewport is set. The tests do not use orientation.
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!/setScreenOrientationOverride|unknown command/i.test(String(error?.message))) throw error;
    });
  return page;
}

export function firefoxBrowser() {
  const executablePath = installed(findFirefox, ['firefox-esr'], 'Firefox', ' or set FIREFOX_PATH');
  // Passing puppeteer-core itself as the "custom" puppeteer makes the launcher honour `browser: 'firefox'`.
  return chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath, headless: true },
    createPage: uncachedFirefoxPage,
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/** Starts WebKitWebDriver on a virtual display before the first session, and stops it with the run. */
class WebKitLauncher extends WebdriverLauncher {
  constructor(webkit) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        'webkitgtk:browserOptions': { binary: webkit.miniBrowser, args: ['--automation'] },
      },
    });
    this.webkit = webkit;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
    const port = await freePort();
    // detached: stop() ends xvfb-run, Xvfb and the driver together, as one process group.
    this.driverProcess = spawn(this.webkit.xvfbRun, ['-a', this.webkit.driver, `--port=${port}`], {
      stdio: 'ignore',
      detached: true,
    });
    await waitForDriver(port, this.driverProcess);
    this.options.port = port;
  }

  /**
   * Typing, as a person types: each key down and up before the next. webdriverio's keys() presses every key of
   * a string down and only then releases them all, and WebKitWebDriver drops a key that is already down, so a
   * string that repeats a character lost the repeats ("٠٥٥ ٩٨٧" arrived as "٠٥ ٩٨٧", and a sentence kept
   * only its first space). A single key (a `press`, or one character) goes through keys(), which also knows
   * key names such as 'Enter'.
   */
  sendKeys(sessionId, keys) {
    if (keys.length === 1) return super.sendKeys(sessionId, keys);
    const typing = this.driver.action('key');
    for (const key of keys) typing.down(key).up(key);
    return typing.perform(true);
  }

  async stop() {
    await super.stop();
    if (this.driverProcess && this.driverProcess.exitCode === null) {
      try {
        process.kill(-this.driverProcess.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

export function webkitBrowser() {
  const webkit = installed(findWebKit, ['webkit2gtk-driver', 'xvfb'], 'WebKitGTK');
  return new WebKitLauncher(webkit);
}
