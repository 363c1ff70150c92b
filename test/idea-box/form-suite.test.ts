import { DESCRIPTION, TITLE, draftKeyFor, ideaBox, openForm } from './helpers.js';
import { CONTACT_PROBLEMS, runFormSuite } from '../suites/form-suite.js';

const XSS = '<img src=x onerror="window.__epXss=1">';

runFormSuite({
  name: '<ep-idea-box> idea form',
  async make(endpoint, attributes = '') {
    const element = await ideaBox(endpoint, attributes);
    await openForm(element);
    return element;
  },
  valid: [
    { name: 'title', kind: 'text', value: TITLE },
    { name: 'description', kind: 'text', value: DESCRIPTION },
    { name: 'topic', kind: 'radio', value: 'environment' },
    { name: 'email', kind: 'text', value: 'sara@example.com' },
    { name: 'consent', kind: 'checkbox', value: true },
  ],
  draftKey: () => draftKeyFor(),
  sent: { selector: '.confirmation', heading: 'Your idea was received and will be published after review' },
  saved: 'Your idea is saved on this device',
  send: 'Send idea',
  notSent: 'Your idea was not sent. What you wrote is kept.',
  showsReference: true,
  invalid: {
    fill: [{ name: 'email', kind: 'text', value: 'noura@example' }],
    problems: [
      {
        en: 'Enter a title for your idea',
        ar: 'أدخل عنوانًا لفكرتك',
        link: '#title',
        describedBy: '#title',
        invalid: '#title',
      },
      {
        en: 'Enter a description of your idea',
        ar: 'اكتب شرحًا لفكرتك',
        link: '#description',
        describedBy: '#description',
        invalid: '#description',
      },
      {
        en: 'Select what your idea is about',
        ar: 'اختر موضوع فكرتك',
        link: '#topic',
        describedBy: 'fieldset[part="topic"]',
        invalid: '#topic',
      },
      CONTACT_PROBLEMS.emailInvalid,
      CONTACT_PROBLEMS.consentMissing,
    ],
    summaryLevel: '4',
    notInvalid: ['#name'],
  },
  contact: {
    required: [
      { name: 'title', kind: 'text', value: TITLE },
      { name: 'description', kind: 'text', value: DESCRIPTION },
      { name: 'topic', kind: 'radio', value: 'other' },
    ],
  },
  refusal: {
    fieldErrors: [
      { field: 'title', code: 'too-long' },
      { field: 'description', code: 'profanity', message: XSS },
      { field: 'contact.email', code: 'invalid' },
      { field: 'attachment', message: 'Attachments are not accepted.' },
    ],
    problems: [
      'Enter 120 characters or fewer',
      XSS,
      'Enter an email address in the correct format, like name@example.com',
      'Attachments are not accepted.',
    ],
    links: ['#title', '#description', '#email'],
    described: [['#description', `Error: ${XSS}`]],
    invalid: ['#title', '#email'],
  },
});
