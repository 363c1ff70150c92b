/** The strings of the first step, loaded with the element itself. */
import { msg } from '@lit/localize';

export const question = (): string => msg('Was this page useful?', { id: 'poll.question' });
export const yes = (): string => msg('Yes', { id: 'poll.yes' });
export const no = (): string => msg('No', { id: 'poll.no' });
export const alreadyAnswered = (): string =>
  msg('You have already told us about this page. Thank you.', { id: 'poll.already-answered' });
export const loadFailed = (): string =>
  msg('This could not load. Check your connection and answer again.', { id: 'poll.load-failed' });
