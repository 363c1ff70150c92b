/**
 * The form's rules: what makes it ready to send (each problem a message for its field), what is sent,
 * and the messages for the codes a collector may return for a field (422).
 */
import { choiceLabel } from '../core/fields/choices.js';
import { contactPayload } from '../core/fields/contact-fields.js';
import { contactInput, contactRules, type ContactInput } from '../core/fields/contact-rules.js';
import { remainingOf } from '../core/fields/character-count.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { tooShort } from '../core/forms/form-messages.js';
import { checkRules, codeMessagesOf, type RulesTable } from '../core/forms/rules-table.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import { tooLong } from '../core/language/messages.js';
import type { Field, Rules, Values } from './model.js';
import * as t from './messages.js';

export type Errors = Partial<Record<Field, Message>>;

/** What the rules read: the type, the message as typed, and the contact details (see contact-rules.ts). */
export interface Input extends ContactInput {
  type: string;
  message: string;
}

/** The form's rules under these options, in the order of the form (the contact block's last). */
export function feedbackRules(rules: Rules): RulesTable<Field, Input> {
  const { minLength: min, maxLength: max } = rules;
  return [
    {
      field: 'type',
      code: 'required',
      fails: ({ type }) => !rules.types.some((choice) => choice.code === type),
      message: t.typeMissing,
    },
    // A message of blanks only is no message.
    {
      field: 'message',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ message }) => !message.trim(),
      message: t.messageMissing,
    },
    {
      field: 'message',
      code: 'too-short',
      fails: ({ message }) => [...message.trim()].length < min,
      message: () => tooShort(min, renderedLocale()),
    },
    {
      field: 'message',
      code: 'too-long',
      fails: ({ message }) => remainingOf(message, max) < 0,
      message: () => tooLong(max, renderedLocale()),
    },
    ...contactRules,
  ];
}

/** Every problem that stops the form from being sent, by field, in the order of the form. */
export function validate(values: Values, rules: Rules): Errors {
  return checkRules(feedbackRules(rules), {
    type: values.type,
    message: values.message,
    ...contactInput(values, rules.contact),
  });
}

/** The submission's `data`, from values that passed `validate`. Contact details go normalised (E.164). */
export function toPayload(
  values: Values,
  rules: Rules,
  service: string | undefined,
  locale: Locale,
): Record<string, unknown> {
  const type = rules.types.find((choice) => choice.code === values.type);
  const data: Record<string, unknown> = {
    type: { code: values.type, label: type ? choiceLabel(type, locale) : values.type },
    message: values.message.trim(),
  };
  const serviceName = service?.trim();
  if (serviceName) data.service = serviceName;
  return { ...data, ...contactPayload(values, rules.contact) };
}

/** What the form says for each code the collector may give for each of its fields (422), under these rules. */
export const feedbackCodeMessages = (rules: Rules): CodeMessages<Field> => codeMessagesOf(feedbackRules(rules));
