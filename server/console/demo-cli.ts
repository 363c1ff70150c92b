/**
 * `npm start`'s step before the collector starts (scripts/start.mjs): the console's demo accounts and
 * sample votes, on the collector's database (its environment). The accounts, `demo-admin` (administrator)
 * and `demo-viewer` (viewer), are made when absent and given the passwords in EP_CONSOLE_DEMO_ADMIN_PASSWORD
 * and EP_CONSOLE_DEMO_VIEWER_PASSWORD (fresh each start, printed by start.mjs), so that the printed
 * sign-ins always work; each change is audited with the actor "demo". The votes and feedback messages
 * (demo-messages.ts) are seeded once.
 */
import { loadConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { addAccount, changeAccount, findAccount, type Role } from './auth/accounts.js';
import { recordAudit } from './auth/audit.js';
import { seedDemoVotes } from './demo-data.js';
import { seedDemoMessages } from './demo-messages.js';

const ACCOUNTS: Array<{ name: string; role: Role; password: string | undefined }> = [
  { name: 'demo-admin', role: 'administrator', password: process.env.EP_CONSOLE_DEMO_ADMIN_PASSWORD },
  { name: 'demo-viewer', role: 'viewer', password: process.env.EP_CONSOLE_DEMO_VIEWER_PASSWORD },
];

const store = await openStore(loadConfig());
try {
  const now = new Date();
  for (const { name, role, password } of ACCOUNTS) {
    if (!password) continue;
    const displayName = role === 'administrator' ? 'Demo administrator' : 'Demo viewer';
    if (await findAccount(store, name)) {
      await changeAccount(store, name, { password, role, disabled: false }, now);
      await recordAudit(store, {
        actor: 'demo',
        action: 'console.account.change',
        target: name,
        detail: { password: 'reset' },
        status: 200,
      });
    } else {
      await addAccount(store, { name, role, password, displayName }, now);
      await recordAudit(store, {
        actor: 'demo',
        action: 'console.account.add',
        target: name,
        detail: { role },
        status: 201,
      });
    }
  }
  const votes = await seedDemoVotes(store);
  const messages = await seedDemoMessages(store);
  const seeded = [votes && `${votes} sample votes`, messages && `${messages} messages`].filter(Boolean);
  console.log(`console demo: accounts ready${seeded.length ? `, ${seeded.join(' and ')} seeded` : ''}`);
} finally {
  await store.close();
}
