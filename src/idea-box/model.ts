/**
 * What the idea box holds: the form's fields and limits, the topics offered by default, the statuses an
 * idea goes through, and the options that shape the list.
 */
import { msg } from '@lit/localize';
import type { Choice } from '../core/fields/choices.js';
import { CONTACT_FIELDS, emptyContact, type ContactValues } from '../core/fields/contact-fields.js';

/** The form's fields in the order they are shown, checked and listed in the error summary. */
export const FIELDS = ['title', 'description', 'topic', ...CONTACT_FIELDS] as const;
export type Field = (typeof FIELDS)[number];

/** A type rather than an interface, so that it is a record of strings and booleans (a draft). */
export type Values = { title: string; description: string; topic: string } & ContactValues;

export const emptyValues = (): Values => ({ title: '', description: '', topic: '', ...emptyContact() });

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;

/** The topics offered unless the page author gives others. Codes are stable: collectors aggregate on them. */
export const defaultTopics = (): Choice[] => [
  { code: 'digital-services', label: msg('Digital services', { id: 'ideas.topic.digital-services' }) },
  { code: 'housing', label: msg('Housing', { id: 'ideas.topic.housing' }) },
  { code: 'public-spaces', label: msg('Parks and public spaces', { id: 'ideas.topic.public-spaces' }) },
  { code: 'roads', label: msg('Roads and streets', { id: 'ideas.topic.roads' }) },
  { code: 'environment', label: msg('Cleanliness and environment', { id: 'ideas.topic.environment' }) },
  { code: 'other', label: msg('Other', { id: 'ideas.topic.other' }) },
];

/** Where a published idea stands. */
export const STATUSES = ['new', 'under-review', 'accepted', 'in-progress', 'implemented', 'not-adopted'] as const;
export type Status = (typeof STATUSES)[number];

export function statusLabel(status: Status): string {
  switch (status) {
    case 'new':
      return msg('New', { id: 'ideas.status.new' });
    case 'under-review':
      return msg('Under review', { id: 'ideas.status.under-review' });
    case 'accepted':
      return msg('Accepted', { id: 'ideas.status.accepted' });
    case 'in-progress':
      return msg('In progress', { id: 'ideas.status.in-progress' });
    case 'implemented':
      return msg('Implemented', { id: 'ideas.status.implemented' });
    case 'not-adopted':
      return msg('Not adopted', { id: 'ideas.status.not-adopted' });
  }
}

export type Sort = 'supported' | 'newest';
export const sortOf = (value: string | undefined): Sort => (value === 'newest' ? 'newest' : 'supported');

/** What the element shows: the form and the list (`all`, the default), only the `list`, or only the `form`. */
export type View = 'all' | 'list' | 'form';
export const viewOf = (value: string | undefined): View => (value === 'list' || value === 'form' ? value : 'all');
