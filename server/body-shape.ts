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
  { code: 'too-deep'; path: string[] } | { code: 'too-many-values' };

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
      const next: Frame = {
        value: child,
        depth: frame.depth + 1,
        key: keys ? keys[index]! : String(index),
        parent: frame,
      };
      if (next.depth > limits.maxDepth) return { code: 'too-deep', path: pathOf(next) };
      stack.push(next);
    }
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The first character of a number or of true, false, null. */
const startsLiteral = (code: number): boolean =>
  code === 0x2d || (code >= 0x30 && code <= 0x39) || code === 0x74 || code === 0x66 || code === 0x6e;
/** A character that may follow inside a number or a literal. */
const inLiteral = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  code === 0x2e ||
  code === 0x2b ||
  code === 0x2d;

/**
 * The same limits, read from the JSON text before it is parsed, in one pass over its characters. Parsing
 * is what costs most (V8's JSON.parse takes tens of milliseconds for 30,000 nested arrays or an object of
 * 6,000 keys), so a body that passes a limit is refused without it. It agrees with shapeProblem on valid
 * JSON; text that is not JSON is left to the parser (it may come back as a shape problem if it passes a
 * limit before it breaks).
 */
export function textShapeProblem(text: string, limits: BodyLimits): ShapeProblem | undefined {
  // For each object or array open: whether it is an array, and its current index, or where its current
  // key's quoted text starts and ends (read only to name a path).
  const isArray: boolean[] = [];
  const position: number[] = [];
  const keyEnd: number[] = [];
  let values = 0;
  let expectKey = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const start = at;
      for (at += 1; at < text.length; at += 1) {
        const inside = text.charCodeAt(at);
        if (inside === BACKSLASH) at += 1;
        else if (inside === QUOTE) break;
      }
      if (expectKey) {
        expectKey = false;
        position[position.length - 1] = start;
        keyEnd[keyEnd.length - 1] = at;
        continue;
      }
      values += 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      values += 1;
      if (isArray.length + 1 > limits.maxDepth) {
        return {
          code: 'too-deep',
          path: isArray.map((array, depth) =>
            array ? String(position[depth]) : keyOf(text.slice(position[depth], keyEnd[depth]! + 1)),
          ),
        };
      }
      isArray.push(code === OPEN_ARRAY);
      position.push(0);
      keyEnd.push(0);
      expectKey = code === OPEN_OBJECT;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      isArray.pop();
      position.pop();
      keyEnd.pop();
      expectKey = false;
    } else if (code === COMMA) {
      const top = isArray.length - 1;
      if (top < 0) continue;
      if (isArray[top]) position[top]! += 1;
      else expectKey = true;
    } else if (startsLiteral(code)) {
      values += 1;
      while (at + 1 < text.length && inLiteral(text.charCodeAt(at + 1))) at += 1;
    }
    if (values > limits.maxValues) return { code: 'too-many-values' };
  }
  return undefined;
}

/** A key as JSON.parse would read it (escapes undone); as written when it is not valid. */
function keyOf(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** A body refused for its shape while it was read (before parsing): answered 422 with these field errors. */
export class BodyShapeError extends Error {
  readonly statusCode = 422;
  readonly fieldErrors: readonly { field: string; code: string; message: string }[];
  constructor(fieldErrors: readonly { field: string; code: string; message: string }[]) {
    super(fieldErrors.map((error) => error.message).join(' '));
    this.name = 'BodyShapeError';
    this.fieldErrors = fieldErrors;
  }
}
