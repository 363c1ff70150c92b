/**
 * Each code the collector may return for a field a form shows is one the form says in the visitor's
 * language: the codes are derived from the contract's own schemas (api/openapi.yaml, as server/contract.ts
 * turns Ajv's keywords into FieldError codes), the words from each form's rules table (the same rows its
 * checks before sending come from: core/forms/rules-table.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELDS as VIEW_FIELDS, viewRules } from '../../src/consultation-card/view-rules.js';
import type { CodeMessages } from '../../src/core/fields/field-error.js';
import { codeMessagesOf } from '../../src/core/forms/rules-table.js';
import { FIELDS as FEEDBACK_FIELDS, type Rules } from '../../src/feedback/model.js';
import { feedbackRules } from '../../src/feedback/validate.js';
import { FIELDS as IDEA_FIELDS } from '../../src/idea-box/model.js';
import { ideaRules } from '../../src/idea-box/validate.js';
import { leaveRules } from '../../src/lab-invite/leave-rules.js';
import { FIELDS as LAB_FIELDS, LEAVE_FIELDS } from '../../src/lab-invite/model.js';
import { labRules } from '../../src/lab-invite/validate.js';
import { doc, resolve } from './openapi-doc.js';

/** Names an object schema requires, also under conditions (`if`/`then`, in `allOf` too): each may come back `required`. */
function requiredOf(schema: any): Set<string> {
  const names = new Set<string>(schema.required ?? []);
  for (const part of [schema, ...(schema.allOf ?? []).map(resolve)])
    for (const name of part.then?.required ?? []) names.add(name);
  return names;
}

/** Field path → the codes the collector can give for it, from the keywords its schema has (see server/contract.ts). */
function codesOf(schema: any, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const required = requiredOf(schema);
  for (const [name, given] of Object.entries<any>(schema.properties ?? {})) {
    const field = prefix ? `${prefix}.${name}` : name;
    const property = resolve(given);
    const codes = out.get(field) ?? new Set<string>();
    out.set(field, codes);
    if (required.has(name) || property.minLength === 1 || property.minProperties) codes.add('required');
    if (property.minLength > 1) codes.add('too-short');
    if (property.maxLength !== undefined) codes.add('too-long');
    if (property.maxItems !== undefined) codes.add('too-many');
    if (property.pattern !== undefined || property.enum || 'const' in property || property.format) codes.add('invalid');
    if (property.properties) codesOf(property, field, out);
  }
  return out;
}

/**
 * Codes the forms cannot cause, so they have no words for them: an empty name is left out of the payload
 * (core/fields/contact-fields.ts, contactPayload), and the channel is one of the form's own three codes,
 * which are the contract's (contract.test.ts holds the list equal).
 */
const UNREACHABLE = new Set(['required on contact.name', 'invalid on contact.channel']);

/** The pairs (form field, code) the collector may return that the form has no words for. */
function unsaid(dataSchema: string, fields: readonly string[], codes: CodeMessages<string>): string[] {
  const missing: string[] = [];
  for (const [path, pathCodes] of codesOf(resolve(doc.components.schemas[dataSchema]))) {
    // As the form matches them (core/fields/field-error.ts): by name, or as the last part of a dotted path.
    const field = fields.find((candidate) => path === candidate || path.endsWith(`.${candidate}`));
    if (!field) continue;
    for (const code of pathCodes)
      if (!codes[code]?.[field] && !UNREACHABLE.has(`${code} on ${path}`)) missing.push(`${code} on ${path}`);
  }
  return missing;
}

describe('every code the collector may return for a field a form shows is one the form says', () => {
  it('the feedback form (with contact details asked for)', () => {
    const rules: Rules = { contact: 'optional', minLength: 10, maxLength: 2000, types: [] };
    assert.deepEqual(unsaid('FeedbackData', FEEDBACK_FIELDS, codeMessagesOf(feedbackRules(rules))), []);
  });
  it('the idea form', () => {
    assert.deepEqual(unsaid('IdeaData', IDEA_FIELDS, codeMessagesOf(ideaRules)), []);
  });
  it("the consultation card's view form", () => {
    assert.deepEqual(unsaid('ConsultationViewData', VIEW_FIELDS, codeMessagesOf(viewRules(2000))), []);
  });
  it("the Lab's sign-up form", () => {
    assert.deepEqual(unsaid('LabSignupData', LAB_FIELDS, codeMessagesOf(labRules([]))), []);
  });
  it('the form to leave the Lab’s panel', () => {
    assert.deepEqual(unsaid('LabWithdrawData', LEAVE_FIELDS, codeMessagesOf(leaveRules)), []);
  });
});
