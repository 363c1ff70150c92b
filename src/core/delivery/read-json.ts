/**
 * Reads a response body as JSON without trusting it: a body over `maxBytes`, one that is not JSON, or one
 * that breaks off midway is reported as bad, never thrown, and never read to the end when it is too big.
 */
export const MAX_BODY_BYTES = 64 * 1024;

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: 'too-large' | 'not-json' | 'unreadable' };

export async function readJson(response: Response, maxBytes = MAX_BODY_BYTES): Promise<JsonRead> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, problem: 'too-large' };
  }
  let text = '';
  try {
    const reader = response.body?.getReader();
    if (reader) {
      const decoder = new TextDecoder();
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          void reader.cancel().catch(() => undefined);
          return { ok: false, problem: 'too-large' };
        }
        text += decoder.decode(value, { stream: true });
      }
      text += decoder.decode();
    }
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
