// `npm run test:walk` (a step of `npm test`): issue 18's "done means", walked on the demo page in Chromium
// against the reference collector, as `npm start` serves them. A visitor votes and reads the page's latest
// change; another joins the Innovation Lab's panel for prototype testing in Arabic, is given a withdrawal
// code and, in a later visit, leaves the panel with it; a third joins and stays. The Lab's panel in the
// console then lists the one who stayed and not the one who left. Writes .test-results/walk.json.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from '../tools/chrome.mjs';
import { checks } from '../tools/checks.mjs';
import { freePort } from '../tools/free-port.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const dir = mkdtempSync(join(tmpdir(), 'ep-walk-'));
const [port, collectorPort] = [await freePort(), await freePort()];
const origin = `http://127.0.0.1:${port}`;
const token = randomBytes(18).toString('hex');

const collector = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(collectorPort),
    HOST: '127.0.0.1',
    EP_BASE_PATH: '/ep',
    EP_SQLITE_PATH: join(dir, 'walk.sqlite'),
    EP_ADMIN_TOKEN: token,
    // The demo's sample data, the page's "what we changed" note among it.
    EP_SEED: 'demo',
    EP_SEED_PAGES: `${origin}/`,
    EP_LOG_LEVEL: 'warn',
  },
});
for (let tries = 0; ; tries += 1) {
  const up = await fetch(`http://127.0.0.1:${collectorPort}/ep/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (tries > 150) throw new Error('the collector did not start within 30 s');
  await sleep(200);
}
process.env.EP_COLLECTOR_URL = `http://127.0.0.1:${collectorPort}`;
const server = await createServer({
  configFile: 'demo/vite.config.ts',
  logLevel: 'error',
  server: { port, strictPort: true, host: '127.0.0.1' },
});
await server.listen();
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });

const { check, finish } = checks();

/** The demo page in a visitor's own browser (nothing shared with another visitor), in Arabic as it opens. */
async function visit() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/`);
  return { page, context, errors };
}

/** Joins the panel for prototype testing, online, in Arabic; returns the withdrawal code shown. */
async function joinPanel(page, name, email) {
  const lab = page.locator('ep-lab-invite');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('input[name="sessions"][value="prototype"]').check();
  await lab.locator('input[name="attendance"][value="online"]').check();
  await lab.locator('input[name="language"][value="ar"]').check();
  await lab.locator('#name').fill(name);
  await lab.locator('#email').fill(email);
  await lab.locator('#consent').check();
  // The form's minimum fill time (3 s; a faster send is taken for a robot's): a person takes longer anyway.
  await sleep(3200);
  await lab.locator('[part~="send-button"]').click();
  const code = lab.locator('[part="withdrawal-code"]');
  await code.waitFor({ timeout: 15_000 });
  return (await code.textContent()).trim();
}

/** The Lab's panel as the console gives it: the email addresses on it now. */
async function panelEmails() {
  const response = await fetch(`http://127.0.0.1:${collectorPort}/ep/console/api/panel`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { items } = await response.json();
  return items.map((member) => member.contact.email);
}

try {
  // A visitor votes and reads the page's latest change, in Arabic.
  const voter = await visit();
  const poll = voter.page.locator('ep-page-poll').first();
  await poll.scrollIntoViewIfNeeded();
  await poll.locator('[part~="answer-button"]').first().click();
  await poll.locator('[part~="skip-button"]').click();
  const note = poll.locator('[part="changes"]');
  await note.waitFor({ timeout: 15_000 });
  check(
    'a visitor votes and reads the page\'s latest "what we changed" note, in Arabic',
    (await poll.locator('[part="thanks"]').isVisible()) && /[\u0600-\u06FF]/.test(await note.textContent()),
    await note.textContent(),
  );

  // One joins and stays; another joins, and leaves in a later visit with the code she was given.
  const staying = await visit();
  const stayingCode = await joinPanel(staying.page, 'خالد العتيبي', 'khalid@example.sa');
  const leaving = await visit();
  const code = await joinPanel(leaving.page, 'سارة الحربي', 'sara@example.sa');
  check(
    'each is given a withdrawal code of their own, never the reference',
    /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code) && code !== stayingCode,
    `${code} / ${stayingCode}`,
  );
  check(
    'the Lab sees both on its panel',
    (await panelEmails()).sort().join(' ') === 'khalid@example.sa sara@example.sa',
  );

  const later = await visit();
  const lab = later.page.locator('ep-lab-invite');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('[part="leave-button"]').click();
  await lab.locator('#code').fill(code.toLowerCase());
  await lab.locator('#email').fill('sara@example.sa');
  await sleep(3200);
  await lab.locator('[part~="send-button"]').click();
  await lab.locator('[part="confirmation"]').waitFor({ timeout: 15_000 });
  const emails = await panelEmails();
  check(
    'she leaves with her code; the Lab sees the one who stayed and not the one who left',
    emails.join(' ') === 'khalid@example.sa',
    JSON.stringify(emails),
  );
  const errors = [voter, staying, leaving, later].flatMap((visitor) => visitor.errors);
  check('no script error on the page', errors.length === 0, errors.join('\n'));
} catch (error) {
  check('the walk finished', false, String(error));
} finally {
  await browser.close();
  await server.close();
  collector.kill('SIGTERM');
  await new Promise((resolve) => collector.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}

finish('walk.json');
