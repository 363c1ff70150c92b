/**
 * <ep-feedback>, one story per state a visitor can reach, each in English and in Arabic (right to left).
 *
 * As for the poll, every story talks to the in-memory collector (tools/dev-endpoint.mjs) in a space of its
 * own, created by the loader for each render and scripted with `parameters.feedback`. Play functions fill
 * the form as a visitor would (typing, clicking) and check what the visitor sees in the story's language;
 * then addon-a11y runs axe on that state. The fill-time guard is off in these stories (`min-fill-time` 0):
 * a play function types far faster than a person.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ep-feedback.js';
import type { EpFeedback } from '../src/ep-feedback.js';
import type { Choice } from '../src/core/fields/choices.js';
import {
  arabic,
  focusCheck,
  elementIn,
  localeOf,
  openSpace as openCollectorSpace,
  postsOf,
  squash,
  textOf,
  themed,
  type Locale,
  type Scripted,
  catchConsoleErrors,
  sawMissingEndpointMessage,
  control,
  pressSend,
  summaryItems,
  FAILS_THEN_REFUSED,
  formArgTypes,
  typeInto,
} from './support/story-kit.js';

// ---------------------------------------------------------------------------------------------------------
// Args, parameters, the collector
// ---------------------------------------------------------------------------------------------------------

/** The element's attributes, by attribute name. */
interface FeedbackArgs {
  endpoint?: string;
  service?: string;
  contact: 'optional' | 'required' | 'hidden';
  types?: Choice[];
  'min-message-length': number;
  'max-message-length': number;
  'min-fill-time': number;
  'heading-level': number;
  'no-draft': boolean;
  'privacy-notice': string;
  'page-url'?: string;
  'include-query': boolean;
  timeout?: number;
}

/** One scripted answer of the collector (see tools/dev-endpoint.mjs). */
interface FeedbackParameters {
  /** `false`: no endpoint at all. Otherwise what the story's space answers, in order. */
  endpoint?: false | { submissions?: Scripted[] };
  /** `false`: the page turned the outbox off, so a failure is shown with a retry instead of being saved. */
  outbox?: false;
}

type Context = StoryContext<FeedbackArgs>;
type Story = StoryObj<FeedbackArgs>;

/** A fresh collector space for each render, and no draft left from another story. */
async function openSpace({ id, parameters }: Context): Promise<{ endpoint?: string }> {
  const feedback = (parameters.feedback ?? {}) as FeedbackParameters;
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('ep-widgets:feedback:')) sessionStorage.removeItem(key);
  if (feedback.endpoint === false) return {};
  return { endpoint: await openCollectorSpace(id, { submissions: feedback.endpoint?.submissions }, feedback.outbox) };
}

// ---------------------------------------------------------------------------------------------------------
// What a visitor sees, per language
// ---------------------------------------------------------------------------------------------------------

const TEXT = {
  en: {
    title: 'Comments and suggestions',
    types: ['Inquiry', 'Suggestion', 'Complaint', 'Compliment'],
    send: 'Send message',
    sending: 'Sending…',
    message: 'The opening hours on this page differ from those at the service centre.',
    name: 'Sara Al-Harbi',
    email: 'sara@example.com',
    mobile: '050 123 4567',
    summaryTitle: 'There is a problem',
    summary: ['Select what your message is about', 'Enter your message'],
    consentMissing: 'Confirm that we may contact you using the details you gave',
    emailInvalid: 'Enter an email address in the correct format, like name@example.com',
    endpointMessage: 'Messages about permits go to the permits portal.',
    failure:
      'Your message was not sent. What you wrote is kept. We could not reach the service. Check your connection and try again.',
    tryAgain: 'Try again',
    sentTitle: 'Your message has been sent',
    savedTitle: 'Your message is saved on this device',
    unsentTitle: 'Your message was not sent',
    back: 'Back to your message',
    saved: 'Saved on this device. It will be sent automatically as soon as it can be.',
    sentLater: 'Sent. What you saved on this device has now reached us.',
    reference: 'Your reference number FB-2026-000123',
    nextWithContact: 'We will read your message and reply using the contact details you gave.',
    nextWithoutContact: 'We will read your message. You did not give contact details, so we cannot reply to you.',
    sendAnother: 'Send another message',
    personal: 'My ID number is 1058529940, please check my file.',
    personalWarning:
      'Your text seems to contain a national ID or iqama number. Please remove it unless it is needed. You can still send it.',
    contactRequired: 'Your contact details',
    contactMissing: 'Enter an email address or a mobile number',
    customType: 'Road damage',
    unavailable: 'This feature is not available at the moment.',
  },
  ar: {
    title: 'التعليقات والاقتراحات',
    types: ['استفسار', 'اقتراح', 'شكوى', 'إشادة'],
    send: 'إرسال الرسالة',
    sending: 'جارٍ الإرسال…',
    message: 'تختلف مواعيد العمل في هذه الصفحة عن مواعيد مركز الخدمة.',
    name: 'سارة الحربي',
    email: 'sara@example.com',
    mobile: '٠٥٠ ١٢٣ ٤٥٦٧',
    summaryTitle: 'توجد مشكلة',
    summary: ['اختر نوع رسالتك', 'اكتب رسالتك'],
    consentMissing: 'أكّد موافقتك على التواصل معك عبر البيانات التي أدخلتها',
    emailInvalid: 'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
    endpointMessage: 'تُرسل الرسائل المتعلقة بالتراخيص عبر بوابة التراخيص.',
    failure: 'لم تُرسَل رسالتك. ما كتبته محفوظ. تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وحاول مرة أخرى.',
    tryAgain: 'حاول مرة أخرى',
    sentTitle: 'أُرسلت رسالتك',
    savedTitle: 'حُفظت رسالتك على هذا الجهاز',
    unsentTitle: 'لم تُرسَل رسالتك',
    back: 'العودة إلى رسالتك',
    saved: 'حُفظ على هذا الجهاز، وسيُرسَل تلقائيًا حالما يتسنّى ذلك.',
    sentLater: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
    reference: 'رقمك المرجعي FB-2026-000123',
    nextWithContact: 'سنطّلع على رسالتك ونرد عليك عبر بيانات التواصل التي أدخلتها.',
    nextWithoutContact: 'سنطّلع على رسالتك. لم تُدخل بيانات للتواصل، لذا لن نتمكّن من الرد عليك.',
    sendAnother: 'إرسال رسالة أخرى',
    personal: 'رقم هويتي ١٠٥٨٥٢٩٩٤٠، أرجو مراجعة ملفي.',
    personalWarning:
      'يبدو أن نصك يتضمن رقم هوية وطنية أو إقامة. يُرجى حذف هذه البيانات ما لم تكن ضرورية. يمكنك الإرسال رغم ذلك.',
    contactRequired: 'بيانات التواصل',
    contactMissing: 'أدخل بريدًا إلكترونيًا أو رقم جوال',
    customType: 'تلف في الطريق',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
  },
} as const;

const REFERENCE = 'FB-2026-000123';
const XSS = '<img src=x onerror=alert(1)>';

// ---------------------------------------------------------------------------------------------------------
// Reaching into the element
// ---------------------------------------------------------------------------------------------------------

/** The story's element once it rendered in the story's language and direction. */
async function formIn(context: Context): Promise<{ el: EpFeedback; root: ShadowRoot; text: (typeof TEXT)[Locale] }> {
  const locale = localeOf(context.globals);
  const { el, root } = await elementIn<EpFeedback>(context.canvasElement, 'ep-feedback', locale);
  return { el, root, text: TEXT[locale] };
}

/** The story's form, sent with a message and the contact details filled in. */
async function sentWithContact(context: Context): Promise<{ root: ShadowRoot; text: (typeof TEXT)[Locale] }> {
  const { root, text } = await formIn(context);
  await fillMessage(context, root, text);
  await fillContact(context, root, text);
  await pressSend(root);
  return { root, text };
}

async function chooseType(root: ShadowRoot, index: number): Promise<void> {
  await userEvent.click(root.querySelectorAll<HTMLInputElement>('input[name="type"]')[index]!);
}

/** Chooses a type and types the message. */
async function fillMessage(
  context: { viewMode: string },
  root: ShadowRoot,
  text: (typeof TEXT)[Locale],
  message: string = text.message,
): Promise<void> {
  await chooseType(root, 1);
  await typeInto(context, control(root, '#message'), message);
}

async function fillContact(
  context: { viewMode: string },
  root: ShadowRoot,
  text: (typeof TEXT)[Locale],
): Promise<void> {
  await typeInto(context, control(root, '#name'), text.name);
  await typeInto(context, control(root, '#email'), text.email);
  await userEvent.click(control(root, '#consent'));
}

// ---------------------------------------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/Feedback',
  component: 'ep-feedback',
  loaders: [openSpace],
  render: (args, { loaded }) => html`<ep-feedback
    endpoint=${ifDefined(args.endpoint || (loaded.endpoint as string | undefined))}
    service=${ifDefined(args.service || undefined)}
    contact=${args.contact}
    types=${ifDefined(args.types ? JSON.stringify(args.types) : undefined)}
    min-message-length=${args['min-message-length']}
    max-message-length=${args['max-message-length']}
    min-fill-time=${args['min-fill-time']}
    heading-level=${args['heading-level']}
    ?no-draft=${args['no-draft']}
    privacy-notice=${args['privacy-notice']}
    page-url=${ifDefined(args['page-url'] || undefined)}
    ?include-query=${args['include-query']}
    timeout=${ifDefined(args.timeout)}
  ></ep-feedback>`,
  args: {
    service: 'building-permits',
    contact: 'optional',
    'min-message-length': 10,
    'max-message-length': 2000,
    'min-fill-time': 0,
    'heading-level': 2,
    'no-draft': false,
    'privacy-notice': '1',
    'include-query': false,
  },
  argTypes: {
    ...formArgTypes,
    service: { control: 'text' },
    contact: { control: 'inline-radio', options: ['optional', 'required', 'hidden'] },
    types: { control: 'object' },
    'min-message-length': { control: { type: 'number', min: 0 } },
    'max-message-length': { control: { type: 'number', min: 1 } },
    'page-url': { control: 'text' },
    'include-query': { control: 'boolean' },
  },
} satisfies Meta<FeedbackArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------------------

/** What every visitor sees first: the type, the message, optional contact details, and Send. */
export const Empty: Story = {
  play: async (context) => {
    const { root, text } = await formIn(context);
    await expect(textOf(root, '#title')).toBe(text.title);
    await expect([...root.querySelectorAll('[part="type"] label')].map((label) => squash(label.textContent))).toEqual([
      ...text.types,
    ]);
    await expect(textOf(root, '[part~="send-button"]')).toBe(text.send);
    await expect(root.querySelector('.error-summary')).toBeNull();
    await expect(control(root, 'input[name="website"]').closest('[aria-hidden="true"]')).toBeTruthy();
  },
};
export const EmptyArabic = arabic(Empty, 'Empty (Arabic)');

/** Send with nothing filled in: the summary takes focus and links to each field; each field shows its message. */
export const Errors: Story = {
  play: async (context) => {
    const { root, text } = await formIn(context);
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([...text.summary]));
    await expect(textOf(root, '.error-summary-title')).toBe(text.summaryTitle);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.error-summary')));
    await expect(control(root, '#message').getAttribute('aria-invalid')).toBe('true');
    await expect(control(root, '#message').getAttribute('aria-describedby')!.split(' ')).toContain('message-error');
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(0);
  },
};
export const ErrorsArabic = arabic(Errors, 'Errors (Arabic)');

/** Contact details given without consent, and an email address that is not one. */
export const ContactErrors: Story = {
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await typeInto(context, control(root, '#email'), 'sara@example');
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([text.emailInvalid, text.consentMissing]));
    await expect(control(root, '#consent').getAttribute('aria-invalid')).toBe('true');
  },
};
export const ContactErrorsArabic = arabic(ContactErrors, 'Contact errors (Arabic)');

/**
 * The collector refuses a field (422): its message sits on the field (known code, localized) and in the summary;
 * a field the form does not have is listed in the collector's own words (as text), on an English page only: they
 * are English.
 */
export const ErrorsFromEndpoint: Story = {
  parameters: {
    feedback: {
      endpoint: {
        submissions: [
          {
            status: 422,
            body: {
              fieldErrors: [
                { field: 'contact.email', code: 'invalid' },
                { field: 'attachment', message: XSS },
              ],
            },
          },
        ],
      },
    },
  },
  play: async (context) => {
    const { root, text } = await sentWithContact(context);
    const own = context.globals.locale === 'ar' ? [] : [XSS];
    await waitFor(() => expect(summaryItems(root)).toEqual([text.emailInvalid, ...own]), { timeout: 3000 });
    await expect(root.querySelector('img')).toBeNull();
    await expect(control(root, '#email').getAttribute('aria-invalid')).toBe('true');
    await expect(control<HTMLTextAreaElement>(root, '#message').value).toBe(text.message);
  },
};
export const ErrorsFromEndpointArabic = arabic(ErrorsFromEndpoint, 'Errors from the endpoint (Arabic)');

/** The message is on its way (the collector has not answered): the button shows progress and cannot be pressed twice. */
export const Sending: Story = {
  parameters: { feedback: { endpoint: { submissions: [{ hang: true }] } } },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await pressSend(root);
    const send = control<HTMLButtonElement>(root, '[part~="send-button"]');
    await waitFor(() => expect(squash(send.textContent)).toBe(text.sending));
    await expect(send.getAttribute('aria-disabled')).toBe('true');
    await expect(send.disabled).toBe(false);
    await userEvent.click(send);
    // The first press reached the collector; a moment later, still nothing more did.
    await waitFor(async () => expect((await postsOf(context.loaded.endpoint as string)).length).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(1);
  },
};
export const SendingArabic = arabic(Sending, 'Sending (Arabic)');

/**
 * The collector cannot be reached, on a page that turned the outbox off (`configure({ outbox: false })`,
 * or storage unavailable): a message where the focus goes, the form intact, and a retry.
 */
export const Failure: Story = {
  // Chromium retries a dropped connection once by itself; `repeat` keeps it failing.
  parameters: { feedback: { outbox: false, endpoint: { submissions: [{ drop: true, repeat: 10 }] } } },
  play: async (context) => {
    const { root, text } = await sentWithContact(context);
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.failure), { timeout: 5000 });
    await expect(textOf(root, '[part="retry-button"]')).toBe(text.tryAgain);
    await expect(control<HTMLTextAreaElement>(root, '#message').value).toBe(text.message);
    await expect(control(root, '#email')).toHaveProperty('value', text.email);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="error"] p')));
  },
};
export const FailureArabic = arabic(Failure, 'Failure (Arabic)');

/**
 * The collector is down (503): the message is saved on the device, the visitor is told so, and the
 * outbox sends it a moment later while they are still on the page: a quiet "Sent", and the title follows.
 */
export const SavedThenSent: Story = {
  parameters: { feedback: { endpoint: { submissions: [{ status: 503, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation-title')).toBe(text.savedTitle), { timeout: 3000 });
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved));
    await expect(root.querySelector('[part="reference"]')).toBeNull();
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentLater), { timeout: 6000 });
    await expect(textOf(root, '.confirmation-title')).toBe(text.sentTitle);
  },
};
export const SavedThenSentArabic = arabic(SavedThenSent, 'Saved, then sent (Arabic)');

/**
 * Saved on the device after a 500; when the outbox sends it, the collector refuses it (422): the
 * confirmation says it was not sent, and "Back to your message" gives the visitor what they wrote.
 */
export const SavedThenRefused: Story = {
  parameters: {
    feedback: { endpoint: FAILS_THEN_REFUSED },
  },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation-title')).toBe(text.unsentTitle), { timeout: 6000 });
    await expect(textOf(root, '[part="back-button"]')).toBe(text.back);
    await expect(root.querySelector('[part="another-button"]')).toBeNull();
  },
};
export const SavedThenRefusedArabic = arabic(SavedThenRefused, 'Saved, then refused (Arabic)');

/** Sent, with contact details: the reference the collector returned, what happens next, and "Send another". */
export const Sent: Story = {
  parameters: { feedback: { endpoint: { submissions: [{ status: 201, body: { reference: REFERENCE } }] } } },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await fillContact(context, root, text);
    await typeInto(context, control(root, '#mobile'), text.mobile);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation-title')).toBe(text.sentTitle), { timeout: 3000 });
    await expect(textOf(root, '[part="reference"]')).toBe(text.reference);
    await expect(textOf(root, '.confirmation')).toContain(text.nextWithContact);
    await expect(textOf(root, '[part="another-button"]')).toBe(text.sendAnother);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.confirmation')));
    const [post] = await postsOf(context.loaded.endpoint as string);
    await expect(post!.body.data.contact.mobile).toBe('+966501234567');
    await expect(post!.body.data.service).toBe('building-permits');
  },
};
export const SentArabic = arabic(Sent, 'Sent (Arabic)');

/** Sent without contact details, and the collector returned no reference: none is shown. */
export const SentWithoutReference: Story = {
  parameters: { feedback: { endpoint: { submissions: [{ status: 202, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation-title')).toBe(text.sentTitle), { timeout: 3000 });
    await expect(root.querySelector('[part="reference"]')).toBeNull();
    await expect(textOf(root, '.confirmation')).toContain(text.nextWithoutContact);
  },
};
export const SentWithoutReferenceArabic = arabic(SentWithoutReference, 'Sent without reference (Arabic)');

/** A message with a national ID number: a warning names the kind (never the value); it can still be sent. */
export const PersonalDataWarning: Story = {
  play: async (context) => {
    const { root, text } = await formIn(context);
    await fillMessage(context, root, text, text.personal);
    await waitFor(() => expect(textOf(root, '#message-warning')).toBe(text.personalWarning), { timeout: 3000 });
    await expect(control(root, '#message').getAttribute('aria-describedby')!.split(' ')).toContain('message-warning');
  },
};
export const PersonalDataWarningArabic = arabic(PersonalDataWarning, 'Personal data warning (Arabic)');

/** The author requires contact details (`contact="required"`): an email address or a mobile number must be given. */
export const ContactRequired: Story = {
  args: { contact: 'required' },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await expect(textOf(root, '[part="contact"] legend')).toBe(text.contactRequired);
    await fillMessage(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([text.contactMissing]));
  },
};
export const ContactRequiredArabic = arabic(ContactRequired, 'Contact required (Arabic)');

/** The author hides the contact details (`contact="hidden"`) and gives the page's own types of message. */
export const NoContactCustomTypes: Story = {
  args: {
    contact: 'hidden',
    types: [
      { code: 'road-damage', label: { en: TEXT.en.customType, ar: TEXT.ar.customType } },
      { code: 'markup', label: XSS },
    ],
  },
  play: async (context) => {
    const { root, text } = await formIn(context);
    await expect(root.querySelector('[part="contact"]')).toBeNull();
    await expect([...root.querySelectorAll('[part="type"] label')].map((label) => squash(label.textContent))).toEqual([
      text.customType,
      XSS,
    ]);
    await expect(root.querySelector('img')).toBeNull();
  },
};
export const NoContactCustomTypesArabic = arabic(NoContactCustomTypes, 'No contact, custom types (Arabic)');

/** No endpoint configured anywhere: the form says it is not available instead of failing later. */
export const NoEndpoint: Story = {
  parameters: { feedback: { endpoint: false } },
  beforeEach: catchConsoleErrors,
  // Not on the docs page: there, its console message would outlive the story and land on the next one.
  tags: ['!autodocs'],
  play: async (context) => {
    const { root, text } = await formIn(context);
    await waitFor(() => expect(textOf(root, '[part="unavailable"]')).toBe(text.unavailable));
    await expect(root.querySelector('form')).toBeNull();
    await sawMissingEndpointMessage('ep-feedback');
  },
};
export const NoEndpointArabic = arabic(NoEndpoint, 'No endpoint (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Themes: the same states under the dark and high-contrast toolbar themes, so axe checks their contrast
// ---------------------------------------------------------------------------------------------------------

export const ErrorsDark = themed(Errors, 'dark', 'Errors (dark)');
export const SentHighContrast = themed(Sent, 'high-contrast', 'Sent (high contrast, Arabic)', 'ar');
export const FailureDark = themed(Failure, 'dark', 'Failure (dark, Arabic)', 'ar');
