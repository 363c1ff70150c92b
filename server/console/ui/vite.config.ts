/**
 * The console's build (scripts/build-console.mjs runs it): index.html and its module into
 * server/console/dist/, which the collector serves under `{basePath}/console/` (server/console/ui-routes.ts).
 * Relative addresses (`base: './'`), so that any base path works; no inline script or style anywhere (the
 * collector's Content-Security-Policy allows its own files only), hence no module-preload polyfill.
 *
 * This folder's package.json says `sideEffects: true`: the repository's lists the library's entries only,
 * and the console's modules, which define their elements when imported, would be dropped as unused.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyCssLiterals } from '../../../tools/minify-css-literals.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  plugins: [minifyCssLiterals()],
});
