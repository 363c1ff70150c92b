/**
 * The demo page, served from source with an in-memory collector: `npm start` (or `npm run demo`).
 *
 * The library is imported from `../src`, so nothing needs building first. The collector answers under
 * `/ep-dev/<space>/...`; the page points its elements at `/ep-dev/demo` with `<meta name="ep-endpoint">`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { devEndpointPlugin } from '../tools/dev-endpoint.mjs';

const demoDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: demoDir,
  // Lit's decorators need `experimentalDecorators` and `useDefineForClassFields: false`. Naming the repo's
  // tsconfig keeps the transform on those settings whichever folder a file lives in.
  tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  plugins: [devEndpointPlugin()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    // The page imports `../src`, outside the demo root.
    fs: { allow: [repoRoot] },
  },
  preview: { host: '127.0.0.1' },
});
