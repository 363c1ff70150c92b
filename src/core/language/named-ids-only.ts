/**
 * Takes the place of @lit/localize's message-id hashing in every build (vite.config.ts, vite.cdn.config.mjs): every
 * msg() of this library names its id, which scripts/split-locales.mjs enforces, since a string is found by
 * that id in the source; the hashing (about 1 KB minified) would never run, yet every first render paid for it.
 */
export function generateMsgId(): never {
  throw new Error('ep-widgets: every msg() names its id (see scripts/split-locales.mjs)');
}
