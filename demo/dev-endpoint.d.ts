/**
 * Types for `tools/dev-endpoint.mjs`, which is plain JavaScript, as far as the demo's Vite config uses it.
 * A pattern (not a relative name) because ambient declarations cannot name a relative path; it only
 * applies while TypeScript finds no declaration file next to the module itself.
 */
declare module '*/tools/dev-endpoint.mjs' {
  /** The collector's path prefix: `/ep-dev/`. */
  export const PREFIX: string;
  /** A Vite plugin that mounts the in-memory collector under `/ep-dev/<space>/...` (dev and preview servers). */
  export function devEndpointPlugin(options?: { seed?: (spaceOf: (name: string) => unknown) => void }): import('vite').Plugin;
}
