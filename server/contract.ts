/**
 * The contract, loaded from api/openapi.yaml and compiled once with Ajv (JSON Schema 2020-12, as OpenAPI 3.1
 * uses). Every request the collector accepts is checked here; nothing else in the server describes a shape.
 *
 * Ajv's errors become the field errors the elements show: `{ field, code, message }`, `field` a dotted path
 * inside `data` for a kind's own fields, else the envelope's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { components } from '../api/generated/openapi.js';
import { shapeProblem, type BodyLimits, type ShapeProblem } from './body-shape.js';

export type Schemas = components['schemas'];
export type FieldErrorCode = NonNullable<Schemas['FieldError']['code']>;
export type FieldError = Schemas['FieldError'] & { code: FieldErrorCode; message: string };

export const OPENAPI_PATH = fileURLToPath(new URL('../api/openapi.yaml', import.meta.url));

// ajv-formats is CommonJS with a default export; under NodeNext its default arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** The OpenAPI document as parsed YAML. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    examples: Record<string, { value: unknown }>;
  } & Record<string, unknown>;
  [key: string]: unknown;
}

export function loadOpenApi(path = OPENAPI_PATH): OpenApiDocument {
  return parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

/**
 * The document's component schemas as one JSON Schema with `$defs`, for Ajv: `#/components/schemas/X`
 * becomes `{base}#/$defs/X` (`base`: the id of the schema holding the `$defs`, when the value is compiled
 * on its own), and the discriminator's `mapping` (OpenAPI's, which Ajv does not take) is left out:
 * Ajv finds each kind from its branch's `const`.
 */
export function toJsonSchema(value: unknown, base = '', parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => toJsonSchema(item, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'mapping' && parentKey === 'discriminator') continue;
    const ref = key === '$ref' && typeof item === 'string';
    out[key] = ref ? item.replace('#/components/schemas/', `${base}#/$defs/`) : toJsonSchema(item, base, key);
  }
  return out;
}

export interface KindContract {
  kind: string;
  /** The reference number's prefix (`x-reference-prefix` on the kind's envelope schema). */
  prefix: string;
  /** The name of the kind's envelope schema (`FeedbackSubmission`). */
  schema: string;
}

export type Checked = { valid: true } | { valid: false; fieldErrors: FieldError[] };

export class Contract {
  readonly ajv: Ajv2020;
  readonly document: OpenApiDocument;
  /** Every kind the contract knows, from `Submission`'s discriminator. */
  readonly kinds: ReadonlyMap<string, KindContract>;
  /** How deep and how large any JSON body may be (`x-body-limits` in the document's `info`). */
  readonly bodyLimits: BodyLimits;
  private readonly submission: ValidateFunction;

  constructor(document = loadOpenApi()) {
    this.document = document;
    // strict: unknown keywords and formats are errors (a typo in the YAML must not pass silently).
    // strictTypes and strictRequired are off: they would have every `if`/`anyOf` branch restate its type.
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      discriminator: true,
    });
    addFormats(this.ajv);
    this.ajv.addVocabulary(['x-reference-prefix']);
    this.ajv.addSchema({ $id: 'api', $defs: toJsonSchema(document.components.schemas) as Record<string, unknown> });
    this.submission = this.validator('Submission');
    this.kinds = kindsOf(document);
    this.bodyLimits = bodyLimitsOf(document);
  }

  /** The compiled validator for `#/components/schemas/{name}`. */
  validator(name: string): ValidateFunction {
    const validate = this.ajv.getSchema(`api#/$defs/${name}`);
    if (!validate) throw new Error(`api/openapi.yaml has no schema ${name}`);
    return validate;
  }

  /**
   * Checks a parsed request body against `Submission`. When it is not valid, `fieldErrors` names what is
   * wrong (it may be empty when the body is not an object at all: nothing to name).
   */
  checkSubmission(body: unknown): Checked {
    const tooBig = this.shapeErrors(body);
    if (tooBig.length > 0) return { valid: false, fieldErrors: tooBig };
    const wellFormed = stringProblems(body);
    if (wellFormed.length > 0) return { valid: false, fieldErrors: wellFormed };
    if (this.submission(body)) return { valid: true };
    return { valid: false, fieldErrors: fieldErrorsOf(this.submission.errors ?? [], body) };
  }

  /** Checks a request body against a named schema, with the same rule on stored text as submissions. */
  checkBody(name: string, value: unknown): Checked {
    const tooBig = this.shapeErrors(value);
    if (tooBig.length > 0) return { valid: false, fieldErrors: tooBig };
    const wellFormed = stringProblems(value);
    return wellFormed.length > 0 ? { valid: false, fieldErrors: wellFormed } : this.check(name, value);
  }

  /** The body's shape against the body limits, as field errors (none when it keeps to them). */
  shapeErrors(body: unknown): FieldError[] {
    const problem = shapeProblem(body, this.bodyLimits);
    return problem ? this.shapeFieldErrors(problem) : [];
  }

  /** A shape problem (found in the parsed body or in its text) as the field error the client is given. */
  shapeFieldErrors(problem: ShapeProblem): FieldError[] {
    if (problem.code === 'too-many-values') {
      return [
        {
          field: '',
          code: 'too-many-values',
          message: `The body holds more than ${this.bodyLimits.maxValues} values.`,
        },
      ];
    }
    const field = fieldOf(`/${problem.path.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);
    return [
      {
        field,
        code: 'too-deep',
        message: `${field || 'The body'} is nested more than ${this.bodyLimits.maxDepth} levels deep.`,
      },
    ];
  }

  /** Checks any value against a named schema (for tests). */
  check(name: string, value: unknown): Checked {
    const validate = this.validator(name);
    return validate(value)
      ? { valid: true }
      : { valid: false, fieldErrors: fieldErrorsOf(validate.errors ?? [], value) };
  }
}

function kindsOf(document: OpenApiDocument): Map<string, KindContract> {
  const submission = document.components.schemas.Submission as { discriminator?: { mapping?: Record<string, string> } };
  const mapping = submission.discriminator?.mapping ?? {};
  const kinds = new Map<string, KindContract>();
  for (const [kind, ref] of Object.entries(mapping)) {
    const schema = ref.replace('#/components/schemas/', '');
    const prefix = document.components.schemas[schema]?.['x-reference-prefix'];
    if (typeof prefix !== 'string' || !/^[A-Z]{2}$/.test(prefix)) {
      throw new Error(`api/openapi.yaml: ${schema} needs an x-reference-prefix of two capital letters`);
    }
    kinds.set(kind, { kind, prefix, schema });
  }
  return kinds;
}

function bodyLimitsOf(document: OpenApiDocument): BodyLimits {
  const limits = (document.info as { 'x-body-limits'?: Partial<BodyLimits> } | undefined)?.['x-body-limits'];
  const whole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
  if (!limits || !whole(limits.maxDepth) || !whole(limits.maxValues)) {
    throw new Error('api/openapi.yaml: info needs x-body-limits with maxDepth and maxValues (whole numbers)');
  }
  return { maxDepth: limits.maxDepth, maxValues: limits.maxValues };
}

// ---------------------------------------------------------------------------------------------- field errors

/** `/data/contact/email` → `contact.email`; `/page/url` → `page.url`. */
function fieldOf(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  if (parts[0] === 'data' && parts.length > 1) parts.shift();
  return parts.join('.');
}

function describe(field: string, code: FieldErrorCode, error: ErrorObject): string {
  const name = field || 'The body';
  switch (code) {
    case 'required':
      return `${name} is required.`;
    case 'too-long':
      return `${name} is longer than ${String(error.params.limit)} characters.`;
    case 'too-short':
      return `${name} is shorter than ${String(error.params.limit)} characters.`;
    case 'too-many':
      return `${name} has more than ${String(error.params.limit)} items.`;
    case 'unknown':
      return `${name} is not a field of this kind.`;
    default:
      break;
  }
  const { keyword, params } = error;
  if (keyword === 'pattern' && params.pattern === '\\S') return `${name} must not be blank.`;
  if (keyword === 'type') return `${name} must be ${String(params.type)}.`;
  if (keyword === 'enum') return `${name} must be one of: ${(params.allowedValues as unknown[]).join(', ')}.`;
  if (keyword === 'const') return `${name} must be ${JSON.stringify(params.allowedValue)}.`;
  if (keyword === 'format') return `${name} is not a valid ${String(params.format)}.`;
  if (keyword === 'minimum') return `${name} must be at least ${String(params.limit)}.`;
  if (keyword === 'maximum') return `${name} must be at most ${String(params.limit)}.`;
  return `${name} is not valid.`;
}

/** One of Ajv's errors as a field error, or undefined for errors that only say a branch failed. */
function toFieldError(error: ErrorObject, body: unknown): FieldError | undefined {
  const { keyword, params } = error;
  if (keyword === 'if' || keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'allOf') return undefined;
  if (keyword === 'discriminator') {
    const given = isRecord(body) ? body.kind : undefined;
    if (params.error === 'mapping') {
      return {
        field: 'kind',
        code: 'invalid',
        message: `kind ${JSON.stringify(given)} is not one this collector knows.`,
      };
    }
    return undefined; // a missing kind is also a `required` error
  }
  // The body itself is not an object: the message says so; no field to name.
  if (error.instancePath === '' && keyword === 'type') return undefined;
  let field = fieldOf(error.instancePath);
  let code: FieldErrorCode = 'invalid';
  if (keyword === 'required') {
    field = fieldOf(error.instancePath, String(params.missingProperty));
    code = 'required';
  } else if (keyword === 'additionalProperties') {
    field = fieldOf(error.instancePath, String(params.additionalProperty));
    code = 'unknown';
  } else if (keyword === 'maxLength') code = 'too-long';
  else if (keyword === 'minLength') code = params.limit === 1 ? 'required' : 'too-short';
  else if (keyword === 'maxItems' || keyword === 'maxProperties') code = 'too-many';
  else if (keyword === 'minProperties') code = 'required';
  return { field, code, message: describe(field, code, error) };
}

const RANK: Record<FieldErrorCode, number> = {
  required: 0,
  unknown: 1,
  'too-long': 2,
  'too-many': 3,
  'too-short': 4,
  invalid: 5,
  'idempotency-key-reused': 6,
  // Never from Ajv (the body's shape is checked before it runs); ranked for completeness.
  'too-deep': 7,
  'too-many-values': 8,
};

/** Ajv's errors as field errors: one per field (the most telling), in the order the fields were met. */
export function fieldErrorsByField(errors: readonly ErrorObject[], value: unknown): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) {
    const fieldError = toFieldError(error, value);
    if (!fieldError) continue;
    const seen = byField.get(fieldError.field);
    if (!seen || RANK[fieldError.code] < RANK[seen.code]) byField.set(fieldError.field, fieldError);
  }
  return [...byField.values()];
}

/** A body's field errors: as `fieldErrorsByField`, but a kind that is not known makes every other complaint noise. */
export function fieldErrorsOf(errors: readonly ErrorObject[], body: unknown): FieldError[] {
  const fieldErrors = fieldErrorsByField(errors, body);
  const kind = fieldErrors.find((error) => error.field === 'kind');
  return kind?.code === 'invalid' ? [kind] : fieldErrors;
}

// ------------------------------------------------------------------------------------------- well-formed text

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Strings a database cannot keep as sent: U+0000 (PostgreSQL's text refuses it) and unpaired surrogates
 * (not Unicode, so not storable as UTF-8). Refused up front as `invalid`, so that no store fails on them
 * with a 5xx that the elements would retry for ever. Keys are checked too.
 */
export function stringProblems(value: unknown, path: string[] = [], found: FieldError[] = []): FieldError[] {
  const bad = (text: string): boolean => text.includes('\u0000') || !text.isWellFormed();
  if (typeof value === 'string') {
    if (bad(value)) {
      const field = fieldOf(`/${path.join('/')}`);
      found.push({
        field,
        code: 'invalid',
        message: `${field || 'The body'} holds a character that cannot be stored (U+0000 or a lone surrogate).`,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => stringProblems(item, [...path, String(index)], found));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (bad(key))
        found.push({
          field: fieldOf(`/${path.join('/')}`),
          code: 'invalid',
          message: 'A property name holds a character that cannot be stored.',
        });
      else stringProblems(item, [...path, key], found);
    }
  }
  return found;
}
