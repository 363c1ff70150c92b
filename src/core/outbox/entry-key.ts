/**
 * Where an outbox entry lives in localStorage: `ep-widgets.outbox:<envelope id>`; and where the collector's
 * answer to one the outbox delivered is kept for its form (`ep-widgets.answer:<envelope id>`, see
 * kept-answer.ts). Their own module so that the glance at start (outbox-wake.ts) knows the keys without
 * loading the store or the outbox.
 */
export const ENTRY_PREFIX = 'ep-widgets.outbox:';
export const ANSWER_PREFIX = 'ep-widgets.answer:';
