/** The calm message an element shows instead of itself when it has no endpoint. */
import { msg } from '@lit/localize';

export const notAvailable = (): string =>
  msg('This feature is not available at the moment.', { id: 'core.not-available' });
