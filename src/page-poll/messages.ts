/**
 * The poll's strings from the vote on (loaded with after-vote.ts). The question's own are in
 * question-messages.ts; shared wording (errors, counts, personal data) is in core/language/messages.ts.
 */
import { msg, str } from '@lit/localize';

export const why = (): string => msg('Please tell us why (select up to two options)', { id: 'poll.why' });
export const limitReached = (): string =>
  msg('You can select up to two options. Clear one to choose another.', { id: 'poll.limit-reached' });
export const commentLabel = (): string => msg('Comment (optional)', { id: 'poll.comment-label' });
export const notice = (): string =>
  msg(
    'Please do not include personal or financial information. Your comment will be sent and recorded for the purpose of improving the services.',
    { id: 'poll.notice' },
  );
export const send = (): string => msg('Send', { id: 'poll.send' });
export const skip = (): string => msg('Skip', { id: 'poll.skip' });
export const voteRecorded = (): string =>
  msg('Thank you. Your answer was recorded. You can tell us why, or skip.', { id: 'poll.vote-recorded' });
export const thanks = (): string => msg('Thank you for your feedback.', { id: 'poll.thanks' });
export const voteNotSent = (): string => msg('Your answer was not sent.', { id: 'poll.vote-not-sent' });
export const detailsNotSent = (): string =>
  msg('Your comment was not sent. What you wrote is kept.', { id: 'poll.details-not-sent' });
export const fieldInvalid = (): string =>
  msg('This answer is not valid. Please check it.', { id: 'poll.field-invalid' });
export const whatWeChanged = (): string => msg('What we changed', { id: 'poll.changes-heading' });
export const changedOn = (gregorian: string, hijri: string): string =>
  msg(str`${gregorian} (${hijri})`, { id: 'poll.changes-date' });
export const changesMore = (): string => msg('More about this change', { id: 'poll.changes-link' });
