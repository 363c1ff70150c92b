/**
 * Registers every element, and exports the public API. This is also the entry of the one-file bundle
 * for a plain script tag. Each registration is written out here (not imported from the per-element
 * entries) so that the bundler keeps every side effect inside the files `sideEffects` names.
 */
import './core/element/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
import { defineElement } from './core/element/define.js';
import { EpPagePoll } from './page-poll/ep-page-poll.js';
import { EpFeedback } from './feedback/ep-feedback.js';
import { EpIdeaBox } from './idea-box/ep-idea-box.js';
import { EpConsultationCard } from './consultation-card/ep-consultation-card.js';
import { EpLabInvite } from './lab-invite/ep-lab-invite.js';
import './core/element/dom-stand-in-end.js';

defineElement('ep-page-poll', EpPagePoll);
defineElement('ep-feedback', EpFeedback);
defineElement('ep-idea-box', EpIdeaBox);
defineElement('ep-consultation-card', EpConsultationCard);
defineElement('ep-lab-invite', EpLabInvite);

export * from './api.js';

// The tags, as each element's own entry declares them: an import that only brings types would not reach the
// declaration file, so an app importing just this entry would get `Element` from `querySelector('ep-feedback')`.
declare global {
  interface HTMLElementTagNameMap {
    'ep-page-poll': EpPagePoll;
    'ep-feedback': EpFeedback;
    'ep-idea-box': EpIdeaBox;
    'ep-consultation-card': EpConsultationCard;
    'ep-lab-invite': EpLabInvite;
  }
}
