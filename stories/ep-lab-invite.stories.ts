/**
 * <ep-lab-invite>, one story per state a visitor can reach, each in English and in Arabic (right to left):
 * joining the Innovation Lab's panel (the form, its errors, sending, a failure, saved on the device and then
 * sent, sent with the withdrawal code) and leaving it (the form, its errors, the answer, too many attempts).
 *
 * As for the other forms, every story talks to the in-memory collector (tools/dev-endpoint.mjs) in a space of
 * its own, created by the loader for each render and scripted with `parameters.lab`; the collector answers a
 * sign-up with a withdrawal code, as the real one does. Play functions fill the forms as a visitor would and
 * check what the visitor sees in the story's language; then addon-a11y runs axe on that state. The fill-time
 * guard is off in these stories (`min-fill-time` 0): a play function types far faster than a person.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ep-lab-invite.js';
import type { EpLabInvite } from '../src/ep-lab-invite.js';
import type { Choice } from '../src/core/fields/choices.js';
import {
  FAILS_THEN_REFUSED,
  REFUSES_EMAIL,
  formArgTypes,
  arabic,
  catchConsoleErrors,
  control,
  elementIn,
  focusCheck,
  localeOf,
  openSpace as openCollectorSpace,
  postsOf,
  pressSend,
  sawMissingEndpointMessage,
  squash,
  summaryItems,
  textOf,
  themed,
  typeInto,
  type Locale,
  type Scripted,
} from './support/story-kit.js';

/** The element's attributes, by attribute name. */
interface LabArgs {
  endpoint?: string;
  mode: 'join' | 'leave';
  topics?: Choice[];
  'min-fill-time': number;
  'heading-level': number;
  'no-draft': boolean;
  'privacy-notice': string;
  timeout?: number;
}

interface LabParameters {
  /** `false`: no endpoint at all. Otherwise what the story's space answers, in order. */
  endpoint?: false | { submissions?: Scripted[] };
  /** `false`: the page turned the outbox off, so a failure is shown with a retry instead of being saved. */
  outbox?: false;
}

type Context = StoryContext<LabArgs>;
type Story = StoryObj<LabArgs>;

/** A fresh collector space for each render, and no draft left from another story. */
async function openSpace({ id, parameters }: Context): Promise<{ endpoint?: string }> {
  const lab = (parameters.lab ?? {}) as LabParameters;
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('ep-widgets:lab-invite:')) sessionStorage.removeItem(key);
  if (lab.endpoint === false) return {};
  return { endpoint: await openCollectorSpace(id, { submissions: lab.endpoint?.submissions }, lab.outbox) };
}

const TOPICS: Choice[] = [
  { code: 'building-permits', label: { en: 'Building permits', ar: 'رخص البناء' } },
  { code: 'housing', label: { en: 'Housing support', ar: 'الدعم السكني' } },
  { code: 'balady', label: { en: 'The Balady platform', ar: 'منصة بلدي' } },
];

const TEXT = {
  en: {
    title: 'Help us improve our services',
    sessions: [
      'Workshops to understand a challenge and its causes',
      'Testing service prototypes before launch',
      'Testing services before they are deployed',
    ],
    send: 'Join the panel',
    sending: 'Sending…',
    summary: [
      'Select at least one kind of session',
      'Select how you can take part',
      'Select the language you prefer for sessions',
      'Enter your full name',
      'Enter an email address or a mobile number',
      'Confirm that you agree to join the panel and to be contacted about its sessions',
    ],
    cityMissing: 'Enter the city where you could come in person',
    city: 'Riyadh',
    name: 'Sara Al-Harbi',
    emailInvalid: 'Enter an email address in the correct format, like name@example.com',
    failure:
      'Your request to join was not sent. What you entered is kept. We could not reach the service. Check your connection and try again.',
    sentTitle: 'You have joined the panel',
    savedTitle: 'Your request to join is saved on this device',
    codeLater:
      'You will get your withdrawal code here once your request is sent. Keep it: with it and the email address or mobile number you gave, you can leave the panel at any time.',
    sentLater: 'Sent. What you saved on this device has now reached us.',
    codeLabel: 'Your withdrawal code',
    toLeave: 'Already on the panel? Leave it',
    leaveTitle: 'Leave the panel',
    leaveSummary: ['Enter your withdrawal code', 'Enter an email address or a mobile number'],
    codeInvalid: 'Enter the withdrawal code as you were given it, like 7K3M-Q9XR-2D4F',
    leftTitle: 'Your request to leave the panel has been received',
    leftBody:
      'If these details match a panel member, their details have been erased and the Lab will not contact them again.',
    tooMany:
      'Your request to leave was not sent. What you entered is kept. There have been too many attempts. Please try again later.',
    unavailable: 'This feature is not available at the moment.',
  },
  ar: {
    title: 'ساعدنا في تحسين خدماتنا',
    sessions: [
      'ورش عمل لفهم التحديات وأسبابها',
      'اختبار النماذج الأولية للخدمات قبل إطلاقها',
      'اختبار الخدمات قبل تشغيلها',
    ],
    send: 'انضم إلى الفريق',
    sending: 'جارٍ الإرسال…',
    summary: [
      'اختر نوعًا واحدًا من الجلسات على الأقل',
      'اختر طريقة مشاركتك',
      'اختر اللغة التي تفضّلها في الجلسات',
      'أدخل اسمك الكامل',
      'أدخل بريدًا إلكترونيًا أو رقم جوال',
      'أكّد موافقتك على الانضمام إلى الفريق والتواصل معك بشأن جلساته',
    ],
    cityMissing: 'أدخل المدينة التي يمكنك الحضور فيها',
    city: 'الرياض',
    name: 'سارة الحربي',
    emailInvalid: 'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
    failure: 'لم يُرسَل طلب انضمامك، وما أدخلته محفوظ. تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وحاول مرة أخرى.',
    sentTitle: 'انضممت إلى الفريق',
    savedTitle: 'حُفظ طلب انضمامك على هذا الجهاز',
    codeLater:
      'سيظهر رمز الانسحاب هنا بعد إرسال طلبك. احتفظ به: يمكنك به، مع البريد الإلكتروني أو رقم الجوال الذي أدخلته، الانسحاب من الفريق في أي وقت.',
    sentLater: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
    codeLabel: 'رمز الانسحاب الخاص بك',
    toLeave: 'هل أنت عضو في الفريق؟ انسحب منه',
    leaveTitle: 'الانسحاب من الفريق',
    leaveSummary: ['أدخل رمز الانسحاب', 'أدخل بريدًا إلكترونيًا أو رقم جوال'],
    codeInvalid: 'أدخل رمز الانسحاب كما حصلت عليه، مثل 7K3M-Q9XR-2D4F',
    leftTitle: 'وصلنا طلب انسحابك من الفريق',
    leftBody: 'إن طابقت هذه البيانات عضوًا في الفريق، فقد حُذفت بياناته ولن يتواصل معه المختبر مجددًا.',
    tooMany: 'لم يُرسَل طلب انسحابك، وما أدخلته محفوظ. تجاوزت المحاولات الحدّ المسموح به. يُرجى المحاولة لاحقًا.',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
  },
} as const;

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const EMAIL = 'sara@example.com';

async function inviteIn(context: Context): Promise<{ el: EpLabInvite; root: ShadowRoot; text: (typeof TEXT)[Locale] }> {
  const locale = localeOf(context.globals);
  const { el, root } = await elementIn<EpLabInvite>(context.canvasElement, 'ep-lab-invite', locale);
  return { el, root, text: TEXT[locale] };
}

const box = (root: ShadowRoot, name: string, code: string) => control(root, `input[name="${name}"][value="${code}"]`);

/** What a visitor who joins for prototype testing, online, in Arabic, with an email address fills in. */
async function fillSignup(context: Context, root: ShadowRoot, text: (typeof TEXT)[Locale]): Promise<void> {
  await userEvent.click(box(root, 'sessions', 'prototype'));
  await userEvent.click(box(root, 'topics', 'building-permits'));
  await userEvent.click(box(root, 'attendance', 'online'));
  await userEvent.click(box(root, 'language', 'ar'));
  await typeInto(context, control(root, '#name'), text.name);
  await typeInto(context, control(root, '#email'), EMAIL);
  await userEvent.click(control(root, '#consent'));
}

async function fillLeave(context: Context, root: ShadowRoot, code = '7K3M-Q9XR-2D4F'): Promise<void> {
  await typeInto(context, control(root, '#code'), code);
  await typeInto(context, control(root, '#email'), EMAIL);
}

const meta = {
  title: 'Widgets/Lab invite',
  component: 'ep-lab-invite',
  loaders: [openSpace],
  render: (args, { loaded }) => html`<ep-lab-invite
    endpoint=${ifDefined(args.endpoint || (loaded.endpoint as string | undefined))}
    mode=${args.mode}
    topics=${ifDefined(args.topics ? JSON.stringify(args.topics) : undefined)}
    min-fill-time=${args['min-fill-time']}
    heading-level=${args['heading-level']}
    ?no-draft=${args['no-draft']}
    privacy-notice=${args['privacy-notice']}
    timeout=${ifDefined(args.timeout)}
  ></ep-lab-invite>`,
  args: {
    mode: 'join',
    topics: TOPICS,
    'min-fill-time': 0,
    'heading-level': 2,
    'no-draft': false,
    'privacy-notice': '2026-03',
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['join', 'leave'] },
    topics: { control: 'object' },
    ...formArgTypes,
  },
} satisfies Meta<LabArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------------------
// Joining
// ---------------------------------------------------------------------------------------------------------

/** What every visitor sees first: the kinds of session, topics, how and the language, age, contact, consent. */
export const Empty: Story = {
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await expect(textOf(root, '#title')).toBe(text.title);
    await expect(
      [...root.querySelectorAll('[part="sessions"] label')].map((label) => squash(label.textContent)),
    ).toEqual([...text.sessions]);
    await expect(textOf(root, '[part~="send-button"]')).toBe(text.send);
    await expect(textOf(root, '[part="leave-button"]')).toBe(text.toLeave);
    await expect(root.querySelector('#city')).toBeNull();
    await expect(root.querySelector('.error-summary')).toBeNull();
  },
};
export const EmptyArabic = arabic(Empty, 'Empty (Arabic)');

/** Join with nothing filled in: the summary takes focus and links to each field; each field shows its message. */
export const Errors: Story = {
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([...text.summary]));
    await expect(control(root, '#sessions').getAttribute('aria-invalid')).toBe('true');
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(0);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.error-summary')));
  },
};
export const ErrorsArabic = arabic(Errors, 'Errors (Arabic)');

/** In person: the city field appears, and is needed. */
export const InPerson: Story = {
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await userEvent.click(box(root, 'attendance', 'in-person'));
    await waitFor(() => expect(root.querySelector('#city')).not.toBeNull());
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([text.cityMissing]));
    await typeInto(context, control(root, '#city'), text.city);
  },
};
export const InPersonArabic = arabic(InPerson, 'In person (Arabic)');

/** The collector refuses a field (422): its message sits on the field, in the visitor's language. */
export const ErrorsFromEndpoint: Story = {
  parameters: {
    lab: { endpoint: REFUSES_EMAIL },
  },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(control(root, '#email').getAttribute('aria-invalid')).toBe('true'), { timeout: 3000 });
    await expect(summaryItems(root)).toEqual([text.emailInvalid]);
  },
};
export const ErrorsFromEndpointArabic = arabic(ErrorsFromEndpoint, 'Errors from the endpoint (Arabic)');

/** On its way (the collector has not answered): the button shows progress. */
export const Sending: Story = {
  parameters: { lab: { endpoint: { submissions: [{ hang: true }] } } },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    const send = control<HTMLButtonElement>(root, '[part~="send-button"]');
    await waitFor(() => expect(squash(send.textContent)).toBe(text.sending));
    await expect(send.getAttribute('aria-disabled')).toBe('true');
  },
};
export const SendingArabic = arabic(Sending, 'Sending (Arabic)');

/** The collector cannot be reached, on a page that turned the outbox off: a message where the focus goes, and a retry. */
export const Failure: Story = {
  parameters: { lab: { outbox: false, endpoint: { submissions: [{ drop: true, repeat: 10 }] } } },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.failure), { timeout: 5000 });
    await expect(control(root, '#name')).toHaveProperty('value', text.name);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="error"] p')));
  },
};
export const FailureArabic = arabic(Failure, 'Failure (Arabic)');

/** Joined: the reference, and the withdrawal code, prominent, with how to use it; focus on the confirmation. */
export const Sent: Story = {
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.sentTitle), { timeout: 3000 });
    await expect(textOf(root, '[part="withdrawal"]')).toContain(text.codeLabel);
    await expect(textOf(root, '[part="withdrawal-code"]')).toMatch(CODE);
    await expect(root.querySelector('[part="reference"]')).not.toBeNull();
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.confirmation')));
    const [post] = await postsOf(context.loaded.endpoint as string);
    await expect(post!.body.data.sessions).toEqual(['prototype']);
  },
};
export const SentArabic = arabic(Sent, 'Sent (Arabic)');

/**
 * The collector is down (503): the sign-up is saved on the device, and the code will come once it is sent;
 * the outbox sends it a moment later, and the code appears.
 */
export const SavedThenSent: Story = {
  parameters: { lab: { endpoint: { submissions: [{ status: 503, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.savedTitle), {
      timeout: 3000,
    });
    await expect(textOf(root, '[part="withdrawal"]')).toBe(text.codeLater);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentLater), { timeout: 6000 });
    await waitFor(() => expect(textOf(root, '[part="withdrawal-code"]')).toMatch(CODE));
    await expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.sentTitle);
  },
};
export const SavedThenSentArabic = arabic(SavedThenSent, 'Saved, then sent (Arabic)');

/** Saved after a 500, refused when the outbox sends it (422): "Back to what you wrote" gives the form back. */
export const SavedThenRefused: Story = {
  parameters: { lab: { endpoint: FAILS_THEN_REFUSED } },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillSignup(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(root.querySelector('[part="back-button"]')).not.toBeNull(), { timeout: 6000 });
    await expect(root.querySelector('[part="withdrawal-code"]')).toBeNull();
  },
};
export const SavedThenRefusedArabic = arabic(SavedThenRefused, 'Saved, then refused (Arabic)');

/** No endpoint configured anywhere: the element says it is not available instead of failing later. */
export const NoEndpoint: Story = {
  parameters: { lab: { endpoint: false } },
  beforeEach: catchConsoleErrors,
  tags: ['!autodocs'],
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await waitFor(() => expect(textOf(root, '[part="unavailable"]')).toBe(text.unavailable));
    await expect(root.querySelector('form')).toBeNull();
    await sawMissingEndpointMessage('ep-lab-invite');
  },
};
export const NoEndpointArabic = arabic(NoEndpoint, 'No endpoint (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Leaving
// ---------------------------------------------------------------------------------------------------------

/** `mode="leave"`: the withdrawal code and the email address or mobile number given at sign-up. */
export const Leave: Story = {
  args: { mode: 'leave' },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await expect(textOf(root, '#title')).toBe(text.leaveTitle);
    await expect(root.querySelector('#code')).not.toBeNull();
    await expect(root.querySelector('[part="join-button"]')).toBeNull();
  },
};
export const LeaveArabic = arabic(Leave, 'Leave (Arabic)');

/** From the sign-up's "Already on the panel? Leave it": the form to leave, its title focused. */
export const LeaveFromJoin: Story = {
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await userEvent.click(control(root, '[part="leave-button"]'));
    await waitFor(() => expect(textOf(root, '#title')).toBe(text.leaveTitle));
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('#title')));
    await expect(root.querySelector('[part="join-button"]')).not.toBeNull();
  },
};
export const LeaveFromJoinArabic = arabic(LeaveFromJoin, 'Leave, from the sign-up (Arabic)');

/** Leave with nothing filled in, then with a code cut short. */
export const LeaveErrors: Story = {
  args: { mode: 'leave' },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([...text.leaveSummary]));
    await fillLeave(context, root, '7K3M-Q9XR');
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)[0]).toBe(text.codeInvalid));
  },
};
export const LeaveErrorsArabic = arabic(LeaveErrors, 'Leave errors (Arabic)');

/** Sent: the same answer whether or not the details matched a panel member. */
export const Left: Story = {
  args: { mode: 'leave' },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillLeave(context, root);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.leftTitle), { timeout: 3000 });
    await expect(textOf(root, '.confirmation p')).toBe(text.leftBody);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.confirmation')));
  },
};
export const LeftArabic = arabic(Left, 'Left (Arabic)');

/** Too many attempts (429): try later; nothing is kept on the device to be sent again. */
export const LeaveTooMany: Story = {
  args: { mode: 'leave' },
  parameters: { lab: { endpoint: { submissions: [{ status: 429, headers: { 'retry-after': '3600' }, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await inviteIn(context);
    await fillLeave(context, root);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.tooMany), { timeout: 3000 });
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="error"] p')));
  },
};
export const LeaveTooManyArabic = arabic(LeaveTooMany, 'Leave, too many attempts (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Themes: the same states under the dark and high-contrast toolbar themes, so axe checks their contrast
// ---------------------------------------------------------------------------------------------------------

export const ErrorsDark = themed(Errors, 'dark', 'Errors (dark)');
export const SentHighContrast = themed(Sent, 'high-contrast', 'Sent (high contrast, Arabic)', 'ar');
