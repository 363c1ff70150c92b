/**
 * The form's rules: what makes an idea ready to send (each problem a message for its field), what is sent,
 * and the messages for the codes a collector may return for a field (422). Contact details follow the
 * shared rules in core/fields/contact-fields.ts.
 */
import { choiceLabel, type Choice } from '../core/fields/choices.js';
import { remainingOf } from '../core/fields/character-count.js';
import { contactCodeMessages, contactPayload, validateContact, type ContactMode } from '../core/fields/contact-fields.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import { tooLong } from '../core/language/messages.js';
import * as t from './messages.js';
import { DESCRIPTION_MAX, TITLE_MAX, type Field, type Values } from './model.js';

export type Errors = Partial<Record<Field, Message>>;

const max = (field: 'title' | 'description'): number => (field === 'title' ? TITLE_MAX : DESCRIPTION_MAX);
const tooLongFor = (field: 'title' | 'description'): Message => () => tooLong(max(field), renderedLocale());

/** Every problem that stops the idea from being sent, by field, in the order of the form. */
export function validate(values: Values, topics: readonly Choice[], contact: ContactMode): Errors {
  const errors: Errors = {};
  for (const field of ['title', 'description'] as const) {
    if (!values[field].trim()) errors[field] = field === 'title' ? t.titleMissing : t.descriptionMissing;
    else if (remainingOf(values[field].trim(), max(field)) < 0) errors[field] = tooLongFor(field);
  }
  if (!topics.some((topic) => topic.code === values.topic)) errors.topic = t.topicMissing;
  return { ...errors, ...validateContact(values, contact) };
}

/** The submission's `data` (kind `idea`), from values that passed `validate`. */
export function toPayload(values: Values, topics: readonly Choice[], contact: ContactMode, locale: Locale): Record<string, unknown> {
  const topic = topics.find((choice) => choice.code === values.topic);
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    topic: { code: values.topic, label: topic ? choiceLabel(topic, locale) : values.topic },
    ...contactPayload(values, contact),
  };
}

/** What the form says for each code the collector may give for each of its fields (422). */
export const ideaCodeMessages: CodeMessages<Field> = {
  required: { title: t.titleMissing, description: t.descriptionMissing, topic: t.topicMissing, ...contactCodeMessages.required },
  'too-long': { title: tooLongFor('title'), description: tooLongFor('description'), ...contactCodeMessages['too-long'] },
  // A title or description of blanks only is none.
  invalid: { title: t.titleMissing, description: t.descriptionMissing, topic: t.topicMissing, ...contactCodeMessages.invalid },
};
