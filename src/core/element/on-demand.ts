import { needLaterStrings } from '../language/language-sync.js';

/**
 * A module an element loads when the visitor acts (the transport, say), loaded once, with the strings in the
 * page's language of what elements load on demand (scripts/split-locales.mjs puts them in later parts).
 * A download that stalls ends as a failure after `timeoutMs` rather than leaving "Sending…" up for ever, and after a
 * failure the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>, timeoutMs = 10_000): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= Promise.race([
      withLaterStrings(load),
      new Promise<never>((_, reject) => setTimeout(reject, timeoutMs)),
    ]).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

function withLaterStrings<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), needLaterStrings()]).then(([module]) => module);
}
