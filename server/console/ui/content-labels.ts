/**
 * The names the console gives the codes of ideas and consultations (an idea's review and status, a
 * consultation's type, level, stance and where it stands), in the console's language, and a visitor's text
 * given once for both languages or once per language. Functions, so that each call reads the language in
 * force.
 */
import { msg } from '@lit/localize';
import type { Schemas } from './api.js';
import { language } from './language.js';

export type ReviewState = Schemas['IdeaReviewState'];
export type IdeaStatus = Schemas['IdeaStatus'];
export type ConsultationType = Schemas['ConsultationType'];
export type Level = Schemas['ParticipationLevel'];
export type Stance = Schemas['Stance'];
export type LocalText = Schemas['LocalText'];

export const REVIEW_STATES: readonly ReviewState[] = ['pending', 'published', 'rejected'];
export const IDEA_STATUSES: readonly IdeaStatus[] = [
  'new',
  'under-review',
  'accepted',
  'in-progress',
  'implemented',
  'not-adopted',
];
export const CONSULTATION_TYPES: readonly ConsultationType[] = ['legal', 'non-legal'];
export const LEVELS: readonly Level[] = ['awareness', 'consultation', 'inclusion', 'collaboration', 'empowerment'];
export const STANCES: readonly Stance[] = ['support', 'neutral', 'oppose'];

export function reviewStateName(state: ReviewState): string {
  if (state === 'pending') return msg('Waiting for review');
  if (state === 'published') return msg('Published');
  return msg('Rejected');
}

export function ideaStatusName(status: IdeaStatus): string {
  switch (status) {
    case 'new':
      return msg('New');
    case 'under-review':
      return msg('Under study');
    case 'accepted':
      return msg('Accepted');
    case 'in-progress':
      return msg('In progress');
    case 'implemented':
      return msg('Implemented');
    default:
      return msg('Not adopted');
  }
}

export const consultationTypeName = (type: ConsultationType): string =>
  type === 'legal' ? msg('Legal (draft regulations and laws)') : msg('Non-legal (policies and initiatives)');

export function levelName(level: Level): string {
  switch (level) {
    case 'awareness':
      return msg('Awareness');
    case 'consultation':
      return msg('Consultation');
    case 'inclusion':
      return msg('Inclusion');
    case 'collaboration':
      return msg('Collaboration');
    default:
      return msg('Empowerment');
  }
}

export function stanceName(stance: Stance): string {
  if (stance === 'support') return msg('Support');
  if (stance === 'neutral') return msg('Neutral');
  return msg('Oppose');
}

export type ConsultationStage = 'upcoming' | 'open' | 'closed' | 'outcome';

/** Where a consultation stands now: from its dates, and whether its outcome is out. */
export function stageOf(item: Pick<Schemas['Consultation'], 'opensAt' | 'closesAt' | 'outcome'>): ConsultationStage {
  if (item.outcome) return 'outcome';
  if (Date.now() < Date.parse(item.opensAt)) return 'upcoming';
  return Date.now() < Date.parse(item.closesAt) ? 'open' : 'closed';
}

export function stageName(stage: ConsultationStage): string {
  if (stage === 'upcoming') return msg('Not open yet');
  if (stage === 'open') return msg('Open: taking views');
  if (stage === 'closed') return msg('Closed: outcome not published');
  return msg('Outcome published');
}

/** The text in `lang`: the one given for both languages, or that language's (absent: empty). */
export const textIn = (text: LocalText | undefined, lang: 'ar' | 'en'): string =>
  typeof text === 'string' ? text : (text?.[lang] ?? '');

/**
 * The text in the console's language, or else in the other one, with the language it is in (for `lang`);
 * none for a text given once for both, whose language is not known.
 */
export const shownText = (text: LocalText | undefined): { text: string; lang?: 'ar' | 'en' } => {
  const first = language() === 'ar' ? 'ar' : 'en';
  const other = first === 'ar' ? 'en' : 'ar';
  if (typeof text === 'string') return { text };
  const lang = textIn(text, first) ? first : other;
  return { text: textIn(text, lang), lang };
};
