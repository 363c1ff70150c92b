import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { devEndpointMiddleware } from './tools/dev-endpoint.mjs';
import { chromiumBrowser } from './tools/browsers.mjs';
import { countReporter } from './tools/count-reporter.mjs';
import { forcedColorsPlugin } from './tools/forced-colors-plugin.mjs';
import { viewportPlugin } from './tools/viewport-plugin.mjs';
import { moduleFaultsMiddleware } from './test/server/module-faults.mjs';
import { sentEnvelopesRecorder } from './test/server/sent-envelopes.mjs';

/** Every test file, in Chromium. web-test-runner.cross-browser.config.mjs runs a set of them in Firefox and WebKit. */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a page in a background tab gets no animation frames, and tests wait for frames.
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    viewportPlugin(),
    forcedColorsPlugin(),
    a11ySnapshotPlugin(),
  ],
  // What the elements send is recorded for the contract test (server/test/contract.test.ts).
  middleware: [moduleFaultsMiddleware(), devEndpointMiddleware({ onSubmission: sentEnvelopesRecorder() })],
  browsers: [chromiumBrowser()],
  testFramework: { config: { timeout: 8000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter('.test-results/wtr.json')],
};
