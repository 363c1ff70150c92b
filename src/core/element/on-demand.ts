/**
 * A module an element loads when the visitor acts (the transport, say), loaded once. A download that
 * stalls ends as a failure after `timeoutMs` rather than leaving "Sending…" up for ever, and after a
 * failure the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>, timeoutMs = 10_000): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= Promise.race([load(), new Promise<never>((_, reject) => setTimeout(reject, timeoutMs))]).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
