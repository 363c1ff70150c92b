/** Registers every element. This is also the entry of the one-file bundle for a plain script tag. */
import './ep-page-poll.js';

export * from './index.js';
