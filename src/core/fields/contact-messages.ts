/**
 * Strings of the contact-details block (contact-fields.ts), for any form that asks how to reach the visitor.
 * Worded for any kind of submission ("what I sent"), so every form can share them.
 */
import { msg } from '@lit/localize';

export const legend = (required: boolean): string =>
  required
    ? msg('Your contact details', { id: 'core.contact.legend' })
    : msg('Your contact details (optional)', { id: 'core.contact.legend-optional' });
export const hint = (required: boolean): string =>
  required
    ? msg('Give an email address, a mobile number or both, so that we can contact you.', { id: 'core.contact.hint' })
    : msg('If you would like us to contact you, give an email address, a mobile number or both.', {
        id: 'core.contact.hint-optional',
      });
export const nameLabel = (): string => msg('Full name', { id: 'core.contact.name' });
export const emailLabel = (): string => msg('Email address', { id: 'core.contact.email' });
export const mobileLabel = (): string => msg('Mobile number', { id: 'core.contact.mobile' });
export const mobileHint = (): string =>
  msg('A Saudi mobile number, like 05XXXXXXXX', { id: 'core.contact.mobile-hint' });
export const channelLegend = (): string => msg('How would you like us to contact you?', { id: 'core.contact.channel' });
export const channelEmail = (): string => msg('Email', { id: 'core.contact.channel.email' });
export const channelPhone = (): string => msg('Phone call', { id: 'core.contact.channel.phone' });
export const channelSms = (): string => msg('Text message (SMS)', { id: 'core.contact.channel.sms' });
export const consentLabel = (): string =>
  msg('I agree to be contacted about what I sent, using the details I gave', { id: 'core.contact.consent' });

export const contactMissing = (): string =>
  msg('Enter an email address or a mobile number', { id: 'core.contact.missing' });
export const emailForChannel = (): string =>
  msg('Enter an email address, or choose another way for us to contact you', { id: 'core.contact.channel-email' });
export const mobileForChannel = (): string =>
  msg('Enter a mobile number, or choose another way for us to contact you', { id: 'core.contact.channel-mobile' });
export const consentMissing = (): string =>
  msg('Confirm that we may contact you using the details you gave', { id: 'core.contact.consent-missing' });
