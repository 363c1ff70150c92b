/**
 * Where an outbox entry lives in localStorage: `ep-widgets.outbox:<envelope id>`. Its own module so that the
 * glance at start (outbox-wake.ts) knows the key without loading the store or the outbox.
 */
export const ENTRY_PREFIX = 'ep-widgets.outbox:';
