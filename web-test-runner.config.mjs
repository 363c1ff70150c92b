import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { devEndpointMiddleware } from './tools/dev-endpoint.mjs';
import { findChrome, CHROME_ARGS } from './tools/chrome.mjs';
import { countReporter } from './tools/count-reporter.mjs';
import { moduleFaultsMiddleware } from './test/server/module-faults.mjs';
import { sentEnvelopesRecorder } from './test/server/sent-envelopes.mjs';

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chromium found. Install one (apt-get install chromium) or set CHROME_PATH.');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a page in a background tab gets no animation frames, and tests wait for frames.
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  // What the elements send is recorded for the contract test (server/test/contract.test.ts).
  middleware: [moduleFaultsMiddleware(), devEndpointMiddleware({ onSubmission: sentEnvelopesRecorder() })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
      // Each test file gets a page without the HTTP cache, so that a module an earlier file loaded is fetched
      // again: tests that make the server fail or delay a lazily loaded module depend on it.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.setCacheEnabled(false);
        return page;
      },
    }),
  ],
  testFramework: { config: { timeout: 8000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter('.test-results/wtr.json')],
};
