/** Registers `<ep-page-poll>`. Import this file (or `all.js`) once; a second load is harmless. */
import { defineElement } from './core/element/define.js';
import { EpPagePoll } from './page-poll/ep-page-poll.js';

defineElement('ep-page-poll', EpPagePoll);

export { EpPagePoll };

declare global {
  interface HTMLElementTagNameMap {
    'ep-page-poll': EpPagePoll;
  }
}
