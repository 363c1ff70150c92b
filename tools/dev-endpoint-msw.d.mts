/** Types for dev-endpoint-msw.mjs. */
import type { RequestHandler } from 'msw';
import type { DevEndpointOptions } from './dev-endpoint.mjs';

/** The in-memory collector as Mock Service Worker handlers (for `setupWorker`). */
export function collectorHandlers(options?: DevEndpointOptions): RequestHandler[];
