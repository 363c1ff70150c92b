/** Types for chrome.mjs (plain JavaScript). */
/** The first Chromium found (`CHROME_PATH` wins), or undefined. */
export function findChrome(): string | undefined;
/** Flags for a headless Chromium run as root, offline. */
export const CHROME_ARGS: string[];
export const CHROME_CANDIDATES: string[];
