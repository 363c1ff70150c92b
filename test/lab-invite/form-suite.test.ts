import { runFormSuite } from '../suites/form-suite.js';
import { draftKeyFor, labInvite } from './helpers.js';

const XSS = '<img src=x onerror="window.__epXss=1">';

runFormSuite({
  name: '<ep-lab-invite>',
  make: (endpoint, attributes = '') => labInvite(endpoint, attributes),
  valid: [
    { name: 'sessions', kind: 'checkboxes', value: 'understanding\nprototype' },
    { name: 'attendance', kind: 'checkboxes', value: 'online' },
    { name: 'language', kind: 'radio', value: 'ar' },
    { name: 'name', kind: 'text', value: 'Noura Al-Qahtani' },
    { name: 'email', kind: 'text', value: 'noura@example.sa' },
    { name: 'consent', kind: 'checkbox', value: true },
  ],
  draftKey: () => draftKeyFor(),
  sent: { selector: '.confirmation', heading: 'You have joined the panel' },
  saved: 'Your request to join is saved on this device',
  send: 'Join the panel',
  notSent: 'Your request to join was not sent. What you entered is kept.',
  showsReference: true,
  eitherOf: ['email', 'mobile'],
  invalid: {
    fill: [
      { name: 'email', kind: 'text', value: 'sara@example' },
      { name: 'mobile', kind: 'text', value: '0412345678' },
    ],
    problems: [
      {
        en: 'Select at least one kind of session',
        ar: 'اختر نوعًا واحدًا من الجلسات على الأقل',
        link: '#sessions',
        describedBy: 'fieldset[part="sessions"]',
        invalid: '#sessions',
      },
      {
        en: 'Select how you can take part',
        ar: 'اختر طريقة مشاركتك',
        link: '#attendance',
        describedBy: 'fieldset[part="attendance"]',
        invalid: '#attendance',
      },
      {
        en: 'Select the language you prefer for sessions',
        ar: 'اختر اللغة التي تفضّلها في الجلسات',
        link: '#language',
        describedBy: 'fieldset[part="language"]',
        invalid: '#language',
      },
      { en: 'Enter your full name', ar: 'أدخل اسمك الكامل', link: '#name', describedBy: '#name', invalid: '#name' },
      {
        en: 'Enter an email address in the correct format, like name@example.com',
        ar: 'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
        link: '#email',
        describedBy: '#email',
        invalid: '#email',
      },
      {
        en: 'Enter a Saudi mobile number in the correct format, like 05XXXXXXXX',
        ar: 'أدخل رقم جوال سعودي بصيغة صحيحة، مثل 05XXXXXXXX',
        link: '#mobile',
        describedBy: '#mobile',
        invalid: '#mobile',
      },
      {
        en: 'Confirm that you agree to join the panel and to be contacted about its sessions',
        ar: 'أكّد موافقتك على الانضمام إلى الفريق والتواصل معك بشأن جلساته',
        link: '#consent',
        describedBy: '#consent',
        invalid: '#consent',
      },
    ],
    summaryLevel: '3',
    notInvalid: ['#topics', '#ageBand'],
  },
  refusal: {
    fieldErrors: [
      { field: 'contact.email', code: 'invalid' },
      { field: 'contact.name', code: 'profanity', message: XSS },
      { field: 'attachment', message: 'Attachments are not accepted.' },
    ],
    problems: [
      XSS,
      'Enter an email address in the correct format, like name@example.com',
      'Attachments are not accepted.',
    ],
    links: ['#name', '#email'],
    described: [['#name', `Error: ${XSS}`]],
    invalid: ['#email'],
  },
});
