// The cross-browser set, in one engine per run: EP_BROWSER=firefox (Firefox ESR over WebDriver BiDi) or
// EP_BROWSER=webkit (WebKitGTK, Safari's engine, over W3C WebDriver). One engine per run because the test
// server's module faults are global to it: two engines at once would fail each other's module loads.
// The set: every element's flows in both languages, the keyboard-only tests, and the outbox. The rest
// (unit tests of pure modules, fault and tab tests that measure Chromium's own behaviour) run in Chromium only,
// to keep `npm test` within its time.
import { defaultReporter, summaryReporter } from '@web/test-runner';
import base from './web-test-runner.config.mjs';
import { firefoxBrowser, webkitBrowser } from './tools/browsers.mjs';
import { countReporter } from './tools/count-reporter.mjs';
import { devEndpointMiddleware } from './tools/dev-endpoint.mjs';
import { moduleFaultsMiddleware } from './test/server/module-faults.mjs';

export const CROSS_BROWSER_FILES = [
  'test/page-poll/ep-page-poll.test.ts',
  'test/page-poll/changes.test.ts',
  'test/feedback/ep-feedback.test.ts',
  'test/feedback/guards.test.ts',
  'test/idea-box/form.test.ts',
  'test/idea-box/list.test.ts',
  'test/idea-box/support.test.ts',
  'test/idea-box/guards.test.ts',
  'test/consultation-card/showing.test.ts',
  'test/consultation-card/taking-part.test.ts',
  'test/lab-invite/joining.test.ts',
  'test/lab-invite/leaving.test.ts',
  'test/core/outbox.test.ts',
];

const launchers = { firefox: firefoxBrowser, webkit: webkitBrowser };
const name = process.env.EP_BROWSER ?? 'firefox';
if (!launchers[name]) throw new Error(`EP_BROWSER must be one of ${Object.keys(launchers).join(', ')}, not ${name}`);

export default {
  ...base,
  files: CROSS_BROWSER_FILES,
  // What they send is not recorded for the contract test: the Chromium run does that.
  middleware: [moduleFaultsMiddleware(), devEndpointMiddleware()],
  browsers: [launchers[name]()],
  // Firefox and WebKit start more slowly than Chromium, most of all on a busy machine.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(`.test-results/wtr-${name}.json`)],
};
