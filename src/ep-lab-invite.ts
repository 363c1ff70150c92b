/** Registers `<ep-lab-invite>`. Import this file (or `all.js`) once; a second load is harmless. */
import './core/element/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
import { defineElement } from './core/element/define.js';
import { EpLabInvite } from './lab-invite/ep-lab-invite.js';
import './core/element/dom-stand-in-end.js';

defineElement('ep-lab-invite', EpLabInvite);

export { EpLabInvite };
// Types only (nothing more loads): they bring the elements' event map (HTMLElementEventMap) into an app that
// imports just this entry, so `addEventListener('ep-success', …)` gets an EpSuccessEvent.
export type { EpSubmitEvent, EpSuccessEvent, EpErrorEvent, EpQueuedEvent, EpOutboxDropEvent } from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'ep-lab-invite': EpLabInvite;
  }
}
