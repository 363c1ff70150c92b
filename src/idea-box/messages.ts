/**
 * The idea box's own strings. Shared wording (errors, counts, personal data, contact details, delivery) is in
 * core. Plural strings have one id per CLDR category: Arabic uses all six, and names one and two in words.
 */
import { msg, str } from '@lit/localize';
import { formatNumber, plural } from '../core/language/format.js';
import type { Locale } from '../core/language/locale.js';

export const title = (): string => msg('Ideas for better services', { id: 'ideas.title' });
export const intro = (): string =>
  msg(
    'Suggest how we could improve our services, and support the ideas of others. We publish ideas after review, with what we did.',
    {
      id: 'ideas.intro',
    },
  );

// The form
export const share = (): string => msg('Share an idea', { id: 'ideas.share' });
export const titleLabel = (): string => msg('Title of your idea', { id: 'ideas.title.label' });
export const descriptionLabel = (): string => msg('Describe your idea', { id: 'ideas.description.label' });
export const descriptionHint = (): string =>
  msg('What would you change, and how would it help? Ideas are published, so do not include personal information.', {
    id: 'ideas.description.hint',
  });
export const topicLegend = (): string => msg('What is your idea about?', { id: 'ideas.topic.legend' });
export const send = (): string => msg('Send idea', { id: 'ideas.send' });
export const titleMissing = (): string => msg('Enter a title for your idea', { id: 'ideas.error.title-missing' });
export const descriptionMissing = (): string =>
  msg('Enter a description of your idea', { id: 'ideas.error.description-missing' });
export const topicMissing = (): string => msg('Select what your idea is about', { id: 'ideas.error.topic-missing' });
export const notSent = (): string => msg('Your idea was not sent. What you wrote is kept.', { id: 'ideas.not-sent' });
export const sentTitle = (): string =>
  msg('Your idea was received and will be published after review', { id: 'ideas.sent.title' });
export const savedTitle = (): string => msg('Your idea is saved on this device', { id: 'ideas.saved.title' });
export const next = (): string =>
  msg('Once it is published, you can follow here what we did with it.', { id: 'ideas.sent.next' });
export const shareAnother = (): string => msg('Share another idea', { id: 'ideas.share-another' });

// The list
export const listTitle = (): string => msg('Published ideas', { id: 'ideas.list.title' });
export const sortLabel = (): string => msg('Sort by', { id: 'ideas.sort.label' });
export const sortSupported = (): string => msg('Most supported', { id: 'ideas.sort.supported' });
export const sortNewest = (): string => msg('Newest', { id: 'ideas.sort.newest' });
export const topicLabel = (): string => msg('Topic', { id: 'ideas.topic' });
export const allTopics = (): string => msg('All topics', { id: 'ideas.topic.all' });
export const loading = (): string => msg('Loading ideas…', { id: 'ideas.loading' });
export const empty = (filtered: boolean): string =>
  filtered
    ? msg('No ideas on this topic have been published yet.', { id: 'ideas.empty.topic' })
    : msg('No ideas have been published yet.', { id: 'ideas.empty' });
export const loadFailed = (): string => msg('We could not load the ideas.', { id: 'ideas.load-failed' });
export const more = (): string => msg('Show more ideas', { id: 'ideas.more' });

/** "Showing 20 of 57 ideas": the plural follows the total (the number of ideas named last). */
export function shown(count: number, total: number, locale: Locale): string {
  const n = formatNumber(count, locale);
  const m = formatNumber(total, locale);
  return plural(total, locale, {
    // Arabic names one and two ideas in words (the dual), so these forms carry no total.
    one: () => msg(str`Showing ${n} of 1 idea`, { id: 'ideas.shown.one' }),
    two: () => msg(str`Showing ${n} of 2 ideas`, { id: 'ideas.shown.two' }),
    few: () => msg(str`Showing ${n} of ${m} ideas`, { id: 'ideas.shown.few' }),
    many: () => msg(str`Showing ${n} of ${m} ideas`, { id: 'ideas.shown.many' }),
    other: () => msg(str`Showing ${n} of ${m} ideas`, { id: 'ideas.shown.other' }),
  });
}

// One idea
export const statusTerm = (): string => msg('Status', { id: 'ideas.meta.status' });
export const publishedTerm = (): string => msg('Published', { id: 'ideas.meta.published' });
export const answerTitle = (): string => msg('What we did', { id: 'ideas.answer.title' });
export const answeredOn = (date: string): string => msg(str`Answered on ${date}`, { id: 'ideas.answer.date' });
export const statusChange = (from: string, to: string): string =>
  msg(str`Status changed from ${from} to ${to}`, { id: 'ideas.answer.status-change' });
export const support = (): string => msg('Support', { id: 'ideas.support' });

export function supporters(count: number, locale: Locale): string {
  const n = formatNumber(count, locale);
  return plural(count, locale, {
    zero: () => msg('No supporters yet', { id: 'ideas.supporters.zero' }),
    one: () => msg('1 supporter', { id: 'ideas.supporters.one' }),
    two: () => msg('2 supporters', { id: 'ideas.supporters.two' }),
    few: () => msg(str`${n} supporters`, { id: 'ideas.supporters.few' }),
    many: () => msg(str`${n} supporters`, { id: 'ideas.supporters.many' }),
    other: () => msg(str`${n} supporters`, { id: 'ideas.supporters.other' }),
  });
}

export const notRecorded = (): string => msg('Your support was not recorded.', { id: 'ideas.support.not-recorded' });
export const notWithdrawn = (): string => msg('Your support was not withdrawn.', { id: 'ideas.support.not-withdrawn' });
