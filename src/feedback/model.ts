/**
 * What the feedback form holds: its fields, the types of message offered by default, and the options that
 * change its rules.
 */
import { msg } from '@lit/localize';
import type { Choice } from '../core/fields/choices.js';
import type { ContactMode } from '../core/fields/contact-fields.js';

/** The form's fields in the order they are shown, checked and listed in the error summary. */
export const FIELDS = ['type', 'message', 'name', 'email', 'mobile', 'channel', 'consent'] as const;
export type Field = (typeof FIELDS)[number];

/** A type rather than an interface, so that it is a record of strings and booleans (a draft). */
export type Values = {
  type: string;
  message: string;
  name: string;
  email: string;
  mobile: string;
  channel: string;
  consent: boolean;
};

export const emptyValues = (): Values => ({
  type: '',
  message: '',
  name: '',
  email: '',
  mobile: '',
  channel: '',
  consent: false,
});

export { contactModeOf, type ContactMode } from '../core/fields/contact-fields.js';
/** How the visitor would like to be contacted: the contact block's channels. */
export { contactChannels as channels } from '../core/fields/contact-fields.js';

/** The options the rules depend on (the element's properties, made usable). */
export interface Rules {
  contact: ContactMode;
  minLength: number;
  maxLength: number;
  types: readonly Choice[];
}

/** The types of message offered unless the page author gives others. Codes are stable. */
export const defaultTypes = (): Choice[] => [
  { code: 'inquiry', label: msg('Inquiry', { id: 'feedback.type.inquiry' }) },
  { code: 'suggestion', label: msg('Suggestion', { id: 'feedback.type.suggestion' }) },
  { code: 'complaint', label: msg('Complaint', { id: 'feedback.type.complaint' }) },
  { code: 'compliment', label: msg('Compliment', { id: 'feedback.type.compliment' }) },
];
