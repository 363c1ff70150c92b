/**
 * The Lab's invitation's own strings: the sign-up form, its confirmation with the withdrawal code, and the
 * form to leave the panel. Shared wording (errors, the contact block's fields, failures) is in core.
 */
import { msg, str } from '@lit/localize';

export const title = (): string => msg('Help us improve our services', { id: 'lab.title' });
/** `adult`: 18, in the visitor's digits (as in every string below that takes a number). */
export const intro = (adult: string): string =>
  msg(
    str`Join the Innovation Lab's panel: people who take part in sessions to understand challenges, and who test our services before they launch. The panel is for adults aged ${adult} and over.`,
    { id: 'lab.intro' },
  );
export const selectAll = (): string => msg('Select all that apply.', { id: 'lab.select-all' });
export const sessionsLegend = (): string =>
  msg('Which sessions would you like to take part in?', { id: 'lab.sessions.legend' });
export const topicsLegend = (): string =>
  msg('Which topics or services interest you? (optional)', { id: 'lab.topics.legend' });
export const attendanceLegend = (): string => msg('How can you take part?', { id: 'lab.attendance.legend' });
export const cityLabel = (): string => msg('Your city', { id: 'lab.city.label' });
export const cityHint = (): string => msg('Where you could come to a session in person.', { id: 'lab.city.hint' });
export const languageLegend = (): string =>
  msg('Which language would you prefer for sessions?', { id: 'lab.language.legend' });
export const ageLegend = (): string => msg('Your age (optional)', { id: 'lab.age.legend' });
export const ageHint = (adult: string): string =>
  msg(str`The panel is for adults aged ${adult} and over.`, { id: 'lab.age.hint' });
export const agePreferNot = (): string => msg('Prefer not to say', { id: 'lab.age.prefer-not' });
export const ageRange = (from: string, to: string): string => msg(str`${from} to ${to}`, { id: 'lab.age.range' });
export const ageOver = (from: string): string => msg(str`${from} or over`, { id: 'lab.age.over' });
export const contactHint = (): string =>
  msg('Give an email address, a mobile number or both, so that the Lab can invite you to sessions.', {
    id: 'lab.contact.hint',
  });
export const consentLabel = (): string =>
  msg(
    'I agree that the Innovation Lab keeps these details and contacts me about its sessions, as its privacy notice says',
    { id: 'lab.consent.label' },
  );
export const send = (): string => msg('Join the panel', { id: 'lab.send' });
export const notSent = (): string =>
  msg('Your request to join was not sent. What you entered is kept.', { id: 'lab.not-sent' });
export const toLeave = (): string => msg('Already on the panel? Leave it', { id: 'lab.to-leave' });

export const sessionsMissing = (): string =>
  msg('Select at least one kind of session', { id: 'lab.error.sessions-missing' });
export const topicsTooMany = (max: string): string =>
  msg(str`Select ${max} topics or fewer`, { id: 'lab.error.topics-too-many' });
export const attendanceMissing = (): string =>
  msg('Select how you can take part', { id: 'lab.error.attendance-missing' });
export const cityMissing = (): string =>
  msg('Enter the city where you could come in person', { id: 'lab.error.city-missing' });
export const languageMissing = (): string =>
  msg('Select the language you prefer for sessions', { id: 'lab.error.language-missing' });
export const ageInvalid = (): string => msg('Select your age, or Prefer not to say', { id: 'lab.error.age-invalid' });
export const nameMissing = (): string => msg('Enter your full name', { id: 'lab.error.name-missing' });
export const consentMissing = (): string =>
  msg('Confirm that you agree to join the panel and to be contacted about its sessions', {
    id: 'lab.error.consent-missing',
  });

export const sentTitle = (): string => msg('You have joined the panel', { id: 'lab.sent.title' });
export const savedTitle = (): string => msg('Your request to join is saved on this device', { id: 'lab.saved.title' });
export const codeLabel = (): string => msg('Your withdrawal code', { id: 'lab.code.label' });
export const codeUse = (): string =>
  msg('Keep this code. To leave the panel at any time, use it with the email address or mobile number you gave.', {
    id: 'lab.code.use',
  });
export const codeLater = (): string =>
  msg(
    'You will get your withdrawal code here once your request is sent. Keep it: with it and the email address or mobile number you gave, you can leave the panel at any time.',
    { id: 'lab.code.later' },
  );
export const nextTitle = (): string => msg('What happens next', { id: 'lab.sent.next-title' });
export const next = (): string =>
  msg('The Innovation Lab will contact you when a session matches what you chose.', { id: 'lab.sent.next' });

export const leaveTitle = (): string => msg('Leave the panel', { id: 'lab.leave.title' });
export const leaveIntro = (): string =>
  msg(
    'Enter the withdrawal code you were given when you joined, and the email address or mobile number you gave then. Your details will be erased.',
    { id: 'lab.leave.intro' },
  );
export const codeFieldLabel = (): string => msg('Withdrawal code', { id: 'lab.leave.code' });
export const codeFieldHint = (length: string): string =>
  msg(str`${length} letters and digits, like 7K3M-Q9XR-2D4F`, { id: 'lab.leave.code-hint' });
export const leaveContactLegend = (): string =>
  msg('The contact detail you gave when you joined', { id: 'lab.leave.contact' });
export const leaveContactHint = (): string =>
  msg('Give your email address or your mobile number.', { id: 'lab.leave.contact-hint' });
export const leaveSend = (): string => msg('Leave the panel', { id: 'lab.leave.send' });
export const leaveNotSent = (): string =>
  msg('Your request to leave was not sent. What you entered is kept.', { id: 'lab.leave.not-sent' });
export const tooMany = (): string =>
  msg('There have been too many attempts. Please try again later.', { id: 'lab.leave.too-many' });
export const backToJoin = (): string => msg('Back to joining the panel', { id: 'lab.leave.back' });
export const codeMissing = (): string => msg('Enter your withdrawal code', { id: 'lab.error.code-missing' });
export const codeInvalid = (): string =>
  msg('Enter the withdrawal code as you were given it, like 7K3M-Q9XR-2D4F', { id: 'lab.error.code-invalid' });
export const leftTitle = (): string =>
  msg('Your request to leave the panel has been received', { id: 'lab.left.title' });
export const leftSavedTitle = (): string =>
  msg('Your request to leave is saved on this device', { id: 'lab.left.saved-title' });
export const leftBody = (): string =>
  msg(
    'If these details match a panel member, their details have been erased and the Lab will not contact them again.',
    {
      id: 'lab.left.body',
    },
  );
export const leftSavedBody = (): string =>
  msg('Once it is sent, if these details match a panel member, their details will be erased.', {
    id: 'lab.left.saved-body',
  });
