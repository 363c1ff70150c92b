/**
 * Storybook for ep-widgets: web components rendered by Vite, docs from the custom elements manifest,
 * axe checks (addon-a11y) and play functions run headless by addon-vitest (see ../vitest.config.ts).
 *
 * Stories post to a real HTTP collector, the in-memory one in tools/dev-endpoint.mjs, mounted on
 * Storybook's own Vite server under /ep-dev/.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { devEndpointPlugin } from '../tools/dev-endpoint.mjs';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Lit's decorators need `experimentalDecorators` and `useDefineForClassFields: false` (Vite 8's Oxc
      // leaves standard decorators untouched, and Chromium cannot parse them). Naming the repo's tsconfig
      // keeps the transform on those settings for src/, stories/ and .storybook/ alike.
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      // Under Vitest the collector is mounted by vitest.config.ts itself; mounting it here too would only
      // add a second, never-reached copy.
      plugins: process.env.VITEST ? [] : [devEndpointPlugin()],
      // The web-components renderer imports `lit/directive-helpers.js`, which is not pre-bundled by default:
      // served raw, it pulls in a second copy of lit-html ("Multiple versions of Lit loaded").
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
