// `npm start`: installs what is missing, then runs the demo page against the reference collector
// (server/, on data/demo.sqlite, or on PostgreSQL when DATABASE_URL is set), seeded with sample data so
// that every element shows real data. The demo's Vite server forwards `/ep` to the collector (same origin,
// as a ministry's reverse proxy would), and the page's endpoint is `/ep`. It also builds the ministry's
// console, makes its demo accounts (an administrator and a viewer) and seeds its sample votes, and prints
// its address, `/ep/console/`, with the demo sign-ins.
//
// `npm run demo` still serves the demo with the in-memory development collector (tools/dev-endpoint.mjs),
// whose "make the next send fail" buttons only it understands; `npm run server` runs the collector alone.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ensureModules } from './ensure.mjs';

ensureModules();

/** The first port from `from` on that nobody listens on (127.0.0.1). */
function freePortFrom(from) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(freePortFrom(from + 1)));
    server.listen(from, '127.0.0.1', () => server.close(() => resolve(from)));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const port = await freePortFrom(Number(process.env.PORT ?? 5173));
const collectorPort = await freePortFrom(Number(process.env.EP_COLLECTOR_PORT ?? 8787));
const adminToken = process.env.EP_ADMIN_TOKEN ?? randomBytes(18).toString('hex');
const origin = `http://127.0.0.1:${port}`;

const collectorEnv = {
  ...process.env,
  PORT: String(collectorPort),
  HOST: '127.0.0.1',
  EP_BASE_PATH: '/ep',
  EP_SQLITE_PATH: process.env.EP_SQLITE_PATH ?? 'data/demo.sqlite',
  EP_ADMIN_TOKEN: adminToken,
  EP_SEED: 'demo',
  // The poll files its answers under the page's URL: the demo page as this server serves it.
  EP_SEED_PAGES: `${origin}/,http://localhost:${port}/`,
  // The console's sample site has /ar/… and /en/… pages: each pair counts as one page.
  EP_CONSOLE_PAGE_LANGUAGES: process.env.EP_CONSOLE_PAGE_LANGUAGES ?? 'ar,en',
  // Its services, for the console's service filter (the demo's, server/console/demo-services.json).
  EP_CONSOLE_SERVICES:
    process.env.EP_CONSOLE_SERVICES ??
    readFileSync(new URL('../server/console/demo-services.json', import.meta.url), 'utf8'),
  EP_LOG_LEVEL: process.env.EP_LOG_LEVEL ?? 'warn',
};

// The console's screens (built when their sources changed), then its demo accounts, with fresh passwords
// each start, and its sample votes (server/console/demo-cli.ts), on the collector's database.
const demoSignIns = {
  'demo-admin': randomBytes(12).toString('base64url'),
  'demo-viewer': randomBytes(12).toString('base64url'),
};
for (const [script, env] of [
  [['scripts/build-console.mjs'], process.env],
  [
    ['--import', 'tsx', 'server/console/demo-cli.ts'],
    {
      ...collectorEnv,
      EP_CONSOLE_DEMO_ADMIN_PASSWORD: demoSignIns['demo-admin'],
      EP_CONSOLE_DEMO_VIEWER_PASSWORD: demoSignIns['demo-viewer'],
    },
  ],
]) {
  const result = spawnSync(process.execPath, script, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`npm start: ${script.at(-1)} failed.`);
    process.exit(result.status ?? 1);
  }
}

const collector = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: collectorEnv,
});

let vite;
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of [vite, collector]) if (child && child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
collector.on('exit', (code) => {
  if (!stopping) console.error(`The collector stopped (exit code ${code}).`);
  stop(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

// Wait until the collector answers (its database open and migrated, the sample data in).
for (let tries = 0; !stopping; tries += 1) {
  try {
    const response = await fetch(`http://127.0.0.1:${collectorPort}/ep/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  if (tries > 150) {
    console.error('The collector did not start within 30 s.');
    stop(1);
  }
  await sleep(200);
}

if (!stopping) {
  console.log(
    `\nThe reference collector runs on http://127.0.0.1:${collectorPort}/ep (${process.env.DATABASE_URL ? 'PostgreSQL' : (process.env.EP_SQLITE_PATH ?? 'data/demo.sqlite')}), ` +
      `behind the demo at ${origin}/ep.\n` +
      `Its inbox: ${origin}/ep/admin/ (token ${adminToken}); ideas to review: ${origin}/ep/admin/ideas.html\n` +
      `Its admin API: curl -H 'Authorization: Bearer ${adminToken}' '${origin}/ep/admin/submissions/export?format=csv'\n` +
      `The ministry's console: ${origin}/ep/console/ (Arabic; English with its switch)\n` +
      `  sign in as demo-admin (administrator), password ${demoSignIns['demo-admin']}\n` +
      `  or as demo-viewer (viewer, read only), password ${demoSignIns['demo-viewer']}\n` +
      '\nStarting the demo (Arabic; the page has an English switch). Open the Local URL Vite prints below.\n',
  );
  vite = spawn('node_modules/.bin/vite', ['--config', 'demo/vite.config.ts', '--port', String(port), '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, EP_COLLECTOR_URL: `http://127.0.0.1:${collectorPort}` },
  });
  vite.on('exit', (code) => stop(code ?? 0));
}
