/**
 * Vitest runs every story as a test (addon-vitest): render, play function, then axe (a violation fails,
 * see `a11y.test` in .storybook/preview.ts). Headless, in the system Chromium: no browser is downloaded.
 *
 *   npx vitest run --project=storybook
 *
 * The stories post to the in-memory collector (tools/dev-endpoint.mjs) mounted on this Vite server.
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { devEndpointPlugin } from './tools/dev-endpoint.mjs';
import { CHROME_ARGS, findChrome } from './tools/chrome.mjs';

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chromium found. Install one (apt-get install chromium) or set CHROME_PATH.');

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' }), devEndpointPlugin()],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: CHROME_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
