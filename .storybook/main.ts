/**
 * Storybook for ep-widgets: web components rendered by Vite, docs from the custom elements manifest and the
 * guidance pages (MDX under stories/), axe checks by addon-a11y.
 *
 * Stories talk to the in-memory collector (tools/dev-endpoint-core.mjs) running in the browser through Mock
 * Service Worker (see preview.ts), in the dev server and in the static build alike. The worker script is
 * served next to iframe.html, so the build works from any base path (`/design-system/`, say).
 * scripts/storybook-check.mjs proves it: it serves the build as plain files under a sub-path and runs
 * every story in Chromium.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Lit's decorators need `experimentalDecorators` and `useDefineForClassFields: false` (Vite 8's Oxc
      // leaves standard decorators untouched, and Chromium cannot parse them). Naming the repo's tsconfig
      // keeps the transform on those settings for src/, stories/ and .storybook/ alike.
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      // The web-components renderer imports `lit/directive-helpers.js`, which is not pre-bundled by default:
      // served raw, it pulls in a second copy of lit-html ("Multiple versions of Lit loaded").
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
