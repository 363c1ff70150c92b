/**
 * For the poll's "What we changed" tests: a page and its latest note, as the collector's `/changes` gives it,
 * the note's region in a poll, and the reads of it the collector saw.
 */
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import type { TestEndpoint } from './endpoint.js';

export const CHANGES_PAGE = 'https://example.gov.sa/services/licence';

export const CHANGE_NOTE = {
  date: '2026-03-01',
  text: {
    en: 'You told us the form was hard to find; on 1 March 2026 we moved it to the top of the page.',
    ar: 'أخبرتمونا أن النموذج صعب الوصول إليه؛ وفي 1 مارس 2026 نقلناه إلى أعلى الصفحة.',
  },
};

export const changesIn = (element: EpPagePoll) => element.shadowRoot!.querySelector<HTMLElement>('[part="changes"]');

export const changeReads = async (endpoint: TestEndpoint) =>
  (await endpoint.log()).filter((entry) => entry.route === 'changes');
