import { needLaterStrings } from '../language/language-sync.js';

/**
 * A module an element loads when the visitor acts (the transport, say), loaded once, with the strings in the
 * page's language of what elements load on demand (scripts/split-locales.mjs puts them in later parts).
 * A download that stalls ends as a failure after `timeoutMs` rather than leaving "Sending…" up for ever, and after a
 * failure the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>, timeoutMs = 10_000): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let retries = 0;
  // Chromium and Firefox keep a failed module download for the life of the page (whatwg/html#6768), so
  // importing the same address again fails without a request: a retry asks for it under a new query. The
  // module's own imports keep their addresses, so nothing loaded before is loaded twice.
  const attempt = (): Promise<T> =>
    failedUrl
      ? (import(/* @vite-ignore */ /* webpackIgnore: true */ withRetry(failedUrl, ++retries)) as Promise<T>)
      : load();
  return () =>
    (loading ??= Promise.race([
      withLaterStrings(attempt),
      new Promise<never>((_, reject) => setTimeout(reject, timeoutMs)),
    ]).catch((error: unknown) => {
      loading = undefined;
      failedUrl ??= urlOfFailedImport(error);
      throw error;
    }));
}

function withLaterStrings<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), needLaterStrings()]).then(([module]) => module);
}

/**
 * The address in a failed import's TypeError ("Failed to fetch dynamically imported module: https://…" in
 * Chromium, "error loading dynamically imported module: https://…" in Firefox). WebKit names none: there a
 * retry still asks for the same address, and only a reload recovers.
 */
function urlOfFailedImport(error: unknown): string | undefined {
  return error instanceof TypeError ? /\b(https?:\/\/\S+)$/.exec(error.message)?.[1] : undefined;
}

const withRetry = (url: string, retry: number): string => `${url}${url.includes('?') ? '&' : '?'}ep-retry=${retry}`;
