// `npm run bench:server`: the load script of issue 7. For SQLite and then PostgreSQL, starts the reference
// collector (server/main.ts, its own process, rate limits off) on a fresh database and sends it
// BENCH_REQUESTS submissions (5,000) from BENCH_CLIENTS concurrent clients (50), each client one
// keep-alive connection, as the elements send them (JSON, Idempotency-Key). About one in ten is a repeat
// of an envelope already sent: half of those sent again after its answer (a retry), half at the same
// moment as the first (two tabs). A send that fails for a reason that may pass is tried again with the
// same envelope, as the outbox does. Every kind is in the mix: votes, details, feedback, ideas, supports of
// published ideas and views on an open consultation (the ideas and the consultation are set up through the
// admin API first). Then it reads back everything through the admin export and prints
//
//   throughput, p50/p99 latency, stored, duplicates (must be 0) and lost (must be 0)
//
// duplicates: rows beyond the first for one submission (by envelope id, and by a marker in its content,
// so that a repeat stored under another id would show too); lost: submissions answered 201 (or never
// answered) that are not stored. Also checks the read models against what was sent: each page's tally,
// each idea's supporters and the consultation's participants. Exits 1 if anything is off.
//
// Then the abuse phase (issue 12): one client sends 120 worst-case bodies, each as large as the body limit
// allows (arrays nested 32,000 deep; 32,000 values in one array; an object of 6,000 keys; and the largest
// body the shape limits let through, 16 levels and 1,000 values filled with text, stored), while another
// connection polls `/health/live`. It prints
//
//   abuse: the event loop's busy time in all (from the collector's /metrics) and /health/live's p99
//
// and fails when their CPU time reaches 1 s or the p99 50 ms, or when a body is not answered as it should
// (422 for the first three, 201 for the last). The event loop's busy time (wall clock, from /metrics) is
// printed too; the p99 is judged only when /health/live answers within 10 ms at rest (polled for a second
// first): on a saturated machine every request waits for a CPU and the p99 says nothing of the bodies. `--abuse-only` runs only this phase (a step of `npm test`).
//
// Only 127.0.0.1 is contacted. PostgreSQL is a throwaway cluster (scripts/postgres.mjs) with fsync on.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPostgres } from './postgres.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REPEAT_SHARE = 0.1;
const TOKEN = `bench-${randomUUID()}`;
const PAGES = Array.from({ length: 20 }, (_, n) => `https://www.example.gov.sa/ar/services/${n}`);
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const ABUSE_ONLY = process.argv.includes('--abuse-only');
const METRICS_TOKEN = `bench-metrics-${randomUUID()}`;
const BODY_LIMIT = 64 * 1024;
const ABUSE_BODIES = 120;
const ABUSE_CLIENT_CONNECTIONS = 4;
const ABUSE_BUSY_BUDGET_S = 1;
const ABUSE_HEALTH_P99_BUDGET_MS = 50;
/** Latency is judged only on a machine whose /health/live p99 at rest is under this (a quiet one answers in about 1 ms). */
const QUIET_P99_MS = 10;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP request on an agent; resolves { status, body, ms } or { error, ms }. */
function request(agent, port, method, path, body, headers = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', (error) => resolve({ error, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

const CONSULTATION = 'bench-consultation';
const IDEA_TOPIC = { code: 'other', label: 'أخرى' };

/**
 * The n-th submission, of every kind in turn; `marker` makes its content unique. `ideas`: published idea
 * ids; `earlier`: the submissions made before it (every other support takes back the one ten before).
 */
function submission(n, ideas, earlier) {
  const marker = `bench-${n}`;
  const page = PAGES[n % PAGES.length];
  const base = {
    id: randomUUID(),
    page: { url: page, title: 'خدمة', lang: 'ar' },
    locale: n % 3 ? 'ar' : 'en',
    submittedAt: new Date().toISOString(),
    privacyNotice: '1',
  };
  const roll = n % 10;
  if (roll === 7)
    return {
      marker,
      envelope: {
        ...base,
        kind: 'idea',
        data: { title: `فكرة ${marker}`, description: `وصف الفكرة ${marker}`, topic: IDEA_TOPIC },
      },
    };
  if (roll === 8 && n % 20 === 18 && earlier[n - 10]?.envelope.data.support === true) {
    const given = earlier[n - 10].envelope;
    return {
      marker,
      envelope: {
        ...base,
        kind: 'idea-support',
        data: { ideaId: given.data.ideaId, support: false, withdraws: given.id, marker },
      },
    };
  }
  if (roll === 8)
    return {
      marker,
      envelope: { ...base, kind: 'idea-support', data: { ideaId: ideas[n % ideas.length], support: true, marker } },
    };
  if (roll === 9)
    return {
      marker,
      envelope: {
        ...base,
        kind: 'consultation-view',
        data: { consultationId: CONSULTATION, stance: ['support', 'neutral'][n % 2], marker },
      },
    };
  if (roll < 4)
    return { marker, envelope: { ...base, kind: 'page-vote', data: { answer: n % 4 ? 'yes' : 'no', marker } } };
  if (roll < 5) {
    return {
      marker,
      envelope: {
        ...base,
        kind: 'page-vote-details',
        data: { answer: 'no', reasons: [{ code: 'outdated', label: 'المعلومات قديمة' }], comment: `تعليق ${marker}` },
      },
    };
  }
  return {
    marker,
    envelope: {
      ...base,
      kind: 'feedback',
      data: {
        type: { code: 'suggestion', label: 'اقتراح' },
        message: `اقتراح لتحسين الخدمة ${marker}`,
        service: 'bench',
        contact: { email: `v${n}@example.sa`, channel: 'email' },
        consent: true,
      },
    },
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startCollector(dialect) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ep-bench-'));
  const postgres = dialect === 'postgres' ? await startPostgres({ durable: true, log: () => {} }) : undefined;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EP_ADMIN_TOKEN: TOKEN,
    EP_METRICS_TOKEN: METRICS_TOKEN,
    EP_BODY_LIMIT: String(BODY_LIMIT),
    EP_RATE_LIMIT: '0',
    EP_RATE_LIMIT_READS: '0',
    EP_RATE_LIMIT_ADMIN: '0',
    EP_LOG_LEVEL: 'warn',
    EP_CLIENT_KEY_SECRET: 'bench',
    EP_SQLITE_PATH: join(dir, 'collector.sqlite'),
    EP_PG_POOL_MAX: '20',
  };
  delete env.DATABASE_URL;
  if (postgres) env.DATABASE_URL = postgres.url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let tries = 0; ; tries += 1) {
    const health = await request(agent, port, 'GET', '/health');
    if (health.status === 200) break;
    if (tries > 100 || child.exitCode !== null) throw new Error(`the ${dialect} collector did not start`);
    await sleep(200);
  }
  agent.destroy();
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, stop, child };
}

/** Five published ideas and one open consultation, through the admin API; returns the ideas' ids. */
async function setUp(port) {
  const agent = new http.Agent({ keepAlive: true });
  const admin = { authorization: `Bearer ${TOKEN}` };
  const ids = [];
  for (let n = 0; n < 5; n += 1) {
    const envelope = {
      id: randomUUID(),
      kind: 'idea',
      page: { url: PAGES[0], title: 'خدمة', lang: 'ar' },
      locale: 'ar',
      submittedAt: new Date().toISOString(),
      privacyNotice: '1',
      data: { title: `فكرة منشورة ${n}`, description: 'وصف', topic: IDEA_TOPIC },
    };
    const sent = await request(agent, port, 'POST', '/submissions', JSON.stringify(envelope), {
      'idempotency-key': envelope.id,
    });
    const published = await request(
      agent,
      port,
      'PATCH',
      `/admin/ideas/${envelope.id}`,
      JSON.stringify({ state: 'published' }),
      admin,
    );
    if (sent.status !== 201 || published.status !== 200)
      throw new Error(`setting up idea ${n}: ${sent.status} ${published.status}`);
    ids.push(envelope.id);
  }
  const day = 24 * 60 * 60 * 1000;
  const consultation = {
    title: 'استشارة للقياس',
    type: 'non-legal',
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + day).toISOString(),
  };
  const put = await request(
    agent,
    port,
    'PUT',
    `/admin/consultations/${CONSULTATION}`,
    JSON.stringify(consultation),
    admin,
  );
  if (put.status !== 200) throw new Error(`setting up the consultation: ${put.status} ${put.body}`);
  agent.destroy();
  return ids;
}

async function run(dialect) {
  const collector = await startCollector(dialect);
  try {
    const ideas = await setUp(collector.port);
    const repeats = Math.round(REQUESTS * REPEAT_SHARE);
    const distinct = REQUESTS - repeats;
    const items = [];
    for (let n = 0; n < distinct; n += 1) items.push(submission(n, ideas, items));
    /**
     * The sends, in order: each submission once; for some, a second copy at the same moment on another
     * connection (two tabs), and for as many others, a copy later, after the first was answered (a retry).
     */
    const plan = items.map((item) => ({ item, copies: 1 }));
    const every = Math.max(1, Math.floor(distinct / Math.max(1, repeats)));
    for (let planned = 0, n = 0; planned < repeats && n < distinct; planned += 1, n += every) {
      if (planned % 2 === 0) plan[n].copies = 2;
      else plan.splice(Math.min(plan.length, n + planned + 200), 0, { item: items[n], copies: 1, later: true });
    }
    const latencies = [];
    const statuses = new Map();
    const answered = new Map(); // id → first receipt body
    let retries = 0;
    let next = 0;

    async function send(agent, item) {
      const body = JSON.stringify(item.envelope);
      for (let attempt = 0; ; attempt += 1) {
        const result = await request(agent, collector.port, 'POST', '/submissions', body, {
          'idempotency-key': item.envelope.id,
        });
        latencies.push(result.ms);
        const status = result.status ?? 'network';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (result.status === 201) {
          const seen = answered.get(item.envelope.id);
          if (seen !== undefined && seen !== result.body)
            throw new Error(`a repeat of ${item.envelope.id} got another answer: ${seen} / ${result.body}`);
          answered.set(item.envelope.id, result.body);
          return;
        }
        if (result.status && result.status < 500 && result.status !== 429 && result.status !== 408)
          throw new Error(`refused (${result.status}): ${result.body}`);
        if (attempt >= 20) return; // given up: counted as lost below
        retries += 1;
        await sleep(50 * 2 ** Math.min(attempt, 5));
      }
    }

    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
        const other = new http.Agent({ keepAlive: true, maxSockets: 1 });
        while (next < plan.length) {
          const step = plan[next++];
          if (step.copies === 2) await Promise.all([send(agent, step.item), send(other, step.item)]);
          else await send(agent, step.item);
        }
        agent.destroy();
        other.destroy();
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sent = latencies.length;

    // What the collector kept, through the admin export.
    const agent = new http.Agent({ keepAlive: true });
    const exported = await request(agent, collector.port, 'GET', '/admin/submissions/export?format=json', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    const setUpIds = new Set(ideas);
    const rows = JSON.parse(exported.body).filter((row) => !setUpIds.has(row.id));
    const markerOf = (row) =>
      row.data.marker ?? /bench-\d+/.exec(row.data.comment ?? row.data.message ?? row.data.description ?? '')?.[0];
    const byId = new Map();
    const byMarker = new Map();
    for (const row of rows) {
      byId.set(row.id, (byId.get(row.id) ?? 0) + 1);
      byMarker.set(markerOf(row), (byMarker.get(markerOf(row)) ?? 0) + 1);
    }
    const duplicates =
      [...byId.values()].reduce((sum, n) => sum + n - 1, 0) + [...byMarker.values()].reduce((sum, n) => sum + n - 1, 0);
    const lost = items.filter((item) => !byId.has(item.envelope.id) || !answered.has(item.envelope.id)).length;
    const references = new Set(rows.map((row) => row.reference));

    // The tally of each page, against the votes sent.
    let tallyOff = 0;
    for (const page of PAGES) {
      const votes = items.filter((item) => item.envelope.kind === 'page-vote' && item.envelope.page.url === page);
      const want = { yes: votes.filter((item) => item.envelope.data.answer === 'yes').length, total: votes.length };
      const got = JSON.parse(
        (await request(agent, collector.port, 'GET', `/tally?page=${encodeURIComponent(page)}`)).body,
      );
      if (got.yes !== want.yes || got.total !== want.total) tallyOff += 1;
    }
    // Each idea's supporters (the supports sent that no taking back names, whatever their order of arrival)
    // and the consultation's participants, against what was sent.
    const published = JSON.parse((await request(agent, collector.port, 'GET', '/ideas?limit=50')).body).items;
    const supportsOf = (id) =>
      items.filter((item) => item.envelope.kind === 'idea-support' && item.envelope.data.ideaId === id);
    const takenBack = new Set(items.map((item) => item.envelope.data.withdraws).filter(Boolean));
    const supportsOff = ideas.filter((id) => {
      const want = supportsOf(id).filter(
        (item) => item.envelope.data.support === true && !takenBack.has(item.envelope.id),
      ).length;
      return published.find((idea) => idea.id === id)?.supports !== want;
    }).length;
    const views = items.filter((item) => item.envelope.kind === 'consultation-view').length;
    const participants = JSON.parse(
      (await request(agent, collector.port, 'GET', `/consultations/${CONSULTATION}`)).body,
    ).participants;
    agent.destroy();

    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      dialect,
      requests: sent,
      distinct,
      repeats: plan.reduce((sum, step) => sum + step.copies, 0) - distinct,
      clients: CLIENTS,
      seconds: Number(seconds.toFixed(2)),
      throughput: Math.round(sent / seconds),
      p50: Number(percentile(sorted, 50).toFixed(1)),
      p99: Number(percentile(sorted, 99).toFixed(1)),
      statuses: Object.fromEntries(statuses),
      retries,
      stored: rows.length,
      duplicates,
      lost,
      referencesUnique: references.size === rows.length,
      tallyOff,
      supportsOff,
      participantsOff: participants !== views,
      kinds: Object.fromEntries(
        [...new Set(items.map((item) => item.envelope.kind))].map((kind) => [
          kind,
          items.filter((item) => item.envelope.kind === kind).length,
        ]),
      ),
      takingsBack: takenBack.size,
    };
    console.log(
      `${dialect.padEnd(8)} requests=${result.requests} (distinct ${result.distinct}, repeats ${result.repeats}) clients=${CLIENTS} ` +
        `time=${result.seconds}s throughput=${result.throughput} req/s p50=${result.p50} ms p99=${result.p99} ms ` +
        `statuses=${JSON.stringify(result.statuses)} retries=${retries} stored=${result.stored} duplicates=${duplicates} lost=${lost} ` +
        `references ${result.referencesUnique ? 'unique' : 'NOT UNIQUE'}, tally ${tallyOff === 0 ? 'exact' : `off on ${tallyOff} pages`}, ` +
        `supporters ${supportsOff === 0 ? 'exact' : `off on ${supportsOff} ideas`}, participants ${result.participantsOff ? `OFF (${participants} for ${views} views)` : 'exact'}` +
        `\n         kinds ${JSON.stringify(result.kinds)} (of the supports, ${result.takingsBack} take one back)`,
    );
    result.abuse = await abuse(dialect, collector.port);
    return result;
  } finally {
    await collector.stop();
  }
}

/**
 * The collector's event-loop busy time and CPU time so far, in seconds, from its /metrics. On a shared
 * machine the first also counts the moments the process waited for a CPU while busy; the second does not.
 */
async function costSoFar(port) {
  const agent = new http.Agent();
  const answer = await request(agent, port, 'GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
  agent.destroy();
  const read = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(answer.body ?? '')?.[1]);
  const cost = { loop: read('ep_event_loop_active_seconds_total'), cpu: read('process_cpu_seconds_total') };
  if (answer.status !== 200 || Number.isNaN(cost.loop) || Number.isNaN(cost.cpu))
    throw new Error(`/metrics: ${answer.status} ${answer.error ?? ''}`);
  return cost;
}

/** Polls /health/live every 5 ms on a connection of its own until stop() is called; resolves the latencies. */
function pollHealth(port) {
  let polling = true;
  const latencies = [];
  const done = (async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (polling) {
      const answer = await request(agent, port, 'GET', '/health/live');
      latencies.push(answer.status === 200 ? answer.ms : Infinity);
      await sleep(5);
    }
    agent.destroy();
    return latencies.sort((a, b) => a - b);
  })();
  return () => ((polling = false), done);
}

/** An envelope whose `data.extra` is the given JSON text, padded with `data.pad` up to `size` bytes when asked. */
function hostile(extraJson, size) {
  const envelope = {
    id: randomUUID(),
    kind: 'page-vote',
    page: { url: PAGES[0], title: 'خدمة', lang: 'ar' },
    locale: 'ar',
    submittedAt: new Date().toISOString(),
    privacyNotice: '1',
    data: { answer: 'yes' },
  };
  const text = JSON.stringify(envelope).replace('"answer":"yes"', `"answer":"yes","extra":${extraJson}`);
  return {
    id: envelope.id,
    body: size
      ? text.replace(
          '"answer":"yes"',
          `"answer":"yes","pad":"${'x'.repeat(Math.max(0, size - Buffer.byteLength(text) - 9))}"`,
        )
      : text,
  };
}

/** Values in a parsed body (each object, array, string, number, boolean and null). */
function countValues(root) {
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const value = stack.pop();
    count += 1;
    if (value !== null && typeof value === 'object') stack.push(...Object.values(value));
  }
  return count;
}

/** The four worst cases, each about as large as the body limit allows, and the status each must get. */
function worstCases() {
  const room = BODY_LIMIT - 600;
  const levels = Math.floor(room / 2);
  const values = Math.floor(room / 2);
  const keys = Math.floor(room / 10);
  // The largest the shape limits allow: `extra.nest` nested to level 16 (envelope 1, data 2, extra 3,
  // nest 4 … 16), and a list of strings making 1,000 values in all, filling the rest of the limit.
  let nested = '"x"';
  for (let n = 0; n < 13; n += 1) nested = `{"a":${nested}}`;
  const frame = hostile(`{"nest":${nested},"list":[]}`, 0).body;
  const strings = 1000 - countValues(JSON.parse(frame)) - 1; // and `pad`
  const each = Math.floor((room - Buffer.byteLength(frame) - 200) / strings / 2) - 2; // Arabic letters: 2 bytes
  const filler = `[${Array.from({ length: strings }, () => `"${'ن'.repeat(each)}"`).join(',')}]`;
  return [
    { name: 'deep', status: 422, make: () => hostile(`${'['.repeat(levels)}${']'.repeat(levels)}`) },
    { name: 'wide', status: 422, make: () => hostile(`[${new Array(values).fill('0').join(',')}]`) },
    {
      name: 'many keys',
      status: 422,
      make: () => hostile(`{${Array.from({ length: keys }, (_, n) => `"k${n}":0`).join(',')}}`),
    },
    { name: 'largest allowed', status: 201, make: () => hostile(`{"nest":${nested},"list":${filler}}`, room) },
  ];
}

/** The abuse phase on a running collector; returns its figures. */
async function abuse(dialect, port) {
  const cases = worstCases();
  // Built before any timing starts: making a 64 KB body blocks this process, and the poller below runs here
  // too, so building them as they are sent would add this script's own delays to /health/live's latency.
  const plan = Array.from({ length: ABUSE_BODIES }, (_, n) => {
    const wanted = cases[n % cases.length];
    return { ...wanted, ...wanted.make() };
  });
  // The same polling with nothing else sent first: what this machine gives at rest, for comparison.
  const stopIdle = pollHealth(port);
  await sleep(1000);
  const idle = await stopIdle();
  const before = await costSoFar(port);
  const stopPolling = pollHealth(port);
  const wrong = [];
  const statuses = new Map();
  let largest = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const agent = new http.Agent({ keepAlive: true, maxSockets: ABUSE_CLIENT_CONNECTIONS });
  await Promise.all(
    Array.from({ length: ABUSE_CLIENT_CONNECTIONS }, async () => {
      while (next < plan.length) {
        const wanted = plan[next++];
        const { id, body } = wanted;
        largest = Math.max(largest, Buffer.byteLength(body));
        const answer = await request(agent, port, 'POST', '/submissions', body, { 'idempotency-key': id });
        const status = answer.status ?? 'network';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== wanted.status)
          wrong.push(`${wanted.name}: ${status} ${answer.body ?? answer.error}`.slice(0, 300));
      }
    }),
  );
  agent.destroy();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = await stopPolling();
  const after = await costSoFar(port);
  const busy = after.loop - before.loop;
  const cpu = after.cpu - before.cpu;
  const result = {
    dialect,
    bodies: plan.length,
    largest,
    seconds: Number(seconds.toFixed(2)),
    busy: Number(busy.toFixed(3)),
    cpu: Number(cpu.toFixed(3)),
    healthIdleP99: Number(percentile(idle, 99).toFixed(1)),
    healthPolls: sorted.length,
    healthP99: Number(percentile(sorted, 99).toFixed(1)),
    healthMax: Number(sorted.at(-1).toFixed(1)),
    statuses: Object.fromEntries(statuses),
    wrong,
  };
  // The cost is judged on CPU time: the event loop's busy time is wall-clock, and on a shared machine it
  // also counts the moments the collector waited for a CPU (there, every slice of work stretches several
  // times, and so does the wait of a health check behind it). Latency is judged only on a quiet machine;
  // on a busy one it is printed, not judged.
  const quiet = result.healthIdleP99 < QUIET_P99_MS;
  const ok =
    cpu < ABUSE_BUSY_BUDGET_S && (!quiet || result.healthP99 < ABUSE_HEALTH_P99_BUDGET_MS) && wrong.length === 0;
  console.log(
    `abuse    ${dialect.padEnd(8)} ${result.bodies} worst-case bodies (${cases.map((c) => c.name).join(', ')}; up to ${largest} bytes) from one client in ${result.seconds}s: ` +
      `CPU ${result.cpu} s in all (${((cpu * 1000) / plan.length).toFixed(2)} ms each; budget ${ABUSE_BUSY_BUDGET_S} s), event loop busy ${result.busy} s (wall clock); ` +
      `/health/live p99 ${result.healthP99} ms, max ${result.healthMax} ms over ${result.healthPolls} polls ` +
      `(budget ${ABUSE_HEALTH_P99_BUDGET_MS} ms; ${result.healthIdleP99} ms at rest${quiet ? '' : ': machine busy (over ' + QUIET_P99_MS + ' ms), latency not judged'}); ` +
      `statuses ${JSON.stringify(result.statuses)} ${ok ? 'ok' : 'FAILED'}`,
  );
  for (const line of wrong.slice(0, 5)) console.error(`  unexpected: ${line}`);
  return { ...result, ok };
}

const results = [];
const abuses = [];
for (const dialect of dialects) {
  if (ABUSE_ONLY) {
    const collector = await startCollector(dialect);
    try {
      abuses.push(await abuse(dialect, collector.port));
    } finally {
      await collector.stop();
    }
  } else {
    results.push(await run(dialect));
  }
}
const bad = results.filter(
  (r) =>
    r.duplicates !== 0 ||
    r.lost !== 0 ||
    r.stored !== r.distinct ||
    !r.referencesUnique ||
    r.tallyOff !== 0 ||
    r.supportsOff !== 0 ||
    r.participantsOff,
);
const abused = [...abuses, ...results.map((r) => r.abuse)].filter((a) => a && !a.ok);
if (bad.length || abused.length) {
  console.error(`FAILED: ${[...bad.map((r) => r.dialect), ...abused.map((a) => `${a.dialect} (abuse)`)].join(', ')}`);
  process.exitCode = 1;
}
