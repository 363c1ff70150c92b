/**
 * <ep-page-poll>, one story per state a visitor can reach, each in English and in Arabic (right to left).
 *
 * Every story talks to a real HTTP collector (tools/dev-endpoint.mjs, mounted by Storybook's and Vitest's
 * Vite server) in a space of its own, `/ep-dev/story-<id>-<random>`, created by the loader below for each
 * render. What the collector answers is scripted per story with `parameters.poll`. Play functions drive
 * the element to its state through its shadow root and check what a visitor would see there, in the
 * story's language; then addon-a11y runs axe on that state.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ep-page-poll.js';
import type { OutboxOptions } from '../src/core/outbox/outbox-options.js';
import {
  arabic,
  focusCheck,
  elementIn,
  localeOf,
  logOf,
  openSpace as openCollectorSpace,
  squash,
  textOf,
  themed,
  type Locale,
  type Scripted,
  catchConsoleErrors,
  sawMissingEndpointMessage,
  FAILS_THEN_REFUSED,
  typeInto,
} from './support/story-kit.js';
import type { EpPagePoll } from '../src/ep-page-poll.js';
import type { PollReason } from '../src/page-poll/reasons.js';

// ---------------------------------------------------------------------------------------------------------
// Args, parameters, the collector
// ---------------------------------------------------------------------------------------------------------

/** The element's attributes, by attribute name. */
interface PollArgs {
  endpoint?: string;
  'page-url'?: string;
  'show-tally': boolean;
  'show-changes': boolean;
  'tally-min': number;
  'no-remember': boolean;
  'yes-reasons'?: PollReason[];
  'no-reasons'?: PollReason[];
  'max-comment-length': number;
  'heading-level': number;
  'privacy-notice': string;
  'include-query': boolean;
  timeout?: number;
}

interface PollParameters {
  /** `false`: no endpoint at all. Otherwise what the story's space answers, in order. */
  endpoint?: false | { submissions?: Scripted[]; tally?: Scripted[]; changes?: Scripted[] };
  /** Seeds "already answered" for the story's page before it renders. */
  remembered?: 'yes' | 'no';
  /** `false`: the page turned the outbox off, so a failure is shown with a retry instead of being saved. */
  outbox?: false | OutboxOptions;
}

type Context = StoryContext<PollArgs>;
type Story = StoryObj<PollArgs>;

const PAGE = 'https://www.example.gov.sa/en/services/renew-passport';
/** The key src/page-poll/remembered.ts stores a vote under (the canonical page URL). */
const rememberedKey = (pageUrl: string): string => `ep-widgets:page-poll:v1:${new URL(pageUrl).href}`;

/**
 * A fresh collector space for each render, scripted from `parameters.poll`, and a clean slate in storage
 * (a vote in one visit to a story must not turn the next into "already answered").
 */
async function openSpace({ id, args, parameters }: Context): Promise<{ endpoint?: string }> {
  const poll = (parameters.poll ?? {}) as PollParameters;
  const pageUrl = args['page-url'] || PAGE;
  // Every remembered vote goes, whatever its page or key version, so that only AlreadyAnswered depends on the key.
  for (const key of Object.keys(localStorage))
    if (key.startsWith('ep-widgets:page-poll:')) localStorage.removeItem(key);
  if (poll.remembered) {
    localStorage.setItem(
      rememberedKey(pageUrl),
      JSON.stringify({ answer: poll.remembered, at: '2026-01-01T00:00:00.000Z' }),
    );
  }
  if (poll.endpoint === false) return {};
  return {
    endpoint: await openCollectorSpace(
      id,
      { submissions: poll.endpoint?.submissions, tally: poll.endpoint?.tally, changes: poll.endpoint?.changes },
      poll.outbox,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// What a visitor sees, per language
// ---------------------------------------------------------------------------------------------------------

const TEXT = {
  en: {
    question: 'Was this page useful?',
    yes: 'Yes',
    no: 'No',
    sending: 'Sending…',
    why: 'Please tell us why (select up to two options)',
    yesReasons: [
      'I found what I was looking for',
      'The content was clear and easy to understand',
      'The information was complete and up to date',
      'The page was easy to use',
    ],
    voteRecorded: 'Thank you. Your answer was recorded. You can tell us why, or skip.',
    limit: 'You can select up to two options. Clear one to choose another.',
    commentLabel: 'Comment (optional)',
    send: 'Send',
    skip: 'Skip',
    personalComment: 'Please call me on 0501234567 or write to sara@example.com',
    personalWarning:
      'Your text seems to contain an email address and a mobile number. Please remove it unless it is needed. You can still send it.',
    tooLongCount: 'You have 3 characters too many',
    tooLongError: 'Error: Enter 20 characters or fewer',
    comment: 'The fee table was hard to find.',
    detailsError:
      'Your comment was not sent. What you wrote is kept. The service had a problem. Please try again in a moment.',
    fieldError: 'Error: Enter 500 characters or fewer',
    voteError: 'Your answer was not sent. We could not reach the service. Check your connection and try again.',
    saved: 'Saved on this device. It will be sent automatically as soon as it can be.',
    sentLater: 'Sent. What you saved on this device has now reached us.',
    refusedLater: 'What you saved on this device was sent, but the service did not accept it.',
    droppedLater: 'What you saved on this device could not be kept, and was not sent.',
    tryAgain: 'Try again',
    thanks: 'Thank you for your feedback.',
    tally: '1,234 of 1,500 visitors found this page useful',
    already: 'You have already told us about this page. Thank you.',
    customReason: 'I renewed my passport in minutes',
    unavailable: 'This feature is not available at the moment.',
    changesHeading: 'What we changed',
    changesDate: ['March', '2026', 'Ramadan', '1447'],
  },
  ar: {
    question: 'هل كانت هذه الصفحة مفيدة؟',
    yes: 'نعم',
    no: 'لا',
    sending: 'جارٍ الإرسال…',
    why: 'يُرجى إخبارنا بالسبب (اختر خيارين على الأكثر)',
    yesReasons: ['وجدت ما كنت أبحث عنه', 'المحتوى واضح وسهل الفهم', 'المعلومات كاملة ومحدّثة', 'الصفحة سهلة الاستخدام'],
    voteRecorded: 'شكرًا لك، سُجِّلت إجابتك. يمكنك إخبارنا بالسبب أو تخطّي هذه الخطوة.',
    limit: 'يمكنك تحديد خيارين على الأكثر. ألغِ تحديد أحدهما لتختار غيره.',
    commentLabel: 'تعليق (اختياري)',
    send: 'إرسال',
    skip: 'تخطي',
    personalComment: 'يُرجى الاتصال بي على ٠٥٠١٢٣٤٥٦٧ أو مراسلتي على sara@example.com',
    personalWarning:
      'يبدو أن نصك يتضمن عنوان بريد إلكتروني ورقم جوال. يُرجى حذف هذه البيانات ما لم تكن ضرورية. يمكنك الإرسال رغم ذلك.',
    tooLongCount: 'لديك ٣ أحرف زائدة',
    tooLongError: 'خطأ: أدخل ٢٠ حرفًا أو أقل',
    comment: 'كان من الصعب العثور على جدول الرسوم.',
    detailsError: 'لم يُرسَل تعليقك. ما كتبته محفوظ. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
    fieldError: 'خطأ: أدخل ٥٠٠ حرف أو أقل',
    voteError: 'لم تُرسَل إجابتك. تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وحاول مرة أخرى.',
    saved: 'حُفظ على هذا الجهاز، وسيُرسَل تلقائيًا حالما يتسنّى ذلك.',
    sentLater: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
    refusedLater: 'أُرسِل ما حفظته على هذا الجهاز، لكن الخدمة لم تقبله.',
    droppedLater: 'تعذّر الاحتفاظ بما حفظته على هذا الجهاز، ولم يُرسَل.',
    tryAgain: 'حاول مرة أخرى',
    thanks: 'شكرًا لك على ملاحظاتك.',
    tally: 'وجد ١٬٢٣٤ من أصل ١٬٥٠٠ زائر هذه الصفحة مفيدة',
    already: 'لقد أخبرتنا برأيك في هذه الصفحة من قبل. شكرًا لك.',
    customReason: 'جدّدت جوازي في دقائق',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
    changesHeading: 'ما الذي غيّرناه',
    changesDate: ['مارس', '٢٠٢٦', 'رمضان', '١٤٤٧'],
  },
} as const;

const XSS_LABEL = '<img src=x onerror=alert(1)>';

// ---------------------------------------------------------------------------------------------------------
// Reaching into the element
// ---------------------------------------------------------------------------------------------------------

/**
 * The story's element once it rendered in the story's language and direction: `<html lang>` and `dir`
 * set by the preview, the element's own `lang`/`dir`, and its question or message in that language.
 */
async function pollIn(
  context: Context,
): Promise<{ el: EpPagePoll; root: ShadowRoot; text: (typeof TEXT)[Locale]; locale: Locale }> {
  const locale = localeOf(context.globals);
  const { el, root } = await elementIn<EpPagePoll>(context.canvasElement, 'ep-page-poll', locale);
  return { el, root, text: TEXT[locale], locale };
}

function buttonNamed(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((button) => squash(button.textContent) === name);
  if (!found)
    throw new Error(
      `no button named "${name}"; buttons: ${[...root.querySelectorAll('button')].map((b) => squash(b.textContent)).join(' | ')}`,
    );
  return found;
}

const boxes = (root: ShadowRoot): HTMLInputElement[] => [
  ...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
];
/** The polite live region for passing news (sending, recorded, limits); thanks and errors take focus instead. */
const announced = (root: ShadowRoot): string => textOf(root, '#announcer');

/** Answers and waits for the reasons step. */
async function vote(root: ShadowRoot, label: string): Promise<void> {
  await userEvent.click(buttonNamed(root, label));
  await waitFor(() => expect(root.querySelector('fieldset')).toBeTruthy(), { timeout: 3000 });
}

async function typeComment(
  context: { viewMode: string },
  root: ShadowRoot,
  text: string,
): Promise<HTMLTextAreaElement> {
  const area = root.querySelector<HTMLTextAreaElement>('textarea')!;
  await typeInto(context, area, text);
  await expect(area.value).toBe(text);
  return area;
}

// ---------------------------------------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/Page poll',
  component: 'ep-page-poll',
  loaders: [openSpace],
  // On a guidance page several polls share one document: each is filed under a page of its own there, or a vote
  // in one (remembered as soon as it is on its way) would thank the others before they are played.
  render: (args, { loaded, id, viewMode }) => html`<ep-page-poll
    endpoint=${ifDefined(args.endpoint || (loaded.endpoint as string | undefined))}
    page-url=${ifDefined(viewMode === 'docs' ? `${args['page-url'] || PAGE}/${id}` : args['page-url'] || undefined)}
    ?show-tally=${args['show-tally']}
    ?show-changes=${args['show-changes']}
    tally-min=${args['tally-min']}
    ?no-remember=${args['no-remember']}
    yes-reasons=${ifDefined(args['yes-reasons'] ? JSON.stringify(args['yes-reasons']) : undefined)}
    no-reasons=${ifDefined(args['no-reasons'] ? JSON.stringify(args['no-reasons']) : undefined)}
    max-comment-length=${args['max-comment-length']}
    heading-level=${args['heading-level']}
    privacy-notice=${args['privacy-notice']}
    ?include-query=${args['include-query']}
    timeout=${ifDefined(args.timeout)}
  ></ep-page-poll>`,
  args: {
    'page-url': PAGE,
    'show-tally': false,
    'show-changes': false,
    'tally-min': 10,
    'no-remember': false,
    'max-comment-length': 500,
    'heading-level': 2,
    'privacy-notice': '1',
    'include-query': false,
  },
  argTypes: {
    endpoint: {
      control: 'text',
      description: 'Base URL of the collector. Left empty here, each story uses its own space on the dev collector.',
    },
    'page-url': { control: 'text' },
    'show-tally': { control: 'boolean' },
    'show-changes': { control: 'boolean' },
    'tally-min': { control: { type: 'number', min: 0 } },
    'no-remember': { control: 'boolean' },
    'yes-reasons': { control: 'object' },
    'no-reasons': { control: 'object' },
    'max-comment-length': { control: { type: 'number', min: 1 } },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    'privacy-notice': { control: 'text' },
    'include-query': { control: 'boolean' },
    timeout: { control: { type: 'number', min: 0, step: 100 } },
  },
} satisfies Meta<PollArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------------------

/** What every visitor sees first: the question and two answers. */
export const Question: Story = {
  play: async (context) => {
    const { root, text } = await pollIn(context);
    const question = root.querySelector('#question')!;
    await expect(squash(question.textContent)).toBe(text.question);
    await expect(question.getAttribute('role')).toBe('heading');
    await expect(question.getAttribute('aria-level')).toBe('2');
    await expect(question.closest('[role="group"]')!.getAttribute('aria-labelledby')).toBe('question');
    const answers = [...root.querySelectorAll('[part="answer-button"]')].map((button) => squash(button.textContent));
    await expect(answers).toEqual([text.yes, text.no]);
  },
};
export const QuestionArabic = arabic(Question, 'Question (Arabic)');

/** The vote is on its way (the collector holds the request): both answers are busy, "Sending…" shows. */
export const Sending: Story = {
  parameters: { poll: { endpoint: { submissions: [{ hang: true }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await userEvent.click(buttonNamed(root, text.yes));
    await waitFor(() => expect(textOf(root, '.hint')).toBe(text.sending));
    const answers = [...root.querySelectorAll<HTMLButtonElement>('[part="answer-button"]')];
    await expect(answers.map((button) => button.getAttribute('aria-disabled'))).toEqual(['true', 'true']);
    await expect(answers[0]!.classList.contains('primary')).toBe(true);
    await waitFor(() => expect(announced(root)).toBe(text.sending));
    await expect(textOf(root, '#question')).toBe(text.question);
  },
};
export const SendingArabic = arabic(Sending, 'Sending (Arabic)');

/** After Yes: the vote is recorded, the reasons and the comment are offered, focus is on the reasons. */
export const Reasons: Story = {
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await expect(textOf(root, 'legend')).toBe(text.why);
    await expect([...root.querySelectorAll('fieldset label')].map((label) => squash(label.textContent))).toEqual([
      ...text.yesReasons,
    ]);
    await expect(boxes(root).every((box) => !box.checked)).toBe(true);
    await expect(textOf(root, 'label[for="comment"]')).toBe(text.commentLabel);
    await expect(squash(buttonNamed(root, text.send).textContent)).toBe(text.send);
    await expect(squash(buttonNamed(root, text.skip).textContent)).toBe(text.skip);
    await focusCheck(context, () => expect(root.activeElement?.localName).toBe('fieldset'));
    await waitFor(() => expect(announced(root)).toBe(text.voteRecorded));
  },
};
export const ReasonsArabic = arabic(Reasons, 'Reasons (Arabic)');

/** Two reasons chosen; a third is refused, and the rule is stated next to the choices. */
export const ReasonLimit: Story = {
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    const [first, second, third] = boxes(root);
    await userEvent.click(first!);
    await userEvent.click(second!);
    await userEvent.click(third!);
    await waitFor(() => expect(textOf(root, '#limit')).toBe(text.limit));
    await expect(boxes(root).map((box) => box.checked)).toEqual([true, true, false, false]);
    await expect(root.querySelector('fieldset')!.getAttribute('aria-describedby')).toBe('limit');
    await waitFor(() => expect(announced(root)).toBe(text.limit));
  },
};
export const ReasonLimitArabic = arabic(ReasonLimit, 'Reason limit (Arabic)');

/** A comment with an e-mail address and a mobile number: a warning names the kinds (never the values). */
export const CommentWithPersonalData: Story = {
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    const area = await typeComment(context, root, text.personalComment);
    await waitFor(() => expect(textOf(root, '#personal-data')).toBe(text.personalWarning), { timeout: 3000 });
    await expect(area.getAttribute('aria-describedby')!.split(' ')).toContain('personal-data');
    await expect(textOf(root, '#personal-data')).not.toContain('0501234567');
    await expect(textOf(root, '#personal-data')).not.toContain('sara@example.com');
  },
};
export const CommentWithPersonalDataArabic = arabic(CommentWithPersonalData, 'Comment with personal data (Arabic)');

/** A comment over the limit (20 characters here): the count says by how much; Send shows a tied error. */
export const CommentTooLong: Story = {
  args: { 'max-comment-length': 20 },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    const area = await typeComment(context, root, 'x'.repeat(23));
    await waitFor(() => expect(textOf(root, '#count')).toBe(text.tooLongCount));
    await userEvent.click(buttonNamed(root, text.send));
    await waitFor(() => expect(textOf(root, '#comment-error')).toBe(text.tooLongError));
    await expect(area.getAttribute('aria-invalid')).toBe('true');
    await expect(area.getAttribute('aria-describedby')!.split(' ')).toContain('comment-error');
    await focusCheck(context, () => expect(root.activeElement).toBe(area));
    // Nothing was sent but the vote.
    const posts = (await logOf(context.loaded.endpoint as string)).filter((entry) => entry.route === 'submissions');
    await expect(posts.map((post) => post.body.kind)).toEqual(['page-vote']);
  },
};
export const CommentTooLongArabic = arabic(CommentTooLong, 'Comment too long (Arabic)');

/**
 * The details get a 500 on a page that turned the outbox off (`configure({ outbox: false })`, or storage
 * unavailable): a message and a retry; the chosen reason and the comment are kept.
 */
export const DetailsError: Story = {
  parameters: {
    poll: {
      outbox: false,
      endpoint: {
        // The vote is accepted, the details are not.
        submissions: [
          { status: 201, body: { reference: 'PV-2026-000001', status: 'received' } },
          { status: 500, body: { message: 'down' } },
        ],
      },
    },
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await userEvent.click(boxes(root)[1]!);
    const area = await typeComment(context, root, text.comment);
    await userEvent.click(buttonNamed(root, text.send));
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.detailsError), { timeout: 3000 });
    await expect(squash(root.querySelector('[part="error"] button')!.textContent)).toBe(text.tryAgain);
    await expect(area.value).toBe(text.comment);
    await expect(boxes(root).map((box) => box.checked)).toEqual([false, true, false, false]);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="error"] p')));
  },
};
export const DetailsErrorArabic = arabic(DetailsError, 'Details error (Arabic)');

/** The details are on their way (the collector has not answered yet): Send shows progress and cannot be pressed twice. */
export const SendingDetails: Story = {
  parameters: {
    poll: { endpoint: { submissions: [{ status: 201, body: { reference: 'PV-2026-000001' } }, { hang: true }] } },
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await userEvent.click(boxes(root)[0]!);
    await userEvent.click(buttonNamed(root, text.send));
    const send = root.querySelector<HTMLButtonElement>('[part="send-button"]')!;
    await waitFor(() => expect(squash(send.textContent)).toBe(text.sending));
    await expect(send.getAttribute('aria-disabled')).toBe('true');
    await expect(root.querySelector<HTMLButtonElement>('[part="skip-button"]')!.disabled).toBe(true);
    // A second press sends nothing more: the details reached the collector, and a moment later nothing else did.
    await userEvent.click(send);
    const kinds = async () =>
      (await logOf(context.loaded.endpoint as string))
        .filter((entry) => entry.route === 'submissions')
        .map((post) => post.body.kind);
    await waitFor(async () => expect(await kinds()).toEqual(['page-vote', 'page-vote-details']));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(await kinds()).toEqual(['page-vote', 'page-vote-details']);
  },
};
export const SendingDetailsArabic = arabic(SendingDetails, 'Sending details (Arabic)');

/** The collector refuses the comment (422 with a field error): the message sits on the comment, in the visitor's language. */
export const FieldErrorFromEndpoint: Story = {
  parameters: {
    poll: {
      endpoint: {
        submissions: [
          { status: 201, body: { reference: 'PV-2026-000001' } },
          { status: 422, body: { fieldErrors: [{ field: 'comment', code: 'too-long' }] } },
        ],
      },
    },
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.no);
    const area = await typeComment(context, root, text.comment);
    await userEvent.click(buttonNamed(root, text.send));
    await waitFor(() => expect(textOf(root, '#comment-error')).toBe(text.fieldError), { timeout: 3000 });
    await expect(area.getAttribute('aria-invalid')).toBe('true');
    await expect(area.getAttribute('aria-describedby')!.split(' ')).toContain('comment-error');
    await expect(area.value).toBe(text.comment);
    await focusCheck(context, () => expect(root.activeElement).toBe(area));
  },
};
export const FieldErrorFromEndpointArabic = arabic(FieldErrorFromEndpoint, 'Field error from the endpoint (Arabic)');

/**
 * The vote cannot reach the collector (the connection drops) on a page without the outbox: a message and a
 * retry, the question stays.
 */
export const VoteError: Story = {
  // Chromium retries a dropped connection once by itself; `repeat` keeps it failing.
  parameters: { poll: { outbox: false, endpoint: { submissions: [{ drop: true, repeat: 10 }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await userEvent.click(buttonNamed(root, text.yes));
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.voteError), { timeout: 5000 });
    await expect(squash(root.querySelector('[part="error"] button')!.textContent)).toBe(text.tryAgain);
    await expect(textOf(root, '#question')).toBe(text.question);
    await expect(root.querySelector('fieldset')).toBeNull();
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="error"] p')));
  },
};
export const VoteErrorArabic = arabic(VoteError, 'Vote error (Arabic)');

/**
 * The collector is down (503) when the visitor votes: the vote is saved on the device and the poll goes
 * on; the note says so, politely. (The outbox sends it later; see SentLater.)
 */
export const SavedOnDevice: Story = {
  parameters: { poll: { endpoint: { submissions: [{ status: 503, body: {}, repeat: 50 }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved), { timeout: 3000 });
    await expect(root.querySelector('[part="delivery"]')!.getAttribute('role')).toBe('status');
    await expect(root.querySelector('[part="error"]')).toBeNull();
  },
};
export const SavedOnDeviceArabic = arabic(SavedOnDevice, 'Saved on device (Arabic)');

/** Saved after a 500, then sent by the outbox while the visitor is still on the page: a quiet "Sent". */
export const SentLater: Story = {
  parameters: { poll: { endpoint: { submissions: [{ status: 500, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved), { timeout: 3000 });
    // The first retry comes after 1 to 2 seconds (backoff with jitter).
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentLater), { timeout: 6000 });
    const posts = (await logOf(context.loaded.endpoint as string)).filter((entry) => entry.route === 'submissions');
    await expect(posts).toHaveLength(2);
    await expect(posts[1]!.body.id).toBe(posts[0]!.body.id);
  },
};
export const SentLaterArabic = arabic(SentLater, 'Sent later (Arabic)');

/** Saved after a 500; on the retry the collector refuses it (422): the visitor is told it was not sent. */
export const RefusedLater: Story = {
  parameters: {
    poll: { endpoint: FAILS_THEN_REFUSED },
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.refusedLater), { timeout: 6000 });
  },
};
export const RefusedLaterArabic = arabic(RefusedLater, 'Refused later (Arabic)');

/**
 * Saved on the device, then dropped unsent to make room (the page allows one waiting submission here,
 * `configure({ outbox: { maxEntries: 1 } })`, and a second poll's vote is saved after it).
 */
export const DroppedToMakeRoom: Story = {
  parameters: {
    poll: { outbox: { maxEntries: 1 }, endpoint: { submissions: [{ status: 503, body: {}, repeat: 50 }] } },
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved), { timeout: 3000 });
    const other = document.createElement('ep-page-poll') as EpPagePoll;
    other.setAttribute('endpoint', context.loaded.endpoint as string);
    other.setAttribute('page-url', `${PAGE}/another-page`);
    other.toggleAttribute('no-remember', true);
    context.canvasElement.append(other);
    await other.updateComplete;
    await vote(other.shadowRoot!, text.yes);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.droppedLater), { timeout: 3000 });
  },
};
export const DroppedToMakeRoomArabic = arabic(DroppedToMakeRoom, 'Dropped to make room (Arabic)');

/** A reason and a comment sent: thanks, with focus on it. */
export const Thanks: Story = {
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    await userEvent.click(boxes(root)[0]!);
    await typeComment(context, root, text.comment);
    await userEvent.click(buttonNamed(root, text.send));
    await waitFor(() => expect(textOf(root, '[part="thanks"]')).toBe(text.thanks), { timeout: 3000 });
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('[part="thanks"]')));
    await expect(root.querySelector('[part="tally"]')).toBeNull();
    const posts = (await logOf(context.loaded.endpoint as string)).filter((entry) => entry.route === 'submissions');
    await expect(posts.map((post) => post.body.kind)).toEqual(['page-vote', 'page-vote-details']);
    await expect(posts[1]!.body.locale).toBe(localeOf(context.globals));
  },
};
export const ThanksArabic = arabic(Thanks, 'Thanks (Arabic)');

/** Thanks, then "N of M visitors found this page useful" (digits and plural of the visitor's language). */
export const ThanksWithTally: Story = {
  args: { 'show-tally': true },
  // Read once when the element connects and again after the vote.
  parameters: { poll: { endpoint: { tally: [{ body: { yes: 1234, total: 1500 }, repeat: 5 }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await expect(root.querySelector('[part="tally"]')).toBeNull();
    await vote(root, text.yes);
    await userEvent.click(buttonNamed(root, text.skip));
    await waitFor(() => expect(textOf(root, '[part="thanks"]')).toBe(text.thanks));
    await waitFor(() => expect(textOf(root, '[part="tally"]')).toBe(text.tally), { timeout: 3000 });
  },
};
export const ThanksWithTallyArabic = arabic(ThanksWithTally, 'Thanks with tally (Arabic)');

/**
 * Votes yes, skips the reasons and waits for the thanks and for `reads` answered reads of `route`, then a
 * moment more: what a story needs before concluding that nothing more is shown.
 */
async function thanksAfterReads(context: Parameters<typeof pollIn>[0], route: string, reads: number) {
  const { el, root, text } = await pollIn(context);
  await vote(root, text.yes);
  await userEvent.click(buttonNamed(root, text.skip));
  await waitFor(() => expect(textOf(root, '[part="thanks"]')).toBe(text.thanks));
  const endpoint = context.loaded.endpoint as string;
  await waitFor(
    async () => expect((await logOf(endpoint)).filter((entry) => entry.route === route)).toHaveLength(reads),
    { timeout: 3000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  await el.updateComplete;
  return root;
}

/** Too few answers yet (6, below `tally-min` 10): thanks without a tally. */
export const TallyHidden: Story = {
  args: { 'show-tally': true, 'tally-min': 10 },
  parameters: { poll: { endpoint: { tally: [{ body: { yes: 4, total: 6 }, repeat: 5 }] } } },
  play: async (context) => {
    // Both reads (on connect, after the vote) answered before concluding that nothing is shown.
    const root = await thanksAfterReads(context, 'tally', 2);
    await expect(root.querySelector('[part="tally"]')).toBeNull();
  },
};
export const TallyHiddenArabic = arabic(TallyHidden, 'Tally hidden (Arabic)');

/** The page's latest "what we changed" note, as the collector's `/changes` gives it. */
const CHANGE_NOTE = {
  date: '2026-03-01',
  text: {
    en: 'You told us the fee table was hard to find; on 1 March 2026 we moved it to the top of the page.',
    ar: 'أخبرتمونا أن جدول الرسوم صعب الوصول إليه؛ وفي 1 مارس 2026 نقلناه إلى أعلى الصفحة.',
  },
  link: 'https://www.example.gov.sa/en/news/fees',
};

/** Thanks, then the page's latest "What we changed" note: its text, its day in both calendars, a link. */
export const ThanksWithChanges: Story = {
  parameters: { poll: { endpoint: { changes: [{ body: { note: CHANGE_NOTE } }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await expect(root.querySelector('[part="changes"]')).toBeNull();
    await vote(root, text.yes);
    await userEvent.click(buttonNamed(root, text.skip));
    await waitFor(() => expect(textOf(root, '[part="changes-heading"]')).toBe(text.changesHeading), { timeout: 3000 });
    const note = textOf(root, '[part="changes"]');
    await expect(note).toContain(CHANGE_NOTE.text[localeOf(context.globals)]);
    for (const part of text.changesDate) await expect(note).toContain(part);
    await expect(root.querySelector('[part="changes-link"]')?.getAttribute('href')).toBe(CHANGE_NOTE.link);
  },
};
export const ThanksWithChangesArabic = arabic(ThanksWithChanges, 'Thanks with changes (Arabic)');

/** With `show-changes`: the note from the start, under the question, in the space held for it. */
export const QuestionWithChanges: Story = {
  args: { 'show-changes': true },
  parameters: { poll: { endpoint: { changes: [{ body: { note: CHANGE_NOTE } }] } } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    // The note comes with the rest of the poll, which loads as the poll nears the viewport (on a guidance
    // page, this example may start below it).
    (root.host as HTMLElement).scrollIntoView({ block: 'center' });
    await waitFor(() => expect(textOf(root, '[part="changes-heading"]')).toBe(text.changesHeading), { timeout: 6000 });
    await expect(textOf(root, '[part="changes"]')).toContain(CHANGE_NOTE.text[localeOf(context.globals)]);
    await expect(buttonNamed(root, text.yes)).toBeTruthy();
  },
};
export const QuestionWithChangesArabic = arabic(QuestionWithChanges, 'Question with changes (Arabic)');

/** With `show-changes` on a page with no note: the question alone, nothing said, its space still held. */
export const QuestionWithoutChanges: Story = {
  args: { 'show-changes': true },
  play: async (context) => {
    const { el, root, text } = await pollIn(context);
    el.scrollIntoView({ block: 'center' });
    const endpoint = context.loaded.endpoint as string;
    await waitFor(
      async () => expect((await logOf(endpoint)).filter((entry) => entry.route === 'changes')).toHaveLength(1),
      { timeout: 6000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    await expect(root.querySelector('[part="changes"], [part="error"]')).toBeNull();
    await expect(buttonNamed(root, text.yes)).toBeTruthy();
    // The 14rem held for the question and a note (16px to the rem here).
    await expect(el.getBoundingClientRect().height).toBeGreaterThanOrEqual(14 * 16);
  },
};
export const QuestionWithoutChangesArabic = arabic(QuestionWithoutChanges, 'Question without changes (Arabic)');

/** The note could not be read: the thanks alone, with nothing said about it. */
export const ChangesNotRead: Story = {
  parameters: { poll: { endpoint: { changes: [{ status: 500, body: {}, repeat: 3 }] } } },
  play: async (context) => {
    const root = await thanksAfterReads(context, 'changes', 1);
    await expect(root.querySelector('[part="changes"], [part="error"]')).toBeNull();
  },
};
export const ChangesNotReadArabic = arabic(ChangesNotRead, 'Changes not read (Arabic)');

/** This browser already answered for this page: thanks instead of the question. */
export const AlreadyAnswered: Story = {
  args: { 'page-url': 'https://www.example.gov.sa/en/services/renew-passport/fees' },
  parameters: { poll: { remembered: 'yes' } },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await waitFor(() => expect(textOf(root, '[part="thanks"]')).toBe(text.already));
    await expect(root.querySelector('button')).toBeNull();
    await expect(root.querySelector('#question')).toBeNull();
  },
};
export const AlreadyAnsweredArabic = arabic(AlreadyAnswered, 'Already answered (Arabic)');

/** The page author's own reasons, in both languages; a label that looks like HTML is shown as text. */
export const CustomReasons: Story = {
  args: {
    'yes-reasons': [
      { code: 'quick', label: { en: TEXT.en.customReason, ar: TEXT.ar.customReason } },
      { code: 'markup', label: XSS_LABEL },
    ],
  },
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await vote(root, text.yes);
    const labels = [...root.querySelectorAll('fieldset label')].map((label) => squash(label.textContent));
    await expect(labels).toEqual([text.customReason, XSS_LABEL]);
    await expect(root.querySelector('img')).toBeNull();
    await expect(boxes(root).map((box) => box.value)).toEqual(['quick', 'markup']);
  },
};
export const CustomReasonsArabic = arabic(CustomReasons, 'Custom reasons (Arabic)');

/** No endpoint configured anywhere: the poll says it is not available instead of failing later. */
export const NoEndpoint: Story = {
  parameters: { poll: { endpoint: false } },
  beforeEach: catchConsoleErrors,
  // Not on the docs page: there, its console message would outlive the story and land on the next one.
  tags: ['!autodocs'],
  play: async (context) => {
    const { root, text } = await pollIn(context);
    await waitFor(() => expect(textOf(root, '[part="unavailable"]')).toBe(text.unavailable));
    await expect(root.querySelector('button')).toBeNull();
    await sawMissingEndpointMessage('ep-page-poll');
  },
};
export const NoEndpointArabic = arabic(NoEndpoint, 'No endpoint (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Themes: the same states under the dark and high-contrast toolbar themes, so axe checks their contrast
// ---------------------------------------------------------------------------------------------------------

export const CommentWithPersonalDataDark = themed(CommentWithPersonalData, 'dark', 'Comment with personal data (dark)');
export const DetailsErrorHighContrast = themed(DetailsError, 'high-contrast', 'Details error (high contrast)', 'ar');
export const ThanksWithTallyDark = themed(ThanksWithTally, 'dark', 'Thanks with tally (dark, Arabic)', 'ar');
export const QuestionHighContrast = themed(Question, 'high-contrast', 'Question (high contrast)');
