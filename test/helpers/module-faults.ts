/** Asks the test server to fail or delay source modules whose path starts with `path` (see test/server). */
export async function moduleFault(
  fault: { path: string; fail?: boolean; delayMs?: number } | { clear: true },
): Promise<void> {
  const response = await fetch('/__module-faults', { method: 'POST', body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`module fault not set: ${response.status}`);
}
