// An app that imports only the entry that registers everything (`ep-widgets/all.js`) gets each tag's class from
// `querySelector`, and the elements' event map. Checked alone (tsconfig.all.json): a file importing one element's
// entry would bring that element's tag in by itself.
import 'ep-widgets/all.js';

const feedback = document.querySelector('ep-feedback');
if (feedback) feedback.contact = 'required';
const poll = document.querySelector('ep-page-poll');
if (poll) poll.showTally = true;
const ideas: number | undefined = document.querySelector('ep-idea-box')?.pageSize;
const card: string | undefined = document.querySelector('ep-consultation-card')?.consultationId;
document.querySelector('ep-lab-invite')?.addEventListener('ep-queued', (event) => event.preventDefault());
document.createElement('ep-lab-invite').mode = 'leave';
console.log(ideas, card);
