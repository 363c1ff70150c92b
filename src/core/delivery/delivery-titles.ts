/**
 * The titles a form's confirmation takes when its submission, saved on the device, was refused or dropped after
 * all. Apart from delivery-messages.ts, which the poll loads too: only the form elements show these.
 */
import { msg } from '@lit/localize';

/** The title of a confirmation whose submission, saved on the device, was refused or dropped after all. */
export const notSentAfterAll = (): string => msg('This was not sent', { id: 'core.delivery.not-sent-title' });
/** Puts what the visitor wrote back in the form, to send again. */
export const backToWhatYouWrote = (): string => msg('Back to what you wrote', { id: 'core.delivery.back' });
