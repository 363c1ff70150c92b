/**
 * Types for `tools/chrome.mjs` (plain JavaScript), as far as vitest.config.ts uses it. A pattern, not a
 * relative name, because ambient declarations cannot name a relative path. The collector's types
 * (`tools/dev-endpoint.mjs`) are declared the same way in demo/dev-endpoint.d.ts.
 */
declare module '*/tools/chrome.mjs' {
  /** The first Chromium found (`CHROME_PATH` wins), or undefined. */
  export function findChrome(): string | undefined;
  /** Flags for a headless Chromium run as root, offline. */
  export const CHROME_ARGS: string[];
  export const CHROME_CANDIDATES: string[];
}
