/**
 * `vite build` writes two things to dist/:
 * - the npm build: one ES module per entry (package root, each registering entry, all.js), with lit left
 *   as an import so an application bundles it once, a private copy of @lit/localize (see below), and
 *   Arabic as its own lazy chunk;
 * - dist/cdn/ep-widgets.js: one self-contained file for a plain `<script type="module">`, with Lit and
 *   both languages inside, that registers every element;
 * - dist/cdn/autoloader.js and one module per element beside it, with shared chunks (vite.cdn.config.mjs).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build, defineConfig, type Plugin } from 'vite';
import { minifyCssLiterals } from './tools/minify-css-literals.mjs';
import { shortMessageIds } from './tools/short-message-ids.mjs';
import { cdnConfig, namedIdsOnly, terserAfterMinify } from './vite.cdn.config.mjs';

const entries = {
  index: 'src/index.ts',
  'ep-page-poll': 'src/ep-page-poll.ts',
  'ep-feedback': 'src/ep-feedback.ts',
  'ep-idea-box': 'src/ep-idea-box.ts',
  'ep-consultation-card': 'src/ep-consultation-card.ts',
  'ep-lab-invite': 'src/ep-lab-invite.ts',
  all: 'src/all.ts',
  react: 'src/react.ts',
};

/** The one-file bundle is a second build with nothing external; it runs once the npm build is written. */
function oneFileBundle(): Plugin {
  return {
    name: 'ep-one-file-bundle',
    apply: 'build',
    async closeBundle() {
      if (process.env.EP_INNER_BUILD) return;
      process.env.EP_INNER_BUILD = '1';
      try {
        await build({
          configFile: false,
          logLevel: 'warn',
          plugins: [minifyCssLiterals(), shortMessageIds(), namedIdsOnly(), terserAfterMinify()],
          build: {
            target: 'es2022',
            outDir: 'dist/cdn',
            emptyOutDir: true,
            minify: true,
            lib: { entry: 'src/all.ts', formats: ['es'], fileName: () => 'ep-widgets.js' },
            // A file a browser gets as it is: no bundler reads its @__PURE__ marks after this build.
            rolldownOptions: { output: { minify: true, comments: { annotation: false }, codeSplitting: false } },
          },
        });
        await build(cdnConfig());
      } finally {
        delete process.env.EP_INNER_BUILD;
      }
      mkdirSync('dist', { recursive: true });
      copyFileSync('src/reserve.css', 'dist/reserve.css');
    },
  };
}

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      // Lit is shared with the application. @lit/localize is bundled: it can be configured only once per
      // copy, so sharing it would make the app's localization and ours fight over it.
      // React and @lit/react are the application's (optional peer dependencies, for ep-widgets/react).
      external: (id) =>
        id === 'react' ||
        id === '@lit/react' ||
        id === 'lit' ||
        id.startsWith('lit/') ||
        id.startsWith('@lit/reactive-element') ||
        id.startsWith('lit-html') ||
        id.startsWith('lit-element'),
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The DOM stand-in and its removal are chunks of their own, so that each entry imports them before and
        // after everything that loads Lit (src/core/element/dom-stand-in.ts says why); merged into a shared chunk,
        // they would run after that chunk's import of Lit.
        codeSplitting: {
          groups: [
            { name: 'dom-stand-in', test: /src[\\/]core[\\/]element[\\/]dom-stand-in\.ts$/, priority: 2 },
            { name: 'dom-stand-in-end', test: /src[\\/]core[\\/]element[\\/]dom-stand-in-end\.ts$/, priority: 2 },
          ],
        },
      },
    },
  },
  // Our copy of @lit/localize is private (see above): only our msg() calls reach it, and each names its id.
  plugins: [minifyCssLiterals(), shortMessageIds(), namedIdsOnly(), oneFileBundle()],
});
