/**
 * Which ideas this browser supports, per collector (idea ids belong to it), in localStorage through the
 * core helpers: one support per idea per browser, remembered across visits with the envelope id of the
 * support (a withdrawal names it), as `[ideaId, envelopeId]` pairs. Kept to the latest 1000. A pair without
 * an envelope id is not a support: it could not be withdrawn.
 */
import { readStored, writeStored } from '../core/element/storage.js';

const MAX = 1000;
const keyFor = (endpoint: string): string => `ep-widgets:idea-box:v2:supported:${endpoint}`;

/** Idea id → envelope id of this browser's support for it. */
export function supportedIdeas(endpoint: string): Map<string, string> {
  return new Map(
    (readStored(keyFor(endpoint), Array.isArray) ?? []).filter(
      (pair): pair is [string, string] =>
        Array.isArray(pair) && typeof pair[0] == 'string' && typeof pair[1] == 'string' && pair[1] != '',
    ),
  );
}

/** Remembers the idea as supported by the support with this envelope id, or, without one, as not supported. */
export function rememberSupport(endpoint: string, id: string, support?: string): void {
  const supported = supportedIdeas(endpoint);
  supported.delete(id);
  if (support) supported.set(id, support);
  writeStored(keyFor(endpoint), [...supported].slice(-MAX));
}
