/**
 * The sign-up form's rules: what makes a sign-up ready to send (each problem a message for its field), what
 * is sent (`lab-signup`), and the messages for the codes a collector may return for a field (422), from one
 * table. The name, an email address or a mobile number, and consent are required here; their formats follow
 * the shared rules in core/fields/contact-rules.ts.
 */
import { choiceLabel, type Choice } from '../core/fields/choices.js';
import { remainingOf } from '../core/fields/character-count.js';
import { contactPayload } from '../core/fields/contact-fields.js';
import { contactInput, contactRulesOf, type ContactInput } from '../core/fields/contact-rules.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { checkedCodes } from '../core/fields/fields.js';
import { checkRules, codeMessagesOf, type RulesTable } from '../core/forms/rules-table.js';
import { formatNumber } from '../core/language/format.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import { tooLong } from '../core/language/messages.js';
import * as t from './messages.js';
import { AGE_BANDS, CITY_MAX, IN_PERSON, TOPICS_MAX, sessionChoices, type Field, type Values } from './model.js';

export type Errors = Partial<Record<Field, Message>>;

/** What the rules read: the codes checked in each group, the texts as typed, and the contact details. */
export interface Input extends ContactInput {
  sessions: string[];
  topics: string[];
  attendance: string[];
  city: string;
  language: string;
  ageBand: string;
}

/** The sign-up's contact details: always asked for, with an email address or a mobile number required. */
const CONTACT = 'required';

const known = (codes: readonly string[], choices: readonly Choice[]): boolean =>
  codes.every((code) => choices.some((choice) => choice.code === code));

/** The form's rules in the order of the form (the contact block's last); `topics` are the author's. */
export function labRules(topics: readonly Choice[]): RulesTable<Field, Input> {
  return [
    {
      field: 'sessions',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ sessions }) => sessions.length === 0 || !known(sessions, sessionChoices()),
      message: t.sessionsMissing,
    },
    {
      field: 'topics',
      code: 'too-many',
      fails: (input) => input.topics.filter((code) => topics.some((topic) => topic.code === code)).length > TOPICS_MAX,
      message: () => t.topicsTooMany(formatNumber(TOPICS_MAX, renderedLocale())),
    },
    {
      field: 'attendance',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ attendance }) => attendance.length === 0,
      message: t.attendanceMissing,
    },
    // A city of blanks only is no city.
    {
      field: 'city',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ attendance, city }) => attendance.includes(IN_PERSON) && !city,
      message: t.cityMissing,
    },
    {
      field: 'city',
      code: 'too-long',
      fails: ({ city }) => remainingOf(city, CITY_MAX) < 0,
      message: () => tooLong(CITY_MAX, renderedLocale()),
    },
    {
      field: 'language',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ language }) => language !== 'ar' && language !== 'en',
      message: t.languageMissing,
    },
    // The form offers the contract's bands only; a collector that refuses one is told as a choice to make again.
    { field: 'ageBand', code: 'invalid', message: t.ageInvalid },
    { field: 'name', code: 'required', alsoCodes: ['invalid'], fails: ({ name }) => !name, message: t.nameMissing },
    // Consent is asked whatever was given: joining the panel is what it is for.
    {
      field: 'consent',
      code: 'required',
      alsoCodes: ['invalid'],
      fails: ({ consent }) => !consent,
      message: t.consentMissing,
    },
    ...contactRulesOf(['name', 'email', 'mobile', 'consent']),
  ];
}

/** The cleaned input the rules read. */
function inputOf(values: Values): Input {
  return {
    sessions: checkedCodes(values.sessions),
    topics: checkedCodes(values.topics),
    attendance: checkedCodes(values.attendance),
    city: values.city.trim(),
    language: values.language,
    ageBand: values.ageBand,
    ...contactInput(values, CONTACT),
  };
}

/** Every problem that stops the sign-up from being sent, by field, in the order of the form. */
export function validate(values: Values, topics: readonly Choice[]): Errors {
  return checkRules(labRules(topics), inputOf(values));
}

/**
 * The submission's `data` (kind `lab-signup`), from values that passed `validate`: the topics chosen among the
 * author's, with their labels as shown; the city only for a visitor who can come in person; the age band only
 * when given; the contact details without a channel, which the panel does not take.
 */
export function toPayload(values: Values, topics: readonly Choice[], locale: Locale): Record<string, unknown> {
  const input = inputOf(values);
  const chosen = topics.filter((topic) => input.topics.includes(topic.code));
  return {
    sessions: input.sessions,
    ...(chosen.length > 0 && {
      topics: chosen.map((topic) => ({ code: topic.code, label: choiceLabel(topic, locale) })),
    }),
    attendance: input.attendance,
    ...(input.attendance.includes(IN_PERSON) && { city: input.city }),
    language: input.language,
    ...((AGE_BANDS as readonly string[]).includes(input.ageBand) && { ageBand: input.ageBand }),
    ...contactPayload({ ...values, channel: '' }, CONTACT),
  };
}

/** What the form says for each code the collector may give for each of its fields (422). */
export const labCodeMessages = (topics: readonly Choice[]): CodeMessages<Field> => codeMessagesOf(labRules(topics));
