/**
 * <ep-idea-box>, one story per state a visitor can reach, each in English and in Arabic (right to left).
 *
 * As for the other elements, every story talks to the in-memory collector (tools/dev-endpoint.mjs) in a
 * space of its own, created by the loader for each render: the loader publishes the story's ideas
 * (`POST __ideas`) and scripts the collector's answers (`parameters.ideas`). Play functions act as a visitor
 * would (clicking, typing) and check what the visitor sees in the story's language; then addon-a11y runs axe
 * on that state. The fill-time guard is off in these stories (`min-fill-time` 0): play functions type faster
 * than people.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ep-idea-box.js';
import type { EpIdeaBox } from '../src/ep-idea-box.js';
import type { Choice } from '../src/core/fields/choices.js';
import { configure } from '../src/core/element/config.js';
import {
  formArgTypes,
  REFUSES_EMAIL,
  arabic,
  focusCheck,
  squash,
  textOf,
  themed,
  type Locale,
  type Scripted,
  catchConsoleErrors,
  sawMissingEndpointMessage,
  postsOf,
  postToCollector,
  control,
  elementIn,
  localeOf,
  pressSend,
  summaryItems,
  typeInto,
} from './support/story-kit.js';

// ---------------------------------------------------------------------------------------------------------
// Args, parameters, the collector
// ---------------------------------------------------------------------------------------------------------

/** The element's attributes, by attribute name. */
interface IdeaBoxArgs {
  endpoint?: string;
  view: 'all' | 'list' | 'form';
  sort: 'supported' | 'newest';
  topic?: string;
  topics?: Choice[];
  contact: 'optional' | 'required' | 'hidden';
  'page-size': number;
  'min-fill-time': number;
  'heading-level': number;
  'no-draft': boolean;
  'privacy-notice': string;
  timeout?: number;
}

interface Idea {
  id: string;
  title: string;
  description?: string;
  topic?: string;
  supports?: number;
  status?: string;
  publishedAt?: string;
  answer?: { text: string; at?: string; from?: string; to?: string };
}

interface IdeaBoxParameters {
  /** `false`: no endpoint at all. Otherwise what the story's space publishes (ideas, or that many plain ones) and answers. */
  endpoint?: false | { ideas?: Idea[] | number; submissions?: Scripted[]; list?: Scripted[] };
  /** `false`: the page turned the outbox off, so a failure is shown instead of being saved on the device. */
  outbox?: false;
}

type Context = StoryContext<IdeaBoxArgs>;
type Story = StoryObj<IdeaBoxArgs>;

/** A fresh collector space for each render, with the story's ideas; no draft, support or saved submission left from another story. */
async function openSpace({ id, parameters }: Context): Promise<{ endpoint?: string }> {
  const ideas = (parameters.ideas ?? {}) as IdeaBoxParameters;
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('ep-widgets:idea-box:')) sessionStorage.removeItem(key);
  for (const key of Object.keys(localStorage))
    if (key.startsWith('ep-widgets.outbox:') || key.startsWith('ep-widgets:idea-box:')) localStorage.removeItem(key);
  configure({ outbox: ideas.outbox ?? true });
  if (ideas.endpoint === false) return {};
  const endpoint = `/ep-dev/story-${id}-${Math.random().toString(36).slice(2, 10)}`;
  const published = ideas.endpoint?.ideas ?? IDEAS;
  const seeded = typeof published === 'number' ? { generate: published } : { ideas: published };
  await postToCollector(endpoint, '__ideas', seeded);
  if (ideas.endpoint?.submissions?.length)
    await postToCollector(endpoint, '__script', { route: 'submissions', responses: ideas.endpoint.submissions });
  if (ideas.endpoint?.list?.length)
    await postToCollector(endpoint, '__script', { route: 'ideas', responses: ideas.endpoint.list });
  return { endpoint };
}

// ---------------------------------------------------------------------------------------------------------
// What is published, and what a visitor sees, per language
// ---------------------------------------------------------------------------------------------------------

const LONG_ARABIC_TITLE =
  'إطلاق خدمة موحّدة على منصة Balady لتجديد رخص البناء والتشغيل والإعلانات التجارية في خطوة واحدة، مع إشعار برسالة SMS قبل انتهاء الرخصة بثلاثين يومًا ورقم 940 للاستفسار';

const IDEAS: Idea[] = [
  {
    id: 'renewal',
    title: 'تجديد رخصة البناء إلكترونيًا دون زيارة الأمانة',
    description:
      'أقترح أن يكون تجديد رخصة البناء كله عبر منصة بلدي، مع رفع المستندات وسداد الرسوم إلكترونيًا، بدل مراجعة الأمانة حضوريًا. سيوفّر ذلك وقت المراجعين ويخفّف الازدحام في مراكز الخدمة، خاصة في مواسم الذروة قبل نهاية العام.',
    topic: 'digital-services',
    supports: 214,
    status: 'implemented',
    publishedAt: '2026-07-23T09:00:00Z',
    answer: {
      text: 'أطلقنا خدمة تجديد رخصة البناء إلكترونيًا بالكامل على منصة بلدي في أكتوبر 2026، ولم تعد زيارة الأمانة مطلوبة إلا للحالات الخاصة.',
      at: '2026-10-31T09:00:00Z',
      from: 'in-progress',
      to: 'implemented',
    },
  },
  {
    id: 'shade',
    title: 'Shade and drinking fountains in public parks',
    description:
      'Many parks have no shade in summer. Add canopies over play areas and drinking fountains along the paths.',
    topic: 'public-spaces',
    supports: 158,
    status: 'accepted',
    publishedAt: '2026-09-21T09:00:00Z',
  },
  {
    id: 'sms',
    title: 'Permit status by SMS',
    description: 'A text message at each step of a permit application.',
    topic: 'digital-services',
    supports: 2,
    status: 'under-review',
    publishedAt: '2026-10-21T09:00:00Z',
  },
  {
    id: 'long',
    title: LONG_ARABIC_TITLE,
    description: 'خدمة واحدة بدل ثلاث.',
    topic: 'other',
    supports: 0,
    status: 'new',
    publishedAt: '2026-11-17T09:00:00Z',
  },
];

const TEXT = {
  en: {
    title: 'Ideas for better services',
    share: 'Share an idea',
    listTitle: 'Published ideas',
    shown: 'Showing 4 of 4 ideas',
    loading: 'Loading ideas…',
    empty: 'No ideas have been published yet.',
    failed: 'We could not load the ideas. The service had a problem. Please try again in a moment.',
    tryAgain: 'Try again',
    answerTitle: 'What we did',
    statusChange: 'Status changed from In progress to Implemented',
    readMore: 'Read more',
    readLess: 'Show less',
    supporters: ['214 supporters', '215 supporters'],
    notRecorded: 'Your support was not recorded.',
    saved: 'Saved on this device. It will be sent automatically as soon as it can be.',
    sentLater: 'Sent. What you saved on this device has now reached us.',
    more: 'Show more ideas',
    shownMore: 'Showing 20 of 500 ideas',
    ideaTitle: 'Evening opening hours at service centres',
    ideaText: 'Open the service centres until 9 pm two days a week, for people who work during the day.',
    topicLabel: 'Other',
    summaryTitle: 'There is a problem',
    summary: ['Enter a title for your idea', 'Enter a description of your idea', 'Select what your idea is about'],
    emailInvalid: 'Enter an email address in the correct format, like name@example.com',
    send: 'Send idea',
    sending: 'Sending…',
    failure:
      'Your idea was not sent. What you wrote is kept. We could not reach the service. Check your connection and try again.',
    sentTitle: 'Your idea was received and will be published after review',
    savedTitle: 'Your idea is saved on this device',
    reference: 'Your reference number ID-2026-000321',
    personal: 'Please call me on 0501234567 to discuss it.',
    personalWarning:
      'Your text seems to contain a mobile number. Please remove it unless it is needed. You can still send it.',
    unavailable: 'This feature is not available at the moment.',
  },
  ar: {
    title: 'أفكار لتطوير الخدمات',
    share: 'شارك فكرة',
    listTitle: 'الأفكار المنشورة',
    shown: 'تُعرض ٤ من أصل ٤ أفكار',
    loading: 'جارٍ تحميل الأفكار…',
    empty: 'لم تُنشر أي أفكار بعد.',
    failed: 'تعذّر تحميل الأفكار. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
    tryAgain: 'حاول مرة أخرى',
    answerTitle: 'ما قمنا به',
    statusChange: 'تغيّرت الحالة من «قيد التنفيذ» إلى «نُفِّذت»',
    readMore: 'اقرأ المزيد',
    readLess: 'عرض أقل',
    supporters: ['٢١٤ مؤيدًا', '٢١٥ مؤيدًا'],
    notRecorded: 'لم يُسجَّل تأييدك.',
    saved: 'حُفظ على هذا الجهاز، وسيُرسَل تلقائيًا حالما يتسنّى ذلك.',
    sentLater: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
    more: 'عرض مزيد من الأفكار',
    shownMore: 'تُعرض ٢٠ من أصل ٥٠٠ فكرة',
    ideaTitle: 'مواعيد مسائية في مراكز الخدمة',
    ideaText: 'فتح مراكز الخدمة حتى التاسعة مساءً يومين في الأسبوع لمن لا يستطيع الحضور في ساعات الدوام.',
    topicLabel: 'أخرى',
    summaryTitle: 'توجد مشكلة',
    summary: ['أدخل عنوانًا لفكرتك', 'اكتب شرحًا لفكرتك', 'اختر موضوع فكرتك'],
    emailInvalid: 'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
    send: 'إرسال الفكرة',
    sending: 'جارٍ الإرسال…',
    failure: 'لم تُرسَل فكرتك. ما كتبته محفوظ. تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وحاول مرة أخرى.',
    sentTitle: 'وصلتنا فكرتك، وستُنشر بعد مراجعتها',
    savedTitle: 'حُفظت فكرتك على هذا الجهاز',
    reference: 'رقمك المرجعي ID-2026-000321',
    personal: 'أرجو الاتصال بي على 0501234567 لمناقشتها.',
    personalWarning: 'يبدو أن نصك يتضمن رقم جوال. يُرجى حذف هذه البيانات ما لم تكن ضرورية. يمكنك الإرسال رغم ذلك.',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
  },
} as const;

const REFERENCE = 'ID-2026-000321';

// ---------------------------------------------------------------------------------------------------------
// Reaching into the element
// ---------------------------------------------------------------------------------------------------------

/** The story's element once it rendered in the story's language and direction. */
async function boxIn(context: Context): Promise<{ el: EpIdeaBox; root: ShadowRoot; text: (typeof TEXT)[Locale] }> {
  const locale = localeOf(context.globals);
  const { el, root } = await elementIn<EpIdeaBox>(context.canvasElement, 'ep-idea-box', locale);
  return { el, root, text: TEXT[locale] };
}

/** Waits until the list has loaded and shows `status`. */
async function listShows(root: ShadowRoot, status: string): Promise<void> {
  await waitFor(() => expect(textOf(root, '[part="list-status"]')).toBe(status), { timeout: 4000 });
}

/** The article of the idea with this id's title. */
function idea(root: ShadowRoot, title: string): HTMLElement {
  const heading = [...root.querySelectorAll('[part="idea-title"]')].find(
    (candidate) => candidate.textContent === title,
  );
  if (!heading) throw new Error(`no idea titled ${title}`);
  return heading.closest('article')!;
}

/** The story's list once loaded, and in it the first idea (the renewal one). */
async function renewalListed(
  context: Context,
): Promise<{ root: ShadowRoot; text: (typeof TEXT)[Locale]; renewal: HTMLElement }> {
  const { root, text } = await boxIn(context);
  await listShows(root, text.shown);
  return { root, text, renewal: idea(root, IDEAS[0]!.title) };
}

/** Opens the form with "Share an idea" (shown alone, `view="form"`, it has no such button). */
async function openForm(root: ShadowRoot): Promise<void> {
  const share = root.querySelector<HTMLButtonElement>('[part~="share-button"]');
  if (share) await userEvent.click(share);
  await waitFor(() => expect(root.querySelector('form')).toBeTruthy());
}

async function fillIdea(
  context: { viewMode: string },
  root: ShadowRoot,
  text: (typeof TEXT)[Locale],
  description: string = text.ideaText,
): Promise<void> {
  await openForm(root);
  await typeInto(context, control(root, '#title'), text.ideaTitle);
  await typeInto(context, control(root, '#description'), description);
  await userEvent.click([...root.querySelectorAll<HTMLInputElement>('input[name="topic"]')].at(-1)!);
}

// ---------------------------------------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/Idea box',
  component: 'ep-idea-box',
  loaders: [openSpace],
  render: (args, { loaded }) => html`<ep-idea-box
    endpoint=${ifDefined(args.endpoint || (loaded.endpoint as string | undefined))}
    view=${args.view}
    sort=${args.sort}
    topic=${ifDefined(args.topic || undefined)}
    topics=${ifDefined(args.topics ? JSON.stringify(args.topics) : undefined)}
    contact=${args.contact}
    page-size=${args['page-size']}
    min-fill-time=${args['min-fill-time']}
    heading-level=${args['heading-level']}
    ?no-draft=${args['no-draft']}
    privacy-notice=${args['privacy-notice']}
    timeout=${ifDefined(args.timeout)}
  ></ep-idea-box>`,
  args: {
    view: 'all',
    sort: 'supported',
    contact: 'optional',
    'page-size': 10,
    'min-fill-time': 0,
    'heading-level': 2,
    'no-draft': false,
    'privacy-notice': '1',
  },
  argTypes: {
    ...formArgTypes,
    view: { control: 'inline-radio', options: ['all', 'list', 'form'] },
    sort: { control: 'inline-radio', options: ['supported', 'newest'] },
    topic: { control: 'text' },
    topics: { control: 'object' },
    contact: { control: 'inline-radio', options: ['optional', 'required', 'hidden'] },
    'page-size': { control: { type: 'number', min: 1, max: 50 } },
  },
} satisfies Meta<IdeaBoxArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------------------
// Browsing
// ---------------------------------------------------------------------------------------------------------

/** Published ideas, most supported first: topic, status, date, supporters; one with the ministry's answer; a long Arabic title. */
export const Ideas: Story = {
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await expect(textOf(root, '#heading')).toBe(text.title);
    await expect(textOf(root, '[part~="share-button"]')).toBe(text.share);
    await listShows(root, text.shown);
    const renewal = idea(root, IDEAS[0]!.title);
    await expect(textOf(renewal, '[part="supporters"]')).toBe(text.supporters[0]);
    await expect(textOf(renewal, '[part="answer"] [role="heading"]')).toBe(text.answerTitle);
    await expect(textOf(renewal, '[part="answer"]')).toContain(text.statusChange);
    await expect(root.querySelectorAll('article').length).toBe(4);
  },
};
export const IdeasArabic = arabic(Ideas, 'Ideas (Arabic)');

/** An idea with the ministry's answer ("What we did"), its description opened with Read more. */
export const AnswerAndReadMore: Story = {
  args: { view: 'list' },
  play: async (context) => {
    const { text, renewal } = await renewalListed(context);
    const button = control<HTMLButtonElement>(renewal, '[part="read-more-button"]');
    // Named with the idea's title too, out of sight: a list holds many of these buttons.
    const about = `: ${textOf(renewal, '[part="idea-title"]')}`;
    await expect(squash(button.textContent)).toBe(`${text.readMore}${about}`);
    await expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    await expect(squash(button.textContent)).toBe(`${text.readLess}${about}`);
    await expect(textOf(renewal, '.expandable')).toBe(IDEAS[0]!.description);
    await expect(textOf(renewal, '[part="answer"] p[dir="auto"]')).toBe(IDEAS[0]!.answer!.text);
  },
};
export const AnswerAndReadMoreArabic = arabic(AnswerAndReadMore, 'Answer and read more (Arabic)');

/** A long Arabic title with Latin words and numbers in it, on a narrow phone-sized column: it wraps, in its own direction. */
export const LongArabicTitle: Story = {
  args: { view: 'list' },
  render: (args, context) => html`<div style="max-inline-size: 360px">${meta.render(args, context)}</div>`,
  parameters: { ideas: { endpoint: { ideas: [IDEAS[3]!, IDEAS[1]!] } } },
  play: async (context) => {
    const { el, root } = await boxIn(context);
    await waitFor(() => expect(root.querySelectorAll('article').length).toBe(2), { timeout: 4000 });
    const title = control(idea(root, LONG_ARABIC_TITLE), '[part="idea-title"]');
    await expect(title.getAttribute('dir')).toBe('auto');
    await expect(getComputedStyle(title).direction).toBe('rtl');
    await expect(el.scrollWidth).toBeLessThanOrEqual(360);
  },
};
export const LongArabicTitleArabic = arabic(LongArabicTitle, 'Long Arabic title (Arabic)');

/** 500 published ideas: ten shown; Show more adds ten and takes the visitor to the first of them. */
export const LongList: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { ideas: 500 } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await waitFor(() => expect(root.querySelectorAll('article').length).toBe(10), { timeout: 4000 });
    const more = control<HTMLButtonElement>(root, '[part="more-button"]');
    await expect(squash(more.textContent)).toBe(text.more);
    await userEvent.click(more);
    await waitFor(() => expect(root.querySelectorAll('article').length).toBe(20), { timeout: 4000 });
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('#idea-10-title')));
    await listShows(root, text.shownMore);
  },
};
export const LongListArabic = arabic(LongList, 'Long list (Arabic)');

/** The first page is on its way (the collector has not answered). */
export const Loading: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { list: [{ hang: true }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await listShows(root, text.loading);
    await expect(root.querySelector('article')).toBeNull();
  },
};
export const LoadingArabic = arabic(Loading, 'Loading (Arabic)');

/** Nothing published yet. */
export const Empty: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { ideas: [] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await listShows(root, text.empty);
    await expect(root.querySelector('ol')).toBeNull();
  },
};
export const EmptyArabic = arabic(Empty, 'Empty (Arabic)');

/** The list could not be read (500): said politely, with Try again. */
export const LoadError: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { list: [{ status: 500, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await listShows(root, text.failed);
    await expect(textOf(root, '[part="retry-button"]')).toBe(text.tryAgain);
  },
};
export const LoadErrorArabic = arabic(LoadError, 'Load error (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Supporting
// ---------------------------------------------------------------------------------------------------------

/** The visitor supports an idea: pressed at once, the count moves, and it is remembered. */
export const Supported: Story = {
  args: { view: 'list' },
  play: async (context) => {
    const { text, renewal } = await renewalListed(context);
    const button = control<HTMLButtonElement>(renewal, '[part~="support-button"]');
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    await expect(textOf(renewal, '[part="supporters"]')).toBe(text.supporters[1]);
    await waitFor(async () => expect((await postsOf(context.loaded.endpoint as string)).length).toBe(1));
  },
};
export const SupportedArabic = arabic(Supported, 'Supported (Arabic)');

/** The collector refuses the support: the toggle and count move back, and a message says so by the idea. */
export const SupportRolledBack: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { submissions: [{ status: 422, body: {} }] } } },
  play: async (context) => {
    const { text, renewal } = await renewalListed(context);
    await userEvent.click(control(renewal, '[part~="support-button"]'));
    await waitFor(() => expect(textOf(renewal, '[part="error"]')).toBe(text.notRecorded), { timeout: 3000 });
    await expect(control(renewal, '[part~="support-button"]').getAttribute('aria-pressed')).toBe('false');
    await expect(textOf(renewal, '[part="supporters"]')).toBe(text.supporters[0]);
  },
};
export const SupportRolledBackArabic = arabic(SupportRolledBack, 'Support rolled back (Arabic)');

/** The collector is down (503): the support is saved on the device, the count stays moved, and it is sent a moment later. */
export const SupportSavedThenSent: Story = {
  args: { view: 'list' },
  parameters: { ideas: { endpoint: { submissions: [{ status: 503, body: {} }] } } },
  play: async (context) => {
    const { root, text, renewal } = await renewalListed(context);
    await userEvent.click(control(renewal, '[part~="support-button"]'));
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved), { timeout: 3000 });
    await expect(control(renewal, '[part~="support-button"]').getAttribute('aria-pressed')).toBe('true');
    await expect(textOf(renewal, '[part="supporters"]')).toBe(text.supporters[1]);
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentLater), { timeout: 6000 });
  },
};
export const SupportSavedThenSentArabic = arabic(SupportSavedThenSent, 'Support saved, then sent (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Sharing an idea
// ---------------------------------------------------------------------------------------------------------

/** The form, opened with "Share an idea": title, description, topic, optional contact details, Send. */
export const Form: Story = {
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await openForm(root);
    await expect(control(root, '[part~="share-button"]').getAttribute('aria-expanded')).toBe('true');
    await expect(textOf(root, '[part~="send-button"]')).toBe(text.send);
    await expect(root.querySelector('.error-summary')).toBeNull();
  },
};
export const FormArabic = arabic(Form, 'Form (Arabic)');

/** Send with nothing filled in: the summary takes focus and links to each field. */
export const FormErrors: Story = {
  args: { view: 'form' },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([...text.summary]));
    await expect(textOf(root, '.error-summary-title')).toBe(text.summaryTitle);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.error-summary')));
    await expect(control(root, '#title').getAttribute('aria-invalid')).toBe('true');
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(0);
  },
};
export const FormErrorsArabic = arabic(FormErrors, 'Form errors (Arabic)');

/** The collector refuses a field (422): its message sits on the field, localized. */
export const FormErrorsFromEndpoint: Story = {
  args: { view: 'form' },
  parameters: {
    ideas: { endpoint: REFUSES_EMAIL },
  },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text);
    await typeInto(context, control(root, '#email'), 'noura@example.sa');
    await userEvent.click(control(root, '#consent'));
    await pressSend(root);
    await waitFor(() => expect(summaryItems(root)).toEqual([text.emailInvalid]), { timeout: 3000 });
    await expect(control(root, '#email').getAttribute('aria-invalid')).toBe('true');
  },
};
export const FormErrorsFromEndpointArabic = arabic(FormErrorsFromEndpoint, 'Form errors from the endpoint (Arabic)');

/** A description with a mobile number: the warning names the kind (never the value); it can still be sent. */
export const PersonalDataWarning: Story = {
  args: { view: 'form' },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text, text.personal);
    await waitFor(() => expect(textOf(root, '#description-warning')).toBe(text.personalWarning), { timeout: 3000 });
  },
};
export const PersonalDataWarningArabic = arabic(PersonalDataWarning, 'Personal data warning (Arabic)');

/** The idea is on its way: the button shows progress and cannot be pressed twice. */
export const Sending: Story = {
  args: { view: 'form' },
  parameters: { ideas: { endpoint: { submissions: [{ hang: true }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text);
    await pressSend(root);
    const send = control<HTMLButtonElement>(root, '[part~="send-button"]');
    await waitFor(() => expect(squash(send.textContent)).toBe(text.sending));
    await expect(send.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(send);
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(1);
  },
};
export const SendingArabic = arabic(Sending, 'Sending (Arabic)');

/** The collector cannot be reached, on a page that turned the outbox off: a message where focus goes, and a retry. */
export const Failure: Story = {
  args: { view: 'form' },
  parameters: { ideas: { outbox: false, endpoint: { submissions: [{ drop: true, repeat: 10 }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.failure), { timeout: 5000 });
    await expect(textOf(root, '[part="retry-button"]')).toBe(TEXT[localeOf(context.globals)].tryAgain);
    await expect(control(root, '#title')).toHaveProperty('value', text.ideaTitle);
  },
};
export const FailureArabic = arabic(Failure, 'Failure (Arabic)');

/** Received: "Your idea was received and will be published after review", with its reference. */
export const Sent: Story = {
  parameters: { ideas: { endpoint: { submissions: [{ status: 201, body: { reference: REFERENCE } }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.sentTitle), { timeout: 3000 });
    await expect(textOf(root, '[part="reference"]')).toBe(text.reference);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.confirmation')));
    const [post] = await postsOf(context.loaded.endpoint as string);
    await expect(post!.body.data.topic.label).toBe(text.topicLabel);
  },
};
export const SentArabic = arabic(Sent, 'Sent (Arabic)');

/** The collector is down (503): the idea is saved on the device, then sent while the visitor is still there. */
export const SavedThenSent: Story = {
  args: { view: 'form' },
  parameters: { ideas: { endpoint: { submissions: [{ status: 503, body: {} }] } } },
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await fillIdea(context, root, text);
    await pressSend(root);
    await waitFor(() => expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.savedTitle), {
      timeout: 3000,
    });
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.saved));
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentLater), { timeout: 6000 });
    await expect(textOf(root, '.confirmation [role="heading"]')).toBe(text.sentTitle);
  },
};
export const SavedThenSentArabic = arabic(SavedThenSent, 'Saved, then sent (Arabic)');

/** No endpoint configured anywhere: a calm "not available" instead of failing later. */
export const NoEndpoint: Story = {
  parameters: { ideas: { endpoint: false } },
  beforeEach: catchConsoleErrors,
  // Not on the docs page: there, its console message would outlive the story and land on the next one.
  tags: ['!autodocs'],
  play: async (context) => {
    const { root, text } = await boxIn(context);
    await waitFor(() => expect(textOf(root, '[part="unavailable"]')).toBe(text.unavailable));
    await expect(root.querySelector('form, [part="list"]')).toBeNull();
    await sawMissingEndpointMessage('ep-idea-box');
  },
};
export const NoEndpointArabic = arabic(NoEndpoint, 'No endpoint (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Themes: the same states under the dark and high-contrast toolbar themes, so axe checks their contrast
// ---------------------------------------------------------------------------------------------------------

export const IdeasDark = themed(Ideas, 'dark', 'Ideas (dark, Arabic)', 'ar');
export const SupportedHighContrast = themed(Supported, 'high-contrast', 'Supported (high contrast)');
export const FormErrorsDark = themed(FormErrors, 'dark', 'Form errors (dark)');
