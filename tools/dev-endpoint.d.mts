/** Types for dev-endpoint.mjs (plain JavaScript, run by Node and by Vite configs). */
import type { Plugin } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The collector's path prefix: `/ep-dev/`. */
export const PREFIX: string;
export type DevEndpointOptions = { seed?: (spaceOf: (name: string) => unknown) => void };
/** A Node handler; resolves true when it answered the request. */
export function createDevEndpoint(
  options?: DevEndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
/** Mounts the in-memory collector under `/ep-dev/<space>/...` on Vite's dev and preview servers. */
export function devEndpointPlugin(options?: DevEndpointOptions): Plugin;
/** The same, as Koa middleware for @web/test-runner and @web/dev-server. */
export function devEndpointMiddleware(
  options?: DevEndpointOptions,
): (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>;
