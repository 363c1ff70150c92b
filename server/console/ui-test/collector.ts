/**
 * A real collector for the console's browser tests: the app as `npm run server` builds it, under the base
 * path `/ep`, on a SQLite file of its own, listening on a free port of 127.0.0.1, with the console demo's
 * votes (language segments mapped) (server/console/demo-data.ts) and one account of each role; with SMTP
 * settings when a test gives them (a local SMTP server of its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../tools/free-port.mjs';
import { buildApp } from '../../app.js';
import { loadConfig, type SmtpConfig } from '../../config.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { addAccount, type Role } from '../auth/accounts.js';
import { seedDemoVotes } from '../demo-data.js';

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
