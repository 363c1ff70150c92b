/**
 * What the Lab's invitation holds: the sign-up form's fields and what each offers (the Lab's three kinds of
 * session, how and in which language the visitor would take part, age bands from 18 up), the form to leave
 * the panel, and the options that shape the element. Codes are the contract's (api/openapi.yaml, LabSignupData).
 */
import { msg } from '@lit/localize';
import type { Choice } from '../core/fields/choices.js';
import { emptyContact, type ContactValues } from '../core/fields/contact-fields.js';

/** The sign-up form's fields in the order they are shown, checked and listed in the error summary. */
export const FIELDS = [
  'sessions',
  'topics',
  'attendance',
  'city',
  'language',
  'ageBand',
  'name',
  'email',
  'mobile',
  'consent',
] as const;
export type Field = (typeof FIELDS)[number];

/**
 * A type rather than an interface, so that it is a record of strings and booleans (a draft). A group of check
 * boxes holds its codes one a line (core/forms/form-values.ts). `channel` is the contact block's, never asked here.
 */
export type Values = {
  sessions: string;
  topics: string;
  attendance: string;
  city: string;
  language: string;
  ageBand: string;
} & ContactValues;

export const emptyValues = (): Values => ({
  sessions: '',
  topics: '',
  attendance: '',
  city: '',
  language: '',
  ageBand: '',
  ...emptyContact(),
});

/** The form to leave the panel: the withdrawal code, and the email address or mobile number given at sign-up. */
export const LEAVE_FIELDS = ['code', 'email', 'mobile'] as const;
export type LeaveField = (typeof LEAVE_FIELDS)[number];
export type LeaveValues = { code: string; email: string; mobile: string };
export const emptyLeave = (): LeaveValues => ({ code: '', email: '', mobile: '' });

/** The youngest age the panel takes. */
export const ADULT = 18;
/** Letters and digits in a withdrawal code (the contract's WithdrawalCode). */
export const CODE_LENGTH = 12;

/** Longest city name the collector takes, in characters. */
export const CITY_MAX = 100;
/** Most topics the collector takes in one sign-up. */
export const TOPICS_MAX = 50;

/** The Lab's three levels of participatory engagement (the E-Participation Statement's). */
export const sessionChoices = (): Choice[] => [
  {
    code: 'understanding',
    label: msg('Workshops to understand a challenge and its causes', { id: 'lab.session.understanding' }),
  },
  { code: 'prototype', label: msg('Testing service prototypes before launch', { id: 'lab.session.prototype' }) },
  { code: 'readiness', label: msg('Testing services before they are deployed', { id: 'lab.session.readiness' }) },
];

export const IN_PERSON = 'in-person';

export const attendanceChoices = (): Choice[] => [
  { code: 'online', label: msg('Online', { id: 'lab.attendance.online' }) },
  { code: IN_PERSON, label: msg('In person', { id: 'lab.attendance.in-person' }) },
];

export const languageChoices = (): Choice[] => [
  { code: 'ar', label: msg('Arabic', { id: 'lab.language.ar' }) },
  { code: 'en', label: msg('English', { id: 'lab.language.en' }) },
];

/** The age bands the contract knows, from 18 up; '' is "prefer not to say" (nothing is sent). */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65-plus'] as const;

/** What the element shows first: the sign-up form (`join`, the default) or the form to leave the panel. */
export type Mode = 'join' | 'leave';
export const modeOf = (value: string | undefined): Mode => (value === 'leave' ? 'leave' : 'join');
