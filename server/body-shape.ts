/**
 * How deep and how large a parsed JSON body may be, checked before any schema runs. A 64 KB body can nest
 * arrays 30,000 deep or hold 30,000 values; Ajv, the stored-text check, JSON.stringify and the databases
 * all walk a body recursively (SQLite's json_valid stops at 1,000 levels, a stack overflows sooner or
 * later), so such a body must be refused by a walk whose cost is bounded by the limits, not by the body:
 * this one keeps its own stack, and stops as soon as a limit is passed.
 *
 * The limits are the contract's (`x-body-limits` in api/openapi.yaml's `info`).
 */

export interface BodyLimits {
  /** Objects and arrays nested in one another, the body itself counting as 1. */
  maxDepth: number;
  /** Values in all: every object, array, string, number, boolean and null, the body itself included. */
  maxValues: number;
}

export type ShapeProblem =
  /** `path`: the keys down to the first object or array below the limit (`['data', 'extra', '0']`). */
  | { code: 'too-deep'; path: string[] }
  | { code: 'too-many-values' };

interface Frame {
  value: object;
  depth: number;
  key: string;
  parent: Frame | undefined;
}

function pathOf(frame: Frame): string[] {
  const path: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** The first limit the value passes, or undefined when it keeps to both. */
export function shapeProblem(value: unknown, limits: BodyLimits): ShapeProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  let values = 1;
  const stack: Frame[] = [{ value, depth: 1, key: '', parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    // Counted before they are looked at, so that a wide array is refused without walking it.
    const children: unknown[] = Array.isArray(frame.value) ? frame.value : Object.values(frame.value);
    values += children.length;
    if (values > limits.maxValues) return { code: 'too-many-values' };
    const keys = Array.isArray(frame.value) ? undefined : Object.keys(frame.value);
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child === null || typeof child !== 'object') continue;
      const next: Frame = { value: child, depth: frame.depth + 1, key: keys ? keys[index]! : String(index), parent: frame };
      if (next.depth > limits.maxDepth) return { code: 'too-deep', path: pathOf(next) };
      stack.push(next);
    }
  }
  return undefined;
}
