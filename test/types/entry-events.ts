// An app that imports only one element's entry (no 'ep-widgets' root) still gets the elements' event map:
// the listener's event is the library's class, not a plain Event. Checked alone (tsconfig.entry.json), as
// any other file importing the root would bring the map in by itself.
import 'ep-widgets/ep-feedback.js';
import 'ep-widgets/ep-idea-box.js';
import 'ep-widgets/ep-consultation-card.js';
import 'ep-widgets/ep-page-poll.js';
import 'ep-widgets/ep-lab-invite.js';

const accepted: Record<string, unknown>[] = [];
document.querySelector('ep-page-poll')?.addEventListener('ep-success', (event) => accepted.push(event.detail.response));
document.querySelector('ep-feedback')?.addEventListener('ep-error', (event) => console.log(event.detail.outcome));
document.querySelector('ep-idea-box')?.addEventListener('ep-queued', (event) => event.preventDefault());
document
  .querySelector('ep-consultation-card')
  ?.addEventListener('ep-submit', (event) => console.log(event.detail.envelope.kind));
document
  .querySelector('ep-lab-invite')
  ?.addEventListener('ep-success', (event) => accepted.push(event.detail.response));
