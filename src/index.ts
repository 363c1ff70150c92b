/**
 * The package root: classes and the public API, with no side effects. Importing it registers nothing;
 * import `ep-widgets/ep-page-poll.js`, `ep-widgets/ep-feedback.js`, `ep-widgets/ep-idea-box.js`,
 * `ep-widgets/ep-consultation-card.js`, `ep-widgets/ep-lab-invite.js` (or `ep-widgets/all.js`) to register elements.
 */
import './core/element/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
export * from './api.js';
import './core/element/dom-stand-in-end.js';
