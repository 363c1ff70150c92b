/** The strings of the first step, loaded with the element itself. */
import { msg } from '@lit/localize';

export const question = (): string => msg('Was this page useful?', { id: 'poll.question' });
export const yes = (): string => msg('Yes', { id: 'poll.yes' });
export const no = (): string => msg('No', { id: 'poll.no' });
