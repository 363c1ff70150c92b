// The in-memory dev collector (tools/dev-endpoint-core.mjs) in the browser, as a Mock Service Worker
// handler: Storybook's stories talk to it in the dev server and in a static build alike, under any base
// path. A scripted `drop` becomes a failed fetch; `hang` and `stall` never finish, as on the network.

import { http } from 'msw';
import { createCollector } from './dev-endpoint-core.mjs';

/** Handlers for `setupWorker(...)`: every request whose path contains `/ep-dev/` goes to one collector. */
export function collectorHandlers(options) {
  const handle = createCollector(options);
  return [http.all(/\/ep-dev\//, async ({ request }) => (await handle(request)) ?? undefined)];
}
