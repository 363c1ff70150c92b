/**
 * Which ideas this browser supports, per collector (idea ids belong to it), in localStorage through the
 * core helpers: one support per idea per browser, remembered across visits. Kept to the latest 1000.
 */
import { readStored, writeStored } from '../core/storage.js';

const MAX = 1000;
const keyFor = (endpoint: string): string => `ep-widgets:idea-box:v1:supported:${endpoint}`;
const isIds = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

export function supportedIdeas(endpoint: string): Set<string> {
  return new Set(readStored(keyFor(endpoint), isIds));
}

export function rememberSupport(endpoint: string, id: string, on: boolean): void {
  const ids = [...supportedIdeas(endpoint)].filter((kept) => kept !== id);
  if (on) ids.push(id);
  writeStored(keyFor(endpoint), ids.slice(-MAX));
}
