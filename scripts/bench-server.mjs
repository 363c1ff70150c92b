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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP request on an agent; resolves { status, body, ms } or { error, ms }. */
function request(agent, port, method, path, body, headers = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
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
  const base = { id: randomUUID(), page: { url: page, title: 'خدمة', lang: 'ar' }, locale: n % 3 ? 'ar' : 'en', submittedAt: new Date().toISOString(), privacyNotice: '1' };
  const roll = n % 10;
  if (roll === 7) return { marker, envelope: { ...base, kind: 'idea', data: { title: `فكرة ${marker}`, description: `وصف الفكرة ${marker}`, topic: IDEA_TOPIC } } };
  if (roll === 8 && n % 20 === 18 && earlier[n - 10]?.envelope.data.support === true) {
    const given = earlier[n - 10].envelope;
    return { marker, envelope: { ...base, kind: 'idea-support', data: { ideaId: given.data.ideaId, support: false, withdraws: given.id, marker } } };
  }
  if (roll === 8) return { marker, envelope: { ...base, kind: 'idea-support', data: { ideaId: ideas[n % ideas.length], support: true, marker } } };
  if (roll === 9) return { marker, envelope: { ...base, kind: 'consultation-view', data: { consultationId: CONSULTATION, stance: ['support', 'neutral'][n % 2], marker } } };
  if (roll < 4) return { marker, envelope: { ...base, kind: 'page-vote', data: { answer: n % 4 ? 'yes' : 'no', marker } } };
  if (roll < 5) {
    return { marker, envelope: { ...base, kind: 'page-vote-details', data: { answer: 'no', reasons: [{ code: 'outdated', label: 'المعلومات قديمة' }], comment: `تعليق ${marker}` } } };
  }
  return {
    marker,
    envelope: { ...base, kind: 'feedback', data: { type: { code: 'suggestion', label: 'اقتراح' }, message: `اقتراح لتحسين الخدمة ${marker}`, service: 'bench', contact: { email: `v${n}@example.sa`, channel: 'email' }, consent: true } },
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
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
    const envelope = { id: randomUUID(), kind: 'idea', page: { url: PAGES[0], title: 'خدمة', lang: 'ar' }, locale: 'ar', submittedAt: new Date().toISOString(), privacyNotice: '1', data: { title: `فكرة منشورة ${n}`, description: 'وصف', topic: IDEA_TOPIC } };
    const sent = await request(agent, port, 'POST', '/submissions', JSON.stringify(envelope), { 'idempotency-key': envelope.id });
    const published = await request(agent, port, 'PATCH', `/admin/ideas/${envelope.id}`, JSON.stringify({ state: 'published' }), admin);
    if (sent.status !== 201 || published.status !== 200) throw new Error(`setting up idea ${n}: ${sent.status} ${published.status}`);
    ids.push(envelope.id);
  }
  const day = 24 * 60 * 60 * 1000;
  const consultation = { title: 'استشارة للقياس', opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() };
  const put = await request(agent, port, 'PUT', `/admin/consultations/${CONSULTATION}`, JSON.stringify(consultation), admin);
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
        const result = await request(agent, collector.port, 'POST', '/submissions', body, { 'idempotency-key': item.envelope.id });
        latencies.push(result.ms);
        const status = result.status ?? 'network';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (result.status === 201) {
          const seen = answered.get(item.envelope.id);
          if (seen !== undefined && seen !== result.body) throw new Error(`a repeat of ${item.envelope.id} got another answer: ${seen} / ${result.body}`);
          answered.set(item.envelope.id, result.body);
          return;
        }
        if (result.status && result.status < 500 && result.status !== 429 && result.status !== 408) throw new Error(`refused (${result.status}): ${result.body}`);
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
    const exported = await request(agent, collector.port, 'GET', '/admin/submissions/export?format=json', undefined, { authorization: `Bearer ${TOKEN}` });
    const setUpIds = new Set(ideas);
    const rows = JSON.parse(exported.body).filter((row) => !setUpIds.has(row.id));
    const markerOf = (row) => row.data.marker ?? /bench-\d+/.exec(row.data.comment ?? row.data.message ?? row.data.description ?? '')?.[0];
    const byId = new Map();
    const byMarker = new Map();
    for (const row of rows) {
      byId.set(row.id, (byId.get(row.id) ?? 0) + 1);
      byMarker.set(markerOf(row), (byMarker.get(markerOf(row)) ?? 0) + 1);
    }
    const duplicates = [...byId.values()].reduce((sum, n) => sum + n - 1, 0) + [...byMarker.values()].reduce((sum, n) => sum + n - 1, 0);
    const lost = items.filter((item) => !byId.has(item.envelope.id) || !answered.has(item.envelope.id)).length;
    const references = new Set(rows.map((row) => row.reference));

    // The tally of each page, against the votes sent.
    let tallyOff = 0;
    for (const page of PAGES) {
      const votes = items.filter((item) => item.envelope.kind === 'page-vote' && item.envelope.page.url === page);
      const want = { yes: votes.filter((item) => item.envelope.data.answer === 'yes').length, total: votes.length };
      const got = JSON.parse((await request(agent, collector.port, 'GET', `/tally?page=${encodeURIComponent(page)}`)).body);
      if (got.yes !== want.yes || got.total !== want.total) tallyOff += 1;
    }
    // Each idea's supporters (the supports sent that no taking back names, whatever their order of arrival)
    // and the consultation's participants, against what was sent.
    const published = JSON.parse((await request(agent, collector.port, 'GET', '/ideas?limit=50')).body).items;
    const supportsOf = (id) => items.filter((item) => item.envelope.kind === 'idea-support' && item.envelope.data.ideaId === id);
    const takenBack = new Set(items.map((item) => item.envelope.data.withdraws).filter(Boolean));
    const supportsOff = ideas.filter((id) => {
      const want = supportsOf(id).filter((item) => item.envelope.data.support === true && !takenBack.has(item.envelope.id)).length;
      return published.find((idea) => idea.id === id)?.supports !== want;
    }).length;
    const views = items.filter((item) => item.envelope.kind === 'consultation-view').length;
    const participants = JSON.parse((await request(agent, collector.port, 'GET', `/consultations/${CONSULTATION}`)).body).participants;
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
      kinds: Object.fromEntries([...new Set(items.map((item) => item.envelope.kind))].map((kind) => [kind, items.filter((item) => item.envelope.kind === kind).length])),
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
    return result;
  } finally {
    await collector.stop();
  }
}

const results = [];
for (const dialect of dialects) results.push(await run(dialect));
const bad = results.filter((r) => r.duplicates !== 0 || r.lost !== 0 || r.stored !== r.distinct || !r.referencesUnique || r.tallyOff !== 0 || r.supportsOff !== 0 || r.participantsOff);
if (bad.length) {
  console.error(`FAILED: ${bad.map((r) => r.dialect).join(', ')}`);
  process.exitCode = 1;
}
