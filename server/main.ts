/**
 * `npm run server`: the reference collector alone. Settings from the environment (see config.ts and
 * server/README.md). Stops cleanly on SIGINT and SIGTERM (finishes the requests in flight, then closes the database).
 */
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { Contract } from './contract.js';
import { seedDemo } from './seed.js';
import { openStore } from './store/index.js';
import { startSweeps } from './privacy/sweep-timer.js';

const config = loadConfig();
const contract = new Contract();
const store = await openStore(config);
const app = await buildApp({ config, store, contract, logger: true });
if (config.clientKeySecretIgnored) {
  app.log.warn(
    'EP_CLIENT_KEY_SECRET is ignored and can be removed: the client hash now uses a random key per UTC day, shared through the database and deleted when the day ends',
  );
}
if (config.seed) {
  const stored = await seedDemo(store, contract, config.seedPages);
  app.log.info(`demo data: ${stored} sample submissions stored (${config.seedPages.length} page(s))`);
}
const address = await app.listen({ host: config.host, port: config.port });
const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
app.log.info(
  `collector on ${address}${config.basePath || ''} (${where}); admin ${config.adminToken ? 'on' : 'off (no EP_ADMIN_TOKEN)'}`,
);

const stopSweeps = startSweeps(store, config, app.log);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stopSweeps();
    void app
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}
