/**
 * The consultation card's own strings. The levels and their promises are the ministry's own words (its
 * E-Participation Statement, word for word in English; in Arabic as the statement page has them). Shared wording (errors, counts, personal data, sending) is in core.
 * Plural strings have one id per CLDR category: Arabic uses all six.
 */
import { msg, str } from '@lit/localize';
import { formatNumber, plural } from '../core/language/format.js';
import type { Locale } from '../core/language/locale.js';
import type { ConsultationType, Level, Stance, Status } from './model.js';

export const levelNames: Record<Level, () => string> = {
  awareness: () => msg('Awareness', { id: 'consultation.level.awareness' }),
  consultation: () => msg('Consultation', { id: 'consultation.level.consultation' }),
  inclusion: () => msg('Inclusion', { id: 'consultation.level.inclusion' }),
  collaboration: () => msg('Collaboration', { id: 'consultation.level.collaboration' }),
  empowerment: () => msg('Empowerment', { id: 'consultation.level.empowerment' }),
};

export const promises: Record<Level, () => string> = {
  awareness: () => msg("We'll keep you informed about what's happening.", { id: 'consultation.promise.awareness' }),
  consultation: () =>
    msg(
      "We'll keep you informed, listen to your concerns and aspirations, and show how your input influenced decisions.",
      {
        id: 'consultation.promise.consultation',
      },
    ),
  inclusion: () =>
    msg(
      "We'll collaborate to ensure your concerns and aspirations are directly reflected in the developed solutions and explain how your input shaped decisions.",
      { id: 'consultation.promise.inclusion' },
    ),
  collaboration: () =>
    msg(
      "We'll seek your advice and creativity in shaping solutions and incorporate your recommendations as much as possible.",
      {
        id: 'consultation.promise.collaboration',
      },
    ),
  empowerment: () => msg("We'll implement what you decide.", { id: 'consultation.promise.empowerment' }),
};

/** The statement's two types of consultation, as a short label. */
export const typeNames: Record<ConsultationType, () => string> = {
  legal: () => msg('Legal consultation', { id: 'consultation.type.legal' }),
  'non-legal': () => msg('Non-legal consultation', { id: 'consultation.type.non-legal' }),
};

export const statusNames: Record<Status, () => string> = {
  upcoming: () => msg('Upcoming', { id: 'consultation.status.upcoming' }),
  open: () => msg('Open', { id: 'consultation.status.open' }),
  closed: () => msg('Closed', { id: 'consultation.status.closed' }),
  outcome: () => msg('Outcome published', { id: 'consultation.status.outcome' }),
};

export const stanceNames: Record<Stance, () => string> = {
  support: () => msg('Support', { id: 'consultation.stance.support' }),
  neutral: () => msg('Neutral', { id: 'consultation.stance.neutral' }),
  oppose: () => msg('Oppose', { id: 'consultation.stance.oppose' }),
};

// Showing
export const loading = (): string => msg('Loading the consultation…', { id: 'consultation.loading' });
export const notFound = (): string => msg('This consultation could not be found.', { id: 'consultation.not-found' });
export const loadFailed = (): string =>
  msg('The consultation could not be loaded.', { id: 'consultation.load-failed' });
export const department = (): string => msg('Department', { id: 'consultation.department' });
export const type = (): string => msg('Type', { id: 'consultation.type' });
export const level = (): string => msg('Participation level', { id: 'consultation.level' });
export const ourPromise = (): string => msg('Our promise', { id: 'consultation.promise' });
export const openingDate = (): string => msg('Opening date', { id: 'consultation.opening-date' });
export const closingDate = (): string => msg('Closing date', { id: 'consultation.closing-date' });
/** One day in both calendars; Arabic puts the Hijri date first ("… هـ الموافق … م"). */
export const bothCalendars = (gregorian: string, hijri: string): string =>
  msg(str`${gregorian} (${hijri})`, { id: 'consultation.date' });
export const opensIn = (when: string): string => msg(str`Opens ${when}`, { id: 'consultation.opens-in' });
export const closesIn = (when: string): string => msg(str`Closes ${when}`, { id: 'consultation.closes-in' });
export const summary = (): string => msg('Summary', { id: 'consultation.summary' });
export const documents = (): string => msg('Draft documents', { id: 'consultation.documents' });
export const fullConsultation = (): string => msg('View the full consultation', { id: 'consultation.full' });
export const fullConsultationOn = (platform: string): string =>
  msg(str`View the full consultation on ${platform}`, { id: 'consultation.full-on' });
/** The link to a legal consultation's page on Istitlaa, saying it leads to another website. */
export const onIstitlaa = (): string =>
  msg('Read the draft and comment on Istitlaa (another website)', { id: 'consultation.istitlaa' });

export function participants(count: number, locale: Locale): string {
  const n = formatNumber(count, locale);
  // English has no zero form of its own; nobody yet is said in words in both languages.
  if (count === 0) return msg('No one has taken part yet', { id: 'consultation.participants.zero' });
  return plural(count, locale, {
    // Arabic says one and two in words (the dual), so these forms carry no number.
    one: () => msg('1 participant', { id: 'consultation.participants.one' }),
    two: () => msg('2 participants', { id: 'consultation.participants.two' }),
    few: () => msg(str`${n} participants`, { id: 'consultation.participants.few' }),
    many: () => msg(str`${n} participants`, { id: 'consultation.participants.many' }),
    other: () => msg(str`${n} participants`, { id: 'consultation.participants.other' }),
  });
}

// Taking part
export const giveYourView = (): string => msg('Give your view', { id: 'consultation.give-view' });
export const stanceLegend = (): string =>
  msg('What do you think of this proposal?', { id: 'consultation.stance.legend' });
export const commentOptional = (): string =>
  msg('Your comment (optional)', { id: 'consultation.comment.label-optional' });
export const commentWhy = (): string => msg('Why do you oppose it?', { id: 'consultation.comment.label-oppose' });
export const commentHint = (): string =>
  msg('Do not include personal information, such as your ID number or contact details.', {
    id: 'consultation.comment.hint',
  });
export const stanceMissing = (): string =>
  msg('Select whether you support the proposal, are neutral or oppose it', { id: 'consultation.error.stance-missing' });
export const commentMissing = (): string =>
  msg('Tell us why you oppose it', { id: 'consultation.error.comment-missing' });
export const send = (): string => msg('Send my view', { id: 'consultation.send' });
export const keepEarlier = (): string => msg('Keep my earlier view', { id: 'consultation.keep' });
export const notSent = (): string =>
  msg('Your view was not sent. What you wrote is kept.', { id: 'consultation.not-sent' });
export const opensOn = (date: string): string =>
  msg(str`You can give your view from ${date}.`, { id: 'consultation.opens-on' });
export const closed = (): string =>
  msg('This consultation is closed. Views are no longer accepted.', { id: 'consultation.closed' });

// The visitor's view
export const yourView = (): string => msg('Your view', { id: 'consultation.your-view' });
export const thanks = (): string => msg('Thank you. Your view was sent.', { id: 'consultation.thanks' });
export const savedHere = (): string => msg('Your view is saved on this device', { id: 'consultation.saved' });
export const sentOn = (date: string): string => msg(str`Sent on ${date}.`, { id: 'consultation.sent-on' });
export const change = (): string => msg('Change my view', { id: 'consultation.change' });
export const changeHint = (): string =>
  msg('You can change your view until the consultation closes.', { id: 'consultation.change-hint' });

// The outcome
export const outcomeTitle = (): string => msg('You said, we did', { id: 'consultation.outcome.title' });
export const heard = (): string => msg('What we heard', { id: 'consultation.outcome.heard' });
export const decided = (): string => msg('What we decided', { id: 'consultation.outcome.decided' });
export const viewsReceived = (): string => msg('Views received', { id: 'consultation.outcome.counts' });
export const publishedOn = (date: string): string =>
  msg(str`Published on ${date}`, { id: 'consultation.outcome.published' });
export const report = (): string => msg('Read the full report', { id: 'consultation.outcome.report' });
