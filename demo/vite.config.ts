/**
 * The demo page, served from source with an in-memory collector: `npm run demo` (and the fault run).
 *
 * The library is imported from `../src`, so nothing needs building first. The collector answers under
 * `/ep-dev/<space>/...`; the page points its elements at `/ep-dev/demo` with `<meta name="ep-endpoint">`.
 *
 * `npm start` sets EP_COLLECTOR_URL to the reference collector it started (server/): then `/ep` is
 * forwarded to it and the page's endpoint becomes `/ep` (see `realCollector` below).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { devEndpointPlugin } from '../tools/dev-endpoint.mjs';

const collector = process.env.EP_COLLECTOR_URL;

/**
 * The page against the reference collector: its endpoint is `/ep`, and the tools that script the
 * in-memory collector's next answer (which a real collector does not take) are hidden.
 */
function realCollector(): Plugin {
  return {
    name: 'ep-demo-real-collector',
    transformIndexHtml: (html) =>
      html
        .replace('<meta name="ep-endpoint" content="/ep-dev/demo" />', '<meta name="ep-endpoint" content="/ep" />')
        .replace('id="simulate-error"', 'id="simulate-error" hidden')
        .replace('id="simulate-field-error"', 'id="simulate-field-error" hidden')
        .replace(
          'تُحفظ الأصوات والرسائل في ذاكرة خادم التطوير فقط.',
          'تُحفظ الأصوات والرسائل في قاعدة بيانات المجمِّع المرجعي (server/).',
        )
        .replace(
          /Votes and messages are kept\s+only in the dev server's memory\./,
          "Votes and messages are stored in the reference collector's database (server/).",
        ),
  };
}

const demoDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: demoDir,
  // Lit's decorators need `experimentalDecorators` and `useDefineForClassFields: false`. Naming the repo's
  // tsconfig keeps the transform on those settings whichever folder a file lives in.
  tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  plugins: [devEndpointPlugin(), ...(collector ? [realCollector()] : [])],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    ...(collector ? { proxy: { '/ep/': { target: collector } } } : {}),
    // The page imports `../src`, outside the demo root.
    fs: { allow: [repoRoot] },
  },
  preview: { host: '127.0.0.1' },
});
