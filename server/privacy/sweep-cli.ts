/**
 * `npm run collector:sweep`: one retention sweep over the configured database (the same environment as
 * the collector), for cron. Prints one line of counts; exits 1 when the sweep failed.
 */
import { loadConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { describeSweep, sweep } from './sweep.js';

const config = loadConfig();
const store = await openStore(config);
try {
  console.log(describeSweep(await sweep(store, config.retention)));
} catch (error) {
  console.error(`retention sweep failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
