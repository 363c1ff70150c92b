/**
 * A real collector for the console's browser tests: the app as `npm run server` builds it, under the base
 * path `/ep`, on a SQLite file of its own, listening on a free port of 127.0.0.1, with the console demo's
 * votes (language segments mapped, its services named) (server/console/demo-data.ts) and one account of each
 * role; with SMTP settings when a test gives them (a local SMTP server of its own).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../tools/free-port.mjs';
import { buildApp } from '../../app.js';
import { loadConfig, type SmtpConfig } from '../../config.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { addAccount, type Role } from '../auth/accounts.js';
import { DEMO_SERVICES, seedDemoVotes } from '../demo-data.js';

export const PASSWORD = 'a long enough passphrase';
export const ACCOUNTS: Record<Role, string> = {
  administrator: 'amal.admin',
  moderator: 'omar.moderator',
  viewer: 'sara.viewer',
};

export interface TestCollector {
  /** The console's address (`http://127.0.0.1:port/ep/console/`). */
  consoleUrl: string;
  store: Store;
  close(): Promise<void>;
}

export async function startCollector({ smtp }: { smtp?: SmtpConfig } = {}): Promise<TestCollector> {
  const folder = mkdtempSync(join(tmpdir(), 'ep-console-ui-'));
  const config = {
    ...loadConfig({ EP_SQLITE_PATH: join(folder, 'collector.sqlite'), EP_BASE_PATH: '/ep' }),
    // Every test signs in afresh from the same address: the general limits would be met by the suite itself.
    rateLimit: { submissions: 0, reads: 0, admin: 0 },
    // The sample site's /ar/… and /en/… pages count as one, as a deployment that maps them would.
    consolePageLanguages: ['ar', 'en'],
    consoleServices: DEMO_SERVICES,
    smtp,
  };
  const store = await openStore(config);
  const app = await buildApp({ config, store });
  await seedDemoVotes(store);
  for (const [role, name] of Object.entries(ACCOUNTS) as Array<[Role, string]>)
    await addAccount(store, { name, role, password: PASSWORD, displayName: name }, new Date());
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  return {
    consoleUrl: `http://127.0.0.1:${port}/ep/console/`,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The sample site's page the tests' submissions are sent from. */
export const PAGE = 'https://www.example.gov.sa/ar/services/building-permits';

/** A submission POSTed to the collector as an element sends it, from PAGE; its reference. */
export async function submitAsElement(
  collector: TestCollector,
  kind: string,
  data: Record<string, unknown>,
  locale: 'ar' | 'en' = 'ar',
): Promise<string> {
  const id = randomUUID();
  const envelope = {
    id,
    kind,
    page: { url: PAGE, title: 'تصاريح البناء', lang: 'ar' },
    locale,
    submittedAt: new Date().toISOString(),
    privacyNotice: '1',
    data,
  };
  const answer = await fetch(new URL('../submissions', collector.consoleUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': id },
    body: JSON.stringify(envelope),
  });
  assert.equal(answer.status, 201, await answer.clone().text());
  return ((await answer.json()) as { reference: string }).reference;
}
