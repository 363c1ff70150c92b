/**
 * The public API (classes, configuration, events, types), which the package root (index.ts) and all.ts
 * re-export. Kept apart from index.ts so that index.ts is a module of its own in the build: the bundler
 * dropped its DOM stand-in import when all.ts imported it too.
 */
export { EpPagePoll } from './page-poll/ep-page-poll.js';
export type { PollReason, Answer } from './page-poll/reasons.js';
export { EpFeedback } from './feedback/ep-feedback.js';
export type { ContactMode } from './feedback/model.js';
export { EpIdeaBox } from './idea-box/ep-idea-box.js';
export { EpConsultationCard } from './consultation-card/ep-consultation-card.js';
export type { ConsultationJson, Level, Stance, Status, LocalText } from './consultation-card/model.js';
export { EpLabInvite } from './lab-invite/ep-lab-invite.js';
export type { Choice } from './core/fields/choices.js';
export { normalizeEmail, normalizeSaudiMobile } from './core/fields/contact.js';
export { EpElement } from './core/element/ep-element.js';
export { configure, getConfig, resetConfig, type EpConfig } from './core/element/config.js';
export {
  EpSubmitEvent,
  EpSuccessEvent,
  EpErrorEvent,
  EpQueuedEvent,
  EpOutboxDropEvent,
  EpOutboxChangeEvent,
} from './core/element/events.js';
export type {
  SubmitDetail,
  SuccessDetail,
  ErrorDetail,
  QueuedDetail,
  DropDetail,
  DropReason,
  OutboxSize,
} from './core/element/events.js';
export { outboxSize, flushOutbox } from './core/outbox/outbox-api.js';
export { OUTBOX_DEFAULTS, type OutboxOptions } from './core/outbox/outbox-options.js';
export type { Envelope, PageInfo } from './core/delivery/envelope.js';
export type { Outcome, FieldError, FailureReason } from './core/delivery/transport.js';
export { paths } from './core/delivery/paths.js';
export { findPersonalData, type PersonalDataKind } from './core/fields/personal-data.js';
export { localeReady, renderedLocale } from './core/language/language-sync.js';
export type { Locale } from './core/language/locale.js';
