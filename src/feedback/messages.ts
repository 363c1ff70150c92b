/**
 * The feedback form's own strings. Shared wording (errors, counts, personal data, the contact block) is in core;
 * the contact block's hint and consent are the form's own: they speak of a reply to a message.
 */
import { msg } from '@lit/localize';

export const title = (): string => msg('Comments and suggestions', { id: 'feedback.title' });
export const intro = (): string =>
  msg('For any inquiries or comments about our services, please fill in the required information.', {
    id: 'feedback.intro',
  });
export const typeLegend = (): string => msg('What is your message about?', { id: 'feedback.type.legend' });
export const messageLabel = (): string => msg('Your message', { id: 'feedback.message.label' });
export const messageHint = (): string =>
  msg('Do not include personal or financial information, such as your ID number or bank details.', {
    id: 'feedback.message.hint',
  });
export const contactHint = (required: boolean): string =>
  required
    ? msg('Give an email address, a mobile number or both, so that we can reply to you.', {
        id: 'feedback.contact.hint',
      })
    : msg('If you would like a reply, give an email address, a mobile number or both.', {
        id: 'feedback.contact.hint-optional',
      });
export const consentLabel = (): string =>
  msg('I agree to be contacted about this message using the details I gave', { id: 'feedback.consent.label' });
export const send = (): string => msg('Send message', { id: 'feedback.send' });

export const typeMissing = (): string =>
  msg('Select what your message is about', { id: 'feedback.error.type-missing' });
export const messageMissing = (): string => msg('Enter your message', { id: 'feedback.error.message-missing' });
export const notSent = (): string =>
  msg('Your message was not sent. What you wrote is kept.', { id: 'feedback.not-sent' });

export const sentTitle = (): string => msg('Your message has been sent', { id: 'feedback.sent.title' });
export const savedTitle = (): string => msg('Your message is saved on this device', { id: 'feedback.saved.title' });
export const unsentTitle = (): string => msg('Your message was not sent', { id: 'feedback.unsent.title' });
export const backToMessage = (): string => msg('Back to your message', { id: 'feedback.unsent.back' });
export const referenceHint = (): string =>
  msg('Keep it in case you contact us about this message.', { id: 'feedback.sent.reference-hint' });
export const nextTitle = (): string => msg('What happens next', { id: 'feedback.sent.next-title' });
export const nextWithContact = (): string =>
  msg('We will read your message and reply using the contact details you gave.', { id: 'feedback.sent.next-contact' });
export const nextWithoutContact = (): string =>
  msg('We will read your message. You did not give contact details, so we cannot reply to you.', {
    id: 'feedback.sent.next-no-contact',
  });
/** When the form asks for no contact details (`contact="hidden"`). */
export const nextWithoutAsking = (): string => msg('We will read your message.', { id: 'feedback.sent.next-read' });
export const sendAnother = (): string => msg('Send another message', { id: 'feedback.send-another' });
