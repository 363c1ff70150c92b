/** Registers `<ep-feedback>`. Import this file (or `all.js`) once; a second load is harmless. */
import { defineElement } from './core/element/define.js';
import { EpFeedback } from './feedback/ep-feedback.js';

defineElement('ep-feedback', EpFeedback);

export { EpFeedback };

declare global {
  interface HTMLElementTagNameMap {
    'ep-feedback': EpFeedback;
  }
}
