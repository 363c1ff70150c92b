// Builds the ministry's console (server/console/ui/, its own vite config) into server/console/dist/, which
// the collector serves under `{basePath}/console/`. Skipped when that build is newer than every file it is
// made from (`--force` builds anyway): `npm start`, `npm run server` and the console's tests run this first,
// so a fresh clone, which has no build, gets one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'server/console/dist/index.html';
const SOURCES = ['server/console/ui', 'src/core/styles', 'tools/minify-css-literals.mjs', 'package-lock.json'];

/** The latest change to `path` or anything under it, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const current =
  existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newest)) && !process.argv.includes('--force');
if (current) {
  console.log('console: the build in server/console/dist/ is current');
} else {
  const { build } = await import('vite');
  await build({ configFile: 'server/console/ui/vite.config.ts' });
  console.log('console: built into server/console/dist/');
}
