/**
 * The form's rules: what makes an idea ready to send (each problem a message for its field), what is sent,
 * and the messages for the codes a collector may return for a field (422), from one table. Contact details
 * follow the shared rules in core/fields/contact-rules.ts.
 */
import { choiceLabel, type Choice } from '../core/fields/choices.js';
import { remainingOf } from '../core/fields/character-count.js';
import { contactPayload, type ContactMode } from '../core/fields/contact-fields.js';
import { contactInput, contactRules, type ContactInput } from '../core/fields/contact-rules.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { checkRules, codeMessagesOf, type Rule, type RulesTable } from '../core/forms/rules-table.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import { tooLong } from '../core/language/messages.js';
import * as t from './messages.js';
import { DESCRIPTION_MAX, TITLE_MAX, type Field, type Values } from './model.js';

export type Errors = Partial<Record<Field, Message>>;

/** What the rules read: the values as typed, the topics offered, and the contact details (see contact-rules.ts). */
export interface Input extends ContactInput {
  title: string;
  description: string;
  topic: string;
  topics: readonly Choice[];
}

/** A text that must be given and fit in `max` characters; blanks only are none. */
function textRules(field: 'title' | 'description', max: number, missing: Message): Rule<Field, Input>[] {
  return [
    { field, code: 'required', alsoCodes: ['invalid'], fails: (input) => !input[field].trim(), message: missing },
    {
      field,
      code: 'too-long',
      fails: (input) => remainingOf(input[field].trim(), max) < 0,
      message: () => tooLong(max, renderedLocale()),
    },
  ];
}

/** The form's rules, in the order of the form (the contact block's last). */
export const ideaRules: RulesTable<Field, Input> = [
  ...textRules('title', TITLE_MAX, t.titleMissing),
  ...textRules('description', DESCRIPTION_MAX, t.descriptionMissing),
  {
    field: 'topic',
    code: 'required',
    alsoCodes: ['invalid'],
    fails: ({ topic, topics }) => !topics.some((choice) => choice.code === topic),
    message: t.topicMissing,
  },
  ...contactRules,
];

/** Every problem that stops the idea from being sent, by field, in the order of the form. */
export function validate(values: Values, topics: readonly Choice[], contact: ContactMode): Errors {
  const { title, description, topic } = values;
  return checkRules(ideaRules, { title, description, topic, topics, ...contactInput(values, contact) });
}

/** The submission's `data` (kind `idea`), from values that passed `validate`. */
export function toPayload(
  values: Values,
  topics: readonly Choice[],
  contact: ContactMode,
  locale: Locale,
): Record<string, unknown> {
  const topic = topics.find((choice) => choice.code === values.topic);
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    topic: { code: values.topic, label: topic ? choiceLabel(topic, locale) : values.topic },
    ...contactPayload(values, contact),
  };
}

/** What the form says for each code the collector may give for each of its fields (422). */
export const ideaCodeMessages: CodeMessages<Field> = codeMessagesOf(ideaRules);
