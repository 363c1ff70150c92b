/**
 * What the collector's tests share: a configuration, a fresh store per test on a real database (a SQLite
 * file in a temporary folder; a new database on the test PostgreSQL, whose URL scripts/server-test.mjs
 * passes as EP_TEST_DATABASE_URL), the app over it, and envelopes as the elements make them.
 */
import { Writable } from 'node:stream';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { Contract, type FieldError, type Schemas } from '../contract.js';
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { scratchDatabase } from './pg-scratch.js';

export type Dialect = 'sqlite' | 'postgres';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** The dialects to run against: SQLite always; PostgreSQL when the runner gave a server. */
export const DIALECTS: Dialect[] = process.env.EP_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!process.env.EP_TEST_DATABASE_URL && process.env.EP_REQUIRE_POSTGRES) {
  throw new Error(
    'EP_REQUIRE_POSTGRES is set but EP_TEST_DATABASE_URL is not: run the tests with `npm run test:server`.',
  );
}

let shared: Contract | undefined;
/** One compiled contract for the whole file (compiling takes a moment). */
export const contract = (): Contract => (shared ??= new Contract());

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ EP_CLIENT_KEY_SECRET: 'test-secret', EP_ADMIN_TOKEN: ADMIN_TOKEN }),
    rateLimit: { submissions: 0, reads: 0, admin: 0 },
    ...overrides,
  };
}

export interface TestStore {
  store: Store;
  /** The SQLite file, for tests that read it raw. */
  file?: string;
  /** The PostgreSQL database's URL, for tests that open a second store on it. */
  url?: string;
  /** Runs SQL on the store's own database (for checks the API does not offer). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A new, empty store on a real database. */
export async function openTestStore(dialect: Dialect): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ep-collector-test-'));
    const file = join(dir, 'collector.sqlite');
    const store = new SqliteStore(file);
    return {
      store,
      file,
      sql: async (text, params = []) => store.raw(text, params as (string | number | null)[]) as never,
      drop: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await scratchDatabase('ep_test');
  const store = await PostgresStore.open({ connectionString: database.url.href, max: 20 });
  return {
    store,
    url: database.url.href,
    sql: async (text, params = []) => (await store.query(text, params)).rows as never,
    drop: async () => {
      await store.close();
      await database.drop();
    },
  };
}

export interface TestApp extends TestStore {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/**
 * The app the tests of a suite share: opened on a fresh store before them, closed after them (its fields are
 * filled in by the suite's `before`).
 */
export function suiteApp(dialect: Dialect, overrides: Partial<Config> = {}, given = contract()): TestApp {
  const t = {} as TestApp;
  before(async () => void Object.assign(t, await openTestApp(dialect, overrides, given)));
  after(() => t.close());
  return t;
}

/** A temporary folder for a suite's tests, made before them, removed after them; the answer makes paths in it. */
export function suiteFolder(prefix: string): (...names: string[]) => string {
  let folder = '';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  return (...names) => join(folder, ...names);
}

/** `given`: a contract other than api/openapi.yaml's (a test copy with other limits). */
export async function openTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  given = contract(),
): Promise<TestApp> {
  const opened = await openTestStore(dialect);
  const config = testConfig(overrides);
  const app = await buildApp({ config, store: opened.store, contract: given });
  await app.ready();
  return {
    ...opened,
    app,
    config,
    close: async () => {
      await app.close();
      await opened.drop();
    },
  };
}

/** An app on a fresh SQLite store whose log lines (JSON, one a line) are kept in `lines`, to check what the logs hold. */
export async function openLoggedApp(lines: string[]): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  const opened = await openTestStore('sqlite');
  const app = await buildApp({
    config: testConfig(),
    store: opened.store,
    contract: contract(),
    logger: { stream, level: 'info' },
  });
  return {
    app,
    close: async () => {
      await app.close();
      await opened.drop();
    },
  };
}

/** The administration pages' own policy: their scripts, style and calls to this origin only. */
export const ADMIN_PAGE_CSP = /^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';/;

/** GETs an administration page or script, asserting that it is served (200) as `type`, under the pages' policy. */
export async function servedAdminFile(app: FastifyInstance, url: string, type: RegExp) {
  const response = await app.inject({ url });
  assert.equal(response.statusCode, 200, url);
  assert.match(String(response.headers['content-type']), type);
  assert.match(String(response.headers['content-security-policy']), ADMIN_PAGE_CSP);
  return response;
}

/** Asserts that `value` matches the contract's schema `name`. */
export function valid(name: string, value: unknown): void {
  const checked = contract().check(name, value);
  if (!checked.valid) {
    assert.fail(`not a valid ${name}: ${JSON.stringify(checked.fieldErrors)}\n${JSON.stringify(value)}`);
  }
}

/** The fields a 422 names, sorted. */
export const fieldsOf = (body: { fieldErrors: Pick<FieldError, 'field'>[] }): string[] =>
  body.fieldErrors.map((error) => error.field).sort();

export type Kind = Schemas['Kind'];

const DATA: Record<Kind, Record<string, unknown>> = {
  'page-vote': { answer: 'yes' },
  'page-vote-details': {
    answer: 'no',
    reasons: [{ code: 'outdated', label: 'The information was incomplete or out of date' }],
    comment: '',
  },
  feedback: { type: { code: 'complaint', label: 'Complaint' }, message: 'The permit form rejects my plot number.' },
  idea: {
    title: 'Evening hours at service centres',
    description: 'Open the service centres until 9 pm two days a week.',
    topic: { code: 'other', label: 'Other' },
  },
  // These two name an idea and a consultation that must exist (and be published, or open) to be stored.
  'idea-support': { ideaId: 'idea-1', support: true },
  'consultation-view': { consultationId: 'consultation-1', stance: 'support' },
  'lab-signup': {
    sessions: ['prototype'],
    topics: [{ code: 'permits', label: 'تصاريح البناء' }],
    attendance: ['online', 'in-person'],
    city: 'الرياض',
    language: 'ar',
    contact: { name: 'سارة الحربي', email: 'sara@example.sa' },
    ageBand: '25-34',
    consent: true,
  },
  // A code no sign-up has: stored, and matches nothing.
  'lab-withdraw': { code: '0000-0000-0000', contact: { email: 'sara@example.sa' } },
};

/** An envelope as the elements send it; `data` replaces the kind's sample data. */
export function envelope(
  kind: Kind,
  data?: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: randomUUID(),
    kind,
    page: { url: 'https://www.example.gov.sa/ar/e-participation', title: 'بيان المشاركة الإلكترونية', lang: 'ar' },
    locale: 'ar',
    submittedAt: new Date().toISOString(),
    privacyNotice: '1',
    data: data ?? structuredClone(DATA[kind]),
    ...overrides,
  };
}

/** POSTs an envelope as the elements do (JSON, its id as Idempotency-Key). */
export function post(app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) {
  const id =
    typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string'
      ? (body as { id: string }).id
      : undefined;
  return app.inject({
    method: 'POST',
    url: '/submissions',
    headers: { 'content-type': 'application/json', ...(id ? { 'idempotency-key': id } : {}), ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Every stored submission, through the admin list. */
export async function storedCount(t: TestStore): Promise<number> {
  const rows = await t.sql<{ n: number | string }>('SELECT count(*) AS n FROM submissions');
  return Number(rows[0]!.n);
}

/** A stored submission's data and page key, by its reference; undefined when it is gone. */
export async function stored(
  t: TestStore,
  reference: string,
): Promise<{ data: Record<string, unknown>; page_url: string } | undefined> {
  const [row] = await t.sql<{ data: unknown; page_url: string }>(
    `SELECT data, page_url FROM submissions WHERE reference = ${t.store.dialect === 'postgres' ? '$1' : '?'}`,
    [reference],
  );
  return (
    row && {
      page_url: row.page_url,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : (row.data as Record<string, unknown>),
    }
  );
}
