import { draftKeyFor, feedback, MESSAGE } from './helpers.js';
import { CONTACT_PROBLEMS, runFormSuite } from '../suites/form-suite.js';

const XSS = '<img src=x onerror="window.__epXss=1">';

runFormSuite({
  name: '<ep-feedback>',
  make: (endpoint, attributes = '') => feedback(endpoint, attributes),
  valid: [
    { name: 'type', kind: 'radio', value: 'complaint' },
    { name: 'message', kind: 'text', value: MESSAGE },
    { name: 'email', kind: 'text', value: 'sara@example.com' },
    { name: 'channel', kind: 'radio', value: 'email' },
    { name: 'consent', kind: 'checkbox', value: true },
  ],
  draftKey: () => draftKeyFor(),
  sent: { selector: '.confirmation', heading: 'Your message has been sent' },
  saved: 'Your message is saved on this device',
  send: 'Send message',
  notSent: 'Your message was not sent. What you wrote is kept.',
  showsReference: true,
  invalid: {
    fill: [
      { name: 'email', kind: 'text', value: 'sara@example' },
      { name: 'mobile', kind: 'text', value: '0412345678' },
    ],
    problems: [
      {
        en: 'Select what your message is about',
        ar: 'اختر نوع رسالتك',
        link: '#type',
        describedBy: 'fieldset[part="type"]',
        invalid: '#type',
      },
      { en: 'Enter your message', ar: 'اكتب رسالتك', link: '#message', describedBy: '#message', invalid: '#message' },
      CONTACT_PROBLEMS.emailInvalid,
      {
        en: 'Enter a Saudi mobile number in the correct format, like 05XXXXXXXX',
        ar: 'أدخل رقم جوال سعودي بصيغة صحيحة، مثل 05XXXXXXXX',
        link: '#mobile',
        describedBy: '#mobile',
        invalid: '#mobile',
      },
      CONTACT_PROBLEMS.consentMissing,
    ],
    summaryLevel: '3',
    notInvalid: ['#name'],
  },
  contact: {
    required: [
      { name: 'type', kind: 'radio', value: 'suggestion' },
      { name: 'message', kind: 'text', value: MESSAGE },
    ],
  },
  refusal: {
    fieldErrors: [
      { field: 'contact.email', code: 'invalid' },
      { field: 'message', code: 'profanity', message: XSS },
      { field: 'attachment', message: 'Attachments are not accepted.' },
    ],
    problems: [
      XSS,
      'Enter an email address in the correct format, like name@example.com',
      'Attachments are not accepted.',
    ],
    links: ['#message', '#email'],
    described: [['#message', `Error: ${XSS}`]],
    invalid: ['#email'],
  },
});
