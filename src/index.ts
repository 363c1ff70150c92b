/**
 * The package root: classes and the public API, with no side effects. Importing it registers nothing;
 * import `ep-widgets/ep-page-poll.js`, `ep-widgets/ep-feedback.js`, `ep-widgets/ep-idea-box.js`,
 * `ep-widgets/ep-consultation-card.js` (or `ep-widgets/all.js`) to register elements.
 */
import './core/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
export { EpPagePoll } from './page-poll/ep-page-poll.js';
export type { PollReason, Answer } from './page-poll/reasons.js';
export { EpFeedback } from './feedback/ep-feedback.js';
export type { ContactMode } from './feedback/model.js';
export { EpIdeaBox } from './idea-box/ep-idea-box.js';
export { EpConsultationCard } from './consultation-card/ep-consultation-card.js';
export type { ConsultationJson, Level, Stance, Status, LocalText } from './consultation-card/model.js';
export type { Choice } from './core/choices.js';
export { normalizeEmail, normalizeSaudiMobile } from './core/contact.js';
export { EpElement } from './core/ep-element.js';
export { configure, getConfig, resetConfig, type EpConfig } from './core/config.js';
export { EpSubmitEvent, EpSuccessEvent, EpErrorEvent, EpQueuedEvent, EpOutboxDropEvent, EpOutboxChangeEvent } from './core/events.js';
export type { SubmitDetail, SuccessDetail, ErrorDetail, QueuedDetail, DropDetail, DropReason, OutboxSize } from './core/events.js';
export { outboxSize, flushOutbox } from './core/outbox-api.js';
export { OUTBOX_DEFAULTS, type OutboxOptions } from './core/outbox-options.js';
export type { Envelope, PageInfo } from './core/envelope.js';
export type { Outcome, FieldError, FailureReason } from './core/transport.js';
export { paths } from './core/paths.js';
export { findPersonalData, type PersonalDataKind } from './core/personal-data.js';
export { localeReady, renderedLocale } from './core/language-sync.js';
export type { Locale } from './core/locale.js';
import './core/dom-stand-in-end.js';
