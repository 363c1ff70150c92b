// `npm run test:db-faults` (a step of `npm test`): the collector against a PostgreSQL that fails under it.
// Starts a throwaway PostgreSQL (scripts/postgres.mjs, fsync on) and the collector as its own process
// (server/main.ts with DATABASE_URL). 20 clients send valid envelopes as the elements' outbox does: each
// envelope is kept as the bytes first sent, and on a network error, a 5xx, a 408 or a 429 the same bytes
// are sent again later. Meanwhile the collector's sessions are ended three times (pg_terminate_backend)
// and PostgreSQL is restarted twice (`pg_ctl restart -m fast`). Then everything not acknowledged is sent
// again until it is. Counts exits of the collector process (it is started again after one, as an
// orchestrator would, so the run can finish and count), acknowledged envelopes (201), rows stored, lost
// (acknowledged or sent but not stored) and duplicates (rows beyond one per envelope, by id and by a marker
// in the content), and prints
//
//   db-faults: exits=0 acked=N stored=N lost=0 duplicates=0
//
// then the answers by status (some must be 503 during the faults). Exits 1 unless exits, lost and
// duplicates are 0, stored equals acked, some answers were 503 and none was 500. Writes .test-results/db-faults.json
// ({ passed, failed }: one per check). Only 127.0.0.1 is contacted.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { freePort, startPostgres } from './postgres.mjs';

const CLIENTS = 20;
const SEND_SECONDS_AFTER_FAULTS = 2;
const DRAIN_SECONDS = 30;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** One POST; resolves { status, body } or { error }. */
function postEnvelope(agent, port, body, id) {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/submissions',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': id,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => resolve({ error }));
      },
    );
    request.on('error', (error) => resolve({ error }));
    request.setTimeout(15_000, () => request.destroy(new Error('timeout')));
    request.end(body);
  });
}

/** The n-th envelope: votes, details, messages and ideas (none needs anything set up first), each with a marker. */
function envelopeOf(n) {
  const marker = `db-fault-${n}`;
  const base = {
    id: randomUUID(),
    page: { url: `https://www.example.gov.sa/ar/services/${n % 7}`, title: 'خدمة', lang: 'ar' },
    locale: n % 2 ? 'ar' : 'en',
    submittedAt: new Date().toISOString(),
    privacyNotice: '1',
  };
  switch (n % 4) {
    case 0:
      return { ...base, kind: 'page-vote', data: { answer: n % 3 ? 'yes' : 'no', marker } };
    case 1:
      return {
        ...base,
        kind: 'page-vote-details',
        data: { answer: 'no', reasons: [{ code: 'outdated', label: 'المعلومات قديمة' }], comment: '', marker },
      };
    case 2:
      return {
        ...base,
        kind: 'feedback',
        data: { type: { code: 'suggestion', label: 'اقتراح' }, message: `اقتراح ${marker}`, marker },
      };
    default:
      return {
        ...base,
        kind: 'idea',
        data: { title: `فكرة ${marker}`, description: 'وصف الفكرة', topic: { code: 'other', label: 'أخرى' }, marker },
      };
  }
}

/** The collector in its own process; started again if it exits, and every exit counted. */
function startCollector(env) {
  const state = { child: undefined, exits: 0, stopping: false, output: [] };
  const launch = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        state.output.push(String(chunk));
        if (state.output.length > 200) state.output.shift();
      });
    }
    child.on('exit', (code, signal) => {
      if (state.stopping) return;
      state.exits += 1;
      console.error(
        `db-faults: the collector exited (${signal ?? code}) at ${elapsed()}; its last output:\n${state.output.slice(-20).join('')}`,
      );
      launch();
    });
    state.child = child;
  };
  launch();
  state.stop = async () => {
    state.stopping = true;
    const child = state.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return state;
}

async function waitUntilReady(port) {
  const agent = new http.Agent({ keepAlive: false });
  for (let tries = 0; tries < 300; tries += 1) {
    const answer = await new Promise((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/health/ready', agent },
        (response) => (response.resume(), resolve(response.statusCode)),
      );
      request.on('error', () => resolve(0));
    });
    if (answer === 200) return;
    await sleep(100);
  }
  throw new Error('the collector did not become ready');
}

/** Runs one SQL statement on the cluster as a separate application, with a connection of its own. */
async function adminQuery(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url, application_name: 'ep-db-fault-run' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const postgres = await startPostgres({ durable: true, log: () => {} });
  if (!postgres.restart)
    throw new Error('the fault run needs its own PostgreSQL (it restarts it): unset EP_TEST_DATABASE_URL');
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: postgres.url,
    EP_RATE_LIMIT: '0',
    EP_RATE_LIMIT_READS: '0',
    EP_LOG_LEVEL: 'error',
    EP_CLIENT_KEY_SECRET: 'db-fault-run',
    EP_PG_POOL_MAX: '10',
  };
  delete env.EP_ADMIN_TOKEN;
  const collector = startCollector(env);
  try {
    await waitUntilReady(port);
    console.log(`db-faults: PostgreSQL and the collector up at ${elapsed()}; ${CLIENTS} clients sending`);

    const statuses = new Map();
    const count = (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const sent = new Map(); // id → { marker, body, receipt? }
    let next = 0;
    let sending = true;
    let refused = 0;

    /** One client: a keep-alive connection and an outbox of what it has not yet seen acknowledged. */
    async function client() {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const outbox = [];
      const attempt = async (item) => {
        const answer = await postEnvelope(agent, port, item.body, item.id);
        count(answer.status ?? 'network');
        if (answer.status === 201) {
          if (item.receipt !== undefined && item.receipt !== answer.body)
            throw new Error(`a repeat of ${item.id} got another answer`);
          item.receipt = answer.body;
          return true;
        }
        if (answer.status !== undefined && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
          refused += 1;
          console.error(`db-faults: refused ${answer.status}: ${answer.body}`);
          return true; // final: not retried (counted as lost below if not stored)
        }
        return false;
      };
      while (sending) {
        // The outbox first, as the elements do when they get a chance; then a new envelope.
        const due = outbox.filter((item) => item.dueAt <= Date.now());
        for (const item of due) {
          if (await attempt(item)) outbox.splice(outbox.indexOf(item), 1);
          else item.dueAt = Date.now() + Math.min(2000, 100 * 2 ** ++item.tries);
        }
        const n = next++;
        const envelope = envelopeOf(n);
        const item = {
          id: envelope.id,
          marker: envelope.data.marker,
          body: JSON.stringify(envelope),
          tries: 0,
          dueAt: 0,
        };
        sent.set(item.id, item);
        if (!(await attempt(item))) outbox.push(((item.dueAt = Date.now() + 100), item));
        await sleep(50);
      }
      // The faults are over: everything not acknowledged is sent again until it is (or time runs out).
      const deadline = Date.now() + DRAIN_SECONDS * 1000;
      while (outbox.length && Date.now() < deadline) {
        const item = outbox[0];
        if (await attempt(item)) outbox.shift();
        else await sleep(200);
      }
      agent.destroy();
      return outbox.length;
    }

    const clients = Array.from({ length: CLIENTS }, client);
    const terminations = [];
    const terminate = async () => {
      const { rows } = await adminQuery(
        postgres.url,
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'ep-collector'",
      );
      terminations.push(rows.filter((row) => row.ended).length);
      console.log(`db-faults: ended ${terminations.at(-1)} collector sessions at ${elapsed()}`);
    };
    const restart = async () => {
      const begun = elapsed();
      await postgres.restart();
      console.log(`db-faults: PostgreSQL restarted (-m fast) from ${begun} to ${elapsed()}`);
    };
    for (const fault of [terminate, restart, terminate, restart, terminate]) {
      await sleep(2500);
      await fault();
    }
    await sleep(SEND_SECONDS_AFTER_FAULTS * 1000);
    sending = false;
    const unsent = (await Promise.all(clients)).reduce((sum, n) => sum + n, 0);

    const rows = (await adminQuery(postgres.url, "SELECT id, data->>'marker' AS marker FROM submissions")).rows;
    const byId = new Map();
    const byMarker = new Map();
    for (const row of rows) {
      byId.set(row.id, (byId.get(row.id) ?? 0) + 1);
      byMarker.set(row.marker, (byMarker.get(row.marker) ?? 0) + 1);
    }
    const items = [...sent.values()];
    const acked = items.filter((item) => item.receipt !== undefined).length;
    const lost = items.filter((item) => !byId.has(item.id)).length;
    const duplicates =
      [...byId.values()].reduce((sum, n) => sum + n - 1, 0) + [...byMarker.values()].reduce((sum, n) => sum + n - 1, 0);
    const unavailable = statuses.get(503) ?? 0;
    const exits = collector.exits;

    console.log(`db-faults: exits=${exits} acked=${acked} stored=${rows.length} lost=${lost} duplicates=${duplicates}`);
    console.log(
      `db-faults: ${items.length} envelopes from ${CLIENTS} clients, ${[...statuses.values()].reduce((a, b) => a + b, 0)} sends; answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `503 during the faults: ${unavailable}; sessions ended ${terminations.join(', ')}; refused ${refused}; never acknowledged ${unsent}; ${elapsed()}`,
    );
    const checks = {
      'the collector never exited': exits === 0,
      'nothing lost': lost === 0 && unsent === 0 && refused === 0,
      'no duplicates': duplicates === 0,
      'stored equals acknowledged': rows.length === acked && acked === items.length,
      'some answers were 503 during the faults': unavailable > 0,
      // A database fault is "not now" (503), never a failure of the collector's own (500).
      'no answer was 500': !statuses.has(500),
    };
    for (const [name, ok] of Object.entries(checks)) if (!ok) console.error(`db-faults: FAILED: ${name}`);
    return checks;
  } finally {
    await collector.stop();
    await postgres.stop();
  }
}

mkdirSync('.test-results', { recursive: true });
let checks;
try {
  checks = await main();
} catch (error) {
  console.error(`db-faults: ${error.stack ?? error}`);
  checks = { 'the run finished': false };
}
const passed = Object.values(checks).filter(Boolean).length;
const failed = Object.values(checks).length - passed;
writeFileSync('.test-results/db-faults.json', JSON.stringify({ passed, failed }));
process.exitCode = failed === 0 ? 0 : 1;
