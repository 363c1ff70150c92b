/**
 * Reading localStorage without ever throwing (see storage.ts): on its own because a first render may need to
 * read (the poll asks whether this page was answered) while writing waits for a visitor's action.
 */
export function readStored<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
