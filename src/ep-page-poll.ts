/** Registers `<ep-page-poll>`. Import this file (or `all.js`) once; a second load is harmless. */
import './core/element/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
import { defineElement } from './core/element/define.js';
import { EpPagePoll } from './page-poll/ep-page-poll.js';
import './core/element/dom-stand-in-end.js';

defineElement('ep-page-poll', EpPagePoll);

export { EpPagePoll };

declare global {
  interface HTMLElementTagNameMap {
    'ep-page-poll': EpPagePoll;
  }
}
