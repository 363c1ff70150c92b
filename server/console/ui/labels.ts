/**
 * The names the console gives the API's codes (a case's status and kind, the Lab's sessions, how a member
 * can attend, a language), in the console's language. Functions, so that each call reads the language in
 * force.
 */
import { msg } from '@lit/localize';
import type { Schemas } from './api.js';

export type CaseStatus = Schemas['CaseStatus'];
export type CaseKind = Schemas['CaseSummary']['kind'];
export type LabSession = Schemas['LabSession'];

export const CASE_STATUSES: readonly CaseStatus[] = ['new', 'in-progress', 'answered', 'closed'];
export const CASE_KINDS: readonly CaseKind[] = ['feedback', 'page-vote-details'];
export const LAB_SESSIONS: readonly LabSession[] = ['understanding', 'prototype', 'readiness'];

export function statusName(status: CaseStatus): string {
  switch (status) {
    case 'new':
      return msg('New');
    case 'in-progress':
      return msg('In progress');
    case 'answered':
      return msg('Answered');
    default:
      return msg('Closed');
  }
}

export const kindName = (kind: CaseKind): string =>
  kind === 'feedback' ? msg('Feedback message') : msg("Comment on a page's poll");

/** What a case is about: the feedback's type as the visitor chose it, or the answer a comment followed. */
export function aboutName({ kind, about = '' }: Pick<Schemas['CaseSummary'], 'kind' | 'about'>): string {
  if (kind === 'feedback') return about;
  return about === 'yes' ? msg('After answering yes') : msg('After answering no');
}

export function sessionName(session: LabSession): string {
  switch (session) {
    case 'understanding':
      return msg('Understanding a challenge (workshops)');
    case 'prototype':
      return msg('Testing prototypes');
    default:
      return msg('Readiness testing with customers');
  }
}

export const attendanceName = (way: 'online' | 'in-person'): string =>
  way === 'online' ? msg('Online') : msg('In person');

export const languageName = (tag: string): string => {
  if (tag === 'ar') return msg('Arabic');
  if (tag === 'en') return msg('English');
  return tag;
};

export type ConsoleRole = Schemas['ConsoleRole'];
export const CONSOLE_ROLES: readonly ConsoleRole[] = ['viewer', 'moderator', 'administrator'];

/** A role's name, with what it may do (the accounts screen's choices and table). */
export function roleName(role: ConsoleRole): string {
  if (role === 'administrator') return msg('Administrator');
  if (role === 'moderator') return msg('Moderator');
  return msg('Viewer');
}
