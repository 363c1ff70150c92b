import { CardEndpoint, XSS, card, consultationJson, draftKeyFor, shown } from './helpers.js';
import { runFormSuite } from '../suites/form-suite.js';

runFormSuite({
  name: '<ep-consultation-card> view form',
  endpoint: new CardEndpoint(),
  prepare: (endpoint) => (endpoint as CardEndpoint).put(consultationJson()),
  async make(endpoint, attributes = '') {
    const element = await card(endpoint, attributes);
    await shown(element);
    return element;
  },
  valid: [
    { name: 'stance', kind: 'radio', value: 'oppose' },
    { name: 'comment', kind: 'text', value: 'The lights should be warmer near homes.' },
  ],
  draftKey: (endpoint) => draftKeyFor(endpoint),
  sent: { selector: '.your-view', heading: 'Thank you. Your view was sent.' },
  send: 'Send my view',
  notSent: 'Your view was not sent. What you wrote is kept.',
  showsReference: false,
  invalid: {
    fill: [],
    problems: [
      {
        en: 'Select whether you support the proposal, are neutral or oppose it',
        ar: 'اختر رأيك في المقترح: مؤيد أو محايد أو معارض',
        link: '#stance',
        describedBy: 'fieldset[part="stance"]',
        invalid: '#stance',
      },
    ],
    summaryLevel: '4',
    notInvalid: ['#comment'],
  },
  refusal: {
    fieldErrors: [
      { field: 'data.comment', code: 'required' },
      { field: 'consultationId', message: XSS },
    ],
    problems: ['Tell us why you oppose it', XSS],
    links: ['#comment'],
    described: [['#comment', 'Error: Tell us why you oppose it']],
    invalid: ['#comment'],
  },
});
