/**
 * <ep-consultation-card>, one story per status, per level of participation, per type of consultation
 * (legal, on Istitlaa, and non-legal) and per state a visitor can reach, each in English and in Arabic (right to left), in the full and the compact layout, and a grid of
 * cards as a page would lay them out.
 *
 * As for the other elements, every story talks to the in-memory collector (tools/dev-endpoint.mjs) in a
 * space of its own, created by the loader for each render: the loader stores the story's consultation
 * there (`parameters.consultation`) and scripts what the collector answers. Every card runs on a fixed
 * clock (`now`), so each status is the same on every day the stories run. Play functions reach the state
 * as a visitor would and check what the visitor sees in the story's language; then addon-a11y runs axe on
 * that state. The fill-time guard is off (`min-fill-time` 0): a play function clicks faster than a person.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ep-consultation-card.js';
import type { EpConsultationCard } from '../src/ep-consultation-card.js';
import type { ConsultationJson, Level } from '../src/consultation-card/model.js';
import { configure } from '../src/core/element/config.js';
import { ENGAGEMENT_LEVELS } from '../test/fixtures/engagement-levels.js';
import {
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
  typeInto,
} from './support/story-kit.js';

// ---------------------------------------------------------------------------------------------------------
// Args, parameters, the collector
// ---------------------------------------------------------------------------------------------------------

/** The element's attributes, by attribute name. */
interface CardArgs {
  endpoint?: string;
  'consultation-id': string;
  layout: 'full' | 'compact';
  now: string;
  'time-zone'?: string;
  'heading-level': number;
  'max-comment-length': number;
  'min-fill-time': number;
  'no-draft': boolean;
}

interface CardParameters {
  /** `false`: no endpoint at all. */
  endpoint?: false;
  /** The consultations stored in the story's space (the card shows `consultation-id`). */
  data?: ConsultationJson[];
  /** What `GET consultations/…` and `POST submissions` answer, in order. */
  reads?: Scripted[];
  submissions?: Scripted[];
  /** A view this browser sent before, remembered for `consultation-id`. */
  remembered?: { stance: 'support' | 'neutral' | 'oppose'; comment: string };
  /** `false`: the page turned the outbox off, so a failure is shown with a retry instead of being saved. */
  outbox?: false;
}

type Context = StoryContext<CardArgs>;
type Story = StoryObj<CardArgs>;

/** The cards' clock: Tuesday 1 December 2026, noon in Riyadh. */
const NOW = '2026-12-01T09:00:00Z';
const AFTER = '2026-12-10T09:00:00Z';

const consultation = (overrides: Partial<ConsultationJson> = {}): ConsultationJson => ({
  id: 'street-lighting',
  title: { en: 'Street lighting in residential streets', ar: 'إنارة الشوارع السكنية' },
  summary: {
    en: 'We propose brighter, energy-saving lights in residential streets, starting with the streets around schools.\nThe plan lists the first districts and the lights we would use.',
    ar: 'نقترح إنارة أقوى وموفّرة للطاقة في الشوارع السكنية، بدءًا بالشوارع المحيطة بالمدارس.\nتذكر الخطة الأحياء الأولى ونوع الإنارة المقترح.',
  },
  department: { en: 'Roads Agency', ar: 'وكالة الطرق' },
  level: 'consultation',
  opensAt: '2026-11-20T00:00:00+03:00',
  closesAt: '2026-12-04T00:00:00+03:00',
  participants: 1284,
  documents: [
    {
      title: { en: 'The lighting plan (PDF)', ar: 'خطة الإنارة (PDF)' },
      url: 'https://example.gov.sa/lighting-plan.pdf',
    },
    {
      title: { en: 'Map of the first districts', ar: 'خريطة الأحياء الأولى' },
      url: 'https://example.gov.sa/lighting-map.pdf',
    },
  ],
  url: 'https://istitlaa.ncc.gov.sa/',
  platform: { en: 'Istitlaa', ar: 'استطلاع' },
  ...overrides,
});

const UPCOMING = consultation({
  id: 'municipal-fees',
  title: { en: 'Draft regulation on municipal service fees', ar: 'مشروع لائحة رسوم الخدمات البلدية' },
  department: { en: 'General Directorate of Municipal Revenues', ar: 'الإدارة العامة للإيرادات البلدية' },
  opensAt: '2026-12-06T00:00:00+03:00',
  closesAt: '2027-01-05T00:00:00+03:00',
  participants: 0,
});

/** A draft regulation: a legal consultation, whose draft is read and commented on on Istitlaa. */
const LEGAL = consultation({
  id: 'fees-regulation',
  title: { en: 'Draft regulation on municipal service fees', ar: 'مشروع لائحة رسوم الخدمات البلدية' },
  summary: {
    en: 'The draft sets out which municipal services carry a fee, how fees are calculated, and who is exempt.',
    ar: 'يحدّد المشروع الخدمات البلدية الخاضعة للرسوم، وطريقة احتسابها، والفئات المعفاة منها.',
  },
  department: { en: 'General Directorate of Municipal Revenues', ar: 'الإدارة العامة للإيرادات البلدية' },
  type: 'legal',
  istitlaaUrl: 'https://istitlaa.ncc.gov.sa/',
  documents: [
    {
      title: { en: 'Draft regulation (PDF)', ar: 'مشروع اللائحة (PDF)' },
      url: 'https://example.gov.sa/fees-draft.pdf',
    },
  ],
  url: undefined,
  platform: undefined,
});

/** A proposal of the ministry's own: a non-legal consultation, on the ministry's website. */
const NON_LEGAL = consultation({
  type: 'non-legal',
  url: 'https://example.gov.sa/consultations/street-lighting',
  platform: { en: 'the ministry’s website', ar: 'موقع الوزارة' },
});

const OUTCOME = consultation({
  id: 'permit-journey',
  title: { en: 'A simpler building permit', ar: 'رخصة بناء أيسر' },
  level: 'inclusion',
  opensAt: '2026-10-01T00:00:00+03:00',
  closesAt: '2026-10-31T00:00:00+03:00',
  participants: 1180,
  outcome: {
    publishedAt: '2026-11-24T10:00:00+03:00',
    heard: {
      en: 'Most of you support the new journey. Many asked for one place to upload every document.',
      ar: 'أيّد معظمكم الرحلة الجديدة، وطلب كثيرون مكانًا واحدًا لرفع جميع المستندات.',
    },
    counts: { support: 842, neutral: 131, oppose: 207 },
    decided: {
      en: 'The new journey launches with a single upload step.',
      ar: 'تنطلق الرحلة الجديدة بخطوة واحدة لرفع المستندات.',
    },
    url: 'https://example.gov.sa/permit-journey-report.pdf',
  },
});

/** A fresh collector space for each render with the story's consultations, and no view or draft left from another story. */
async function openSpace({ id, args, parameters }: Context): Promise<{ endpoint?: string }> {
  const card = (parameters.consultation ?? {}) as CardParameters;
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) {
      if (key.startsWith('ep-widgets:consultation:') || key.startsWith('ep-widgets.outbox:')) storage.removeItem(key);
    }
  }
  configure({ outbox: card.outbox ?? true });
  if (card.endpoint === false) return {};
  const endpoint = `/ep-dev/story-${id}-${Math.random().toString(36).slice(2, 10)}`;
  await postToCollector(endpoint, '__consultations', card.data ?? [consultation()]);
  if (card.reads?.length)
    await postToCollector(endpoint, '__script', { route: 'consultations', responses: card.reads });
  if (card.submissions?.length)
    await postToCollector(endpoint, '__script', { route: 'submissions', responses: card.submissions });
  if (card.remembered) {
    const key = `ep-widgets:consultation:v1:${location.origin}${endpoint}#${args['consultation-id']}`;
    localStorage.setItem(
      key,
      JSON.stringify({ id: crypto.randomUUID(), ...card.remembered, at: '2026-11-28T09:00:00.000Z' }),
    );
  }
  return { endpoint };
}

// ---------------------------------------------------------------------------------------------------------
// What a visitor sees, per language
// ---------------------------------------------------------------------------------------------------------

const LEVELS: Record<Locale, Record<Level, readonly [string, string]>> = ENGAGEMENT_LEVELS;

const TEXT = {
  en: {
    title: 'Street lighting in residential streets',
    status: { upcoming: 'Upcoming', open: 'Open', closed: 'Closed', outcome: 'Outcome published' },
    opensIn: 'Opens in 4 days',
    closesIn: 'Closes in 2 days',
    opensOn: 'You can give your view from December 6, 2026 (Jumada II 26, 1448 AH).',
    closes: 'December 4, 2026 (Jumada II 24, 1448 AH)',
    participants: '1,284 participants',
    nobodyYet: 'No one has taken part yet',
    closed: 'This consultation is closed. Views are no longer accepted.',
    giveView: 'Give your view',
    stances: ['Support', 'Neutral', 'Oppose'],
    commentMissing: 'Tell us why you oppose it',
    thanks: 'Thank you. Your view was sent.',
    yourView: 'Your view',
    change: 'Change my view',
    keep: 'Keep my earlier view',
    saved: 'Your view is saved on this device',
    savedNote: 'Saved on this device. It will be sent automatically as soon as it can be.',
    sentNote: 'Sent. What you saved on this device has now reached us.',
    outcome: 'You said, we did',
    types: { legal: 'Legal consultation', 'non-legal': 'Non-legal consultation' },
    istitlaa: 'Read the draft and comment on Istitlaa (another website)',
    onMinistrySite: 'View the full consultation on \u2068the ministry’s website\u2069',
    counts: ['Support 842 (71%)', 'Neutral 131 (11%)', 'Oppose 207 (18%)'],
    comment: 'Warmer light near homes, please.',
    loading: 'Loading the consultation…',
    notFound: 'This consultation could not be found.',
    failed: 'The consultation could not be loaded. The service had a problem. Please try again in a moment.',
    unavailable: 'This feature is not available at the moment.',
  },
  ar: {
    title: 'إنارة الشوارع السكنية',
    status: { upcoming: 'قادمة', open: 'مفتوحة', closed: 'مغلقة', outcome: 'نُشرت النتائج' },
    opensIn: 'يُفتح باب المشاركة خلال ٤ أيام',
    closesIn: 'يُغلق باب المشاركة خلال يومين',
    opensOn: 'يمكنك إبداء رأيك ابتداءً من ٢٦ جمادى الآخرة ١٤٤٨ هـ الموافق ٦ ديسمبر ٢٠٢٦م.',
    closes: '٢٤ جمادى الآخرة ١٤٤٨ هـ الموافق ٤ ديسمبر ٢٠٢٦م',
    participants: '١٬٢٨٤ مشاركًا',
    nobodyYet: 'لم يشارك أحد بعد',
    closed: 'أُغلقت هذه الاستشارة، ولم يعد استقبال الآراء متاحًا.',
    giveView: 'أبدِ رأيك',
    stances: ['مؤيد', 'محايد', 'معارض'],
    commentMissing: 'اذكر أسباب معارضتك',
    thanks: 'شكرًا لك، أُرسل رأيك.',
    yourView: 'رأيك',
    change: 'تغيير رأيي',
    keep: 'الإبقاء على رأيي السابق',
    saved: 'حُفظ رأيك على هذا الجهاز',
    savedNote: 'حُفظ على هذا الجهاز، وسيُرسَل تلقائيًا حالما يتسنّى ذلك.',
    sentNote: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
    outcome: 'قلتم، فاستجبنا',
    types: { legal: 'استشارة نظامية', 'non-legal': 'استشارة غير نظامية' },
    istitlaa: 'اقرأ المسودة وأبدِ مرئياتك عليها عبر منصة استطلاع (موقع خارجي)',
    onMinistrySite: 'الاطلاع على الاستشارة كاملة عبر \u2068موقع الوزارة\u2069',
    counts: ['مؤيد ٨٤٢ (٧١٪؜)', 'محايد ١٣١ (١١٪؜)', 'معارض ٢٠٧ (١٨٪؜)'],
    comment: 'نرجو إضاءة أدفأ قرب المنازل.',
    loading: 'جارٍ تحميل الاستشارة…',
    notFound: 'تعذّر العثور على هذه الاستشارة.',
    failed: 'تعذّر تحميل الاستشارة. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
  },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Reaching into the element
// ---------------------------------------------------------------------------------------------------------

function localeOf(context: Context): Locale {
  return context.globals.locale === 'ar' ? 'ar' : 'en';
}

/** The story's cards once rendered in the story's language and direction (the first, unless `all`). */
async function cardsIn(
  context: Context,
): Promise<{ cards: EpConsultationCard[]; text: (typeof TEXT)[Locale]; locale: Locale }> {
  const locale = localeOf(context);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const cards = [...context.canvasElement.querySelectorAll('ep-consultation-card')];
  await expect(cards.length, 'the story renders an <ep-consultation-card>').toBeGreaterThan(0);
  for (const card of cards) {
    await waitFor(() => {
      const base = card.shadowRoot?.querySelector('[part="base"]');
      expect(base?.getAttribute('lang')).toBe(locale);
      expect(base?.getAttribute('dir')).toBe(dir);
    });
    await expect(getComputedStyle(card.shadowRoot!.querySelector('[part="base"]')!).direction).toBe(dir);
  }
  return { cards, text: TEXT[locale], locale };
}

async function cardIn(context: Context): Promise<{ root: ShadowRoot; text: (typeof TEXT)[Locale]; locale: Locale }> {
  const { cards, text, locale } = await cardsIn(context);
  return { root: cards[0]!.shadowRoot!, text, locale };
}

const control = <T extends HTMLElement = HTMLElement>(root: ShadowRoot, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

/** Waits for the card itself (its title), past loading. */
async function loaded(root: ShadowRoot): Promise<void> {
  await waitFor(() => expect(root.querySelector('#title')).toBeTruthy(), { timeout: 3000 });
}

async function chooseStance(root: ShadowRoot, index: number): Promise<void> {
  await userEvent.click(root.querySelectorAll<HTMLInputElement>('input[name="stance"]')[index]!);
}

// ---------------------------------------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------------------------------------

const card = (args: CardArgs, endpoint: string | undefined, overrides: Partial<CardArgs> = {}): TemplateResult => {
  const a = { ...args, ...overrides };
  return html`<ep-consultation-card
    endpoint=${ifDefined(a.endpoint || endpoint)}
    consultation-id=${a['consultation-id']}
    layout=${a.layout}
    now=${a.now}
    time-zone=${ifDefined(a['time-zone'] || undefined)}
    heading-level=${a['heading-level']}
    max-comment-length=${a['max-comment-length']}
    min-fill-time=${a['min-fill-time']}
    ?no-draft=${a['no-draft']}
  ></ep-consultation-card>`;
};

const meta = {
  title: 'Widgets/Consultation card',
  component: 'ep-consultation-card',
  loaders: [openSpace],
  render: (args, { loaded: data }) =>
    html`<div style="max-inline-size: 44rem">${card(args, data.endpoint as string | undefined)}</div>`,
  args: {
    'consultation-id': 'street-lighting',
    layout: 'full',
    now: NOW,
    'heading-level': 2,
    'max-comment-length': 2000,
    'min-fill-time': 0,
    'no-draft': false,
  },
  argTypes: {
    endpoint: {
      control: 'text',
      description: 'Base URL of the collector. Left empty here, each story uses its own space on the dev collector.',
    },
    'consultation-id': { control: 'text' },
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
    now: {
      control: 'text',
      description: 'The card’s clock (ISO 8601). Fixed in these stories so each status stays put.',
    },
    'time-zone': { control: 'text' },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    'max-comment-length': { control: { type: 'number', min: 1 } },
    'min-fill-time': {
      control: { type: 'number', min: 0, step: 500 },
      description:
        'Milliseconds before a view counts as a person’s (default 3000). 0 in these stories: play functions click faster than people.',
    },
    'no-draft': { control: 'boolean' },
  },
} satisfies Meta<CardArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------------------

/** Before it opens: when it opens, and no form. */
export const Upcoming: Story = {
  args: { 'consultation-id': 'municipal-fees' },
  parameters: { consultation: { data: [UPCOMING] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '[part="status"]')).toBe(text.status.upcoming);
    await expect(textOf(root, '[part="time-left"]')).toBe(text.opensIn);
    await expect(textOf(root, '[part="opens-on"]')).toBe(text.opensOn);
    await expect(textOf(root, '[part="participants"]')).toBe(text.nobodyYet);
    await expect(root.querySelector('form')).toBeNull();
  },
};
export const UpcomingArabic = arabic(Upcoming, 'Upcoming (Arabic)');

/** Open: every part, the time left, and the form. */
export const Open: Story = {
  play: async (context) => {
    const { root, text, locale } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '#title')).toBe(text.title);
    await expect(textOf(root, '[part="status"]')).toBe(text.status.open);
    await expect(textOf(root, '[part="time-left"]')).toBe(text.closesIn);
    await expect(textOf(root, '[part="closes"] dd')).toBe(text.closes);
    await expect(textOf(root, '[part="promise"]')).toContain(LEVELS[locale].consultation[1]);
    await expect(textOf(root, '[part="participants"]')).toBe(text.participants);
    await expect(control(root, '[part="summary-button"]').getAttribute('aria-expanded')).toBe('true');
    await expect([...root.querySelectorAll('[part="stance"] label')].map((label) => squash(label.textContent))).toEqual(
      [...text.stances],
    );
  },
};
export const OpenArabic = arabic(Open, 'Open (Arabic)');

/** Open, in the compact layout: the summary and the form open on demand. */
export const OpenCompact: Story = {
  args: { layout: 'compact' },
  render: (args, { loaded: data }) =>
    html`<div style="max-inline-size: 22rem">${card(args, data.endpoint as string | undefined)}</div>`,
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(control(root, '[part="summary-button"]').getAttribute('aria-expanded')).toBe('false');
    await expect(root.querySelector('form')).toBeNull();
    const open = control(root, '[part="open-button"]');
    await expect(squash(open.textContent)).toBe(text.giveView);
    await userEvent.click(open);
    await waitFor(() => expect(root.querySelector('form')).toBeTruthy());
    await expect(open.getAttribute('aria-expanded')).toBe('true');
  },
};
export const OpenCompactArabic = arabic(OpenCompact, 'Open, compact (Arabic)');

/** After it closes: that it is closed, and the count. */
export const Closed: Story = {
  args: { now: AFTER },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '[part="status"]')).toBe(text.status.closed);
    await expect(textOf(root, '[part="closed"]')).toBe(text.closed);
    await expect(textOf(root, '[part="participants"]')).toBe(text.participants);
    await expect(root.querySelector('form')).toBeNull();
  },
};
export const ClosedArabic = arabic(Closed, 'Closed (Arabic)');

/** The outcome: the promise kept, what was heard (with the counts), what was decided, and the report. */
export const OutcomePublished: Story = {
  args: { 'consultation-id': 'permit-journey' },
  parameters: { consultation: { data: [OUTCOME] } },
  play: async (context) => {
    const { root, text, locale } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '[part="status"]')).toBe(text.status.outcome);
    await expect(textOf(root, '#outcome-title')).toBe(text.outcome);
    await expect(textOf(root, '[part="outcome"] [part="promise"]')).toContain(LEVELS[locale].inclusion[1]);
    await expect([...root.querySelectorAll('[part="counts"] .count')].map((row) => squash(row.textContent))).toEqual([
      ...text.counts,
    ]);
    await expect(root.querySelector('[part="report-link"]')).toBeTruthy();
  },
};
export const OutcomePublishedArabic = arabic(OutcomePublished, 'Outcome published (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Levels of participation, each with the ministry's promise (compact cards, open)
// ---------------------------------------------------------------------------------------------------------

function levelStory(level: Level): Story {
  return {
    args: { layout: 'compact' },
    parameters: { consultation: { data: [consultation({ level })] } },
    play: async (context) => {
      const { root, locale } = await cardIn(context);
      await loaded(root);
      const [name, promise] = LEVELS[locale][level];
      await expect(textOf(root, '[part="level"] dd')).toBe(name);
      await expect(textOf(root, '[part="promise"]')).toContain(promise);
    },
  };
}

export const LevelAwareness = levelStory('awareness');
export const LevelAwarenessArabic = arabic(LevelAwareness, 'Level: awareness (Arabic)');
export const LevelConsultation = levelStory('consultation');
export const LevelConsultationArabic = arabic(LevelConsultation, 'Level: consultation (Arabic)');
export const LevelInclusion = levelStory('inclusion');
export const LevelInclusionArabic = arabic(LevelInclusion, 'Level: inclusion (Arabic)');
export const LevelCollaboration = levelStory('collaboration');
export const LevelCollaborationArabic = arabic(LevelCollaboration, 'Level: collaboration (Arabic)');
export const LevelEmpowerment = levelStory('empowerment');
export const LevelEmpowermentArabic = arabic(LevelEmpowerment, 'Level: empowerment (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Types of consultation: legal (draft regulations and laws, commented on on Istitlaa) and non-legal
// ---------------------------------------------------------------------------------------------------------

/** A legal consultation: its type, and the link to read and comment on the draft on Istitlaa (another site). */
export const Legal: Story = {
  args: { 'consultation-id': 'fees-regulation' },
  parameters: { consultation: { data: [LEGAL] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '[part="type"] dd')).toBe(text.types.legal);
    const link = control<HTMLAnchorElement>(root, '[part="istitlaa-link"]');
    await expect(squash(link.textContent)).toBe(text.istitlaa);
    await expect(link.getAttribute('href')).toBe('https://istitlaa.ncc.gov.sa/');
    await expect(link.relList.contains('noopener')).toBe(true);
    await expect(root.querySelector('[part="full-link"]')).toBeNull();
  },
};
export const LegalArabic = arabic(Legal, 'Legal (Arabic)');

/** A non-legal consultation (a policy, strategy or initiative): its type, and no link to Istitlaa. */
export const NonLegal: Story = {
  parameters: { consultation: { data: [NON_LEGAL] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '[part="type"] dd')).toBe(text.types['non-legal']);
    await expect(root.querySelector('[part="istitlaa-link"]')).toBeNull();
    await expect(textOf(root, '[part="full-link"]')).toBe(text.onMinistrySite);
  },
};
export const NonLegalArabic = arabic(NonLegal, 'Non-legal (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Taking part
// ---------------------------------------------------------------------------------------------------------

/** Opposing without saying why: the summary takes focus and links to the comment. */
export const Errors: Story = {
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await chooseStance(root, 2);
    await userEvent.click(control(root, '[part~="send-button"]'));
    await waitFor(() =>
      expect([...root.querySelectorAll('.error-summary li')].map((item) => squash(item.textContent))).toEqual([
        text.commentMissing,
      ]),
    );
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.error-summary')));
    await expect(control(root, '#comment').getAttribute('aria-invalid')).toBe('true');
    await expect((await postsOf(context.loaded.endpoint as string)).length).toBe(0);
  },
};
export const ErrorsArabic = arabic(Errors, 'Errors (Arabic)');

/** A view sent: shown back, with focus, and a way to change it while open. */
export const Sent: Story = {
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await chooseStance(root, 2);
    await typeInto(context, control(root, '#comment'), text.comment);
    await userEvent.click(control(root, '[part~="send-button"]'));
    await waitFor(() => expect(textOf(root, '.your-view [role="heading"]')).toBe(text.thanks), { timeout: 3000 });
    await expect(textOf(root, '.your-view .comment')).toBe(text.comment);
    await expect(textOf(root, '[part="change-button"]')).toBe(text.change);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('.your-view')));
    const [sent] = await postsOf(context.loaded.endpoint as string);
    await expect(sent!.body.data).toEqual({
      consultationId: 'street-lighting',
      stance: 'oppose',
      comment: text.comment,
    });
  },
};
export const SentArabic = arabic(Sent, 'Sent (Arabic)');

/** A view this browser sent before: shown; "Change my view" opens the form on it, with "Keep my earlier view". */
export const ChangingView: Story = {
  parameters: { consultation: { remembered: { stance: 'support', comment: '' } } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await expect(textOf(root, '.your-view [role="heading"]')).toBe(text.yourView);
    await userEvent.click(control(root, '[part="change-button"]'));
    await waitFor(() =>
      expect(root.querySelector<HTMLInputElement>('input[name="stance"]:checked')?.value).toBe('support'),
    );
    await expect(textOf(root, '[part="keep-button"]')).toBe(text.keep);
    await chooseStance(root, 1);
    await userEvent.click(control(root, '[part~="send-button"]'));
    await waitFor(() => expect(textOf(root, '.your-view [role="heading"]')).toBe(text.thanks), { timeout: 3000 });
    const [change] = await postsOf(context.loaded.endpoint as string);
    await expect(change!.body.data.stance).toBe('neutral');
    await expect(typeof change!.body.data.replaces).toBe('string');
  },
};
export const ChangingViewArabic = arabic(ChangingView, 'Changing a view (Arabic)');

/** The collector is down (503): the view is saved on the device, then sent a moment later. */
export const SavedThenSent: Story = {
  parameters: { consultation: { submissions: [{ status: 503, body: {} }] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await loaded(root);
    await chooseStance(root, 0);
    await userEvent.click(control(root, '[part~="send-button"]'));
    await waitFor(() => expect(textOf(root, '.your-view [role="heading"]')).toBe(text.saved), { timeout: 3000 });
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.savedNote));
    await waitFor(() => expect(textOf(root, '[part="delivery"]')).toBe(text.sentNote), { timeout: 6000 });
    await expect(textOf(root, '.your-view [role="heading"]')).toBe(text.thanks);
  },
};
export const SavedThenSentArabic = arabic(SavedThenSent, 'Saved, then sent (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Loading, not found, failure, no endpoint
// ---------------------------------------------------------------------------------------------------------

export const Loading: Story = {
  parameters: { consultation: { reads: [{ hang: true }] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await waitFor(() => expect(textOf(root, '[part="loading"]')).toBe(text.loading));
  },
};
export const LoadingArabic = arabic(Loading, 'Loading (Arabic)');

export const NotFound: Story = {
  args: { 'consultation-id': 'no-such-consultation' },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await waitFor(() => expect(textOf(root, '[part="not-found"]')).toBe(text.notFound), { timeout: 3000 });
  },
};
export const NotFoundArabic = arabic(NotFound, 'Not found (Arabic)');

/** The collector fails (500): why, and "Try again", which brings the card. */
export const LoadFailure: Story = {
  parameters: { consultation: { reads: [{ status: 500, body: {} }] } },
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await waitFor(() => expect(textOf(root, '[part="error"] p')).toBe(text.failed), { timeout: 3000 });
    await userEvent.click(control(root, '[part="retry-button"]'));
    await loaded(root);
    await focusCheck(context, () => expect(root.activeElement).toBe(root.querySelector('#title')));
  },
};
export const LoadFailureArabic = arabic(LoadFailure, 'Load failure (Arabic)');

export const NoEndpoint: Story = {
  parameters: { consultation: { endpoint: false } },
  beforeEach: catchConsoleErrors,
  // Not on the docs page: there, its console message would outlive the story and land on the next one.
  tags: ['!autodocs'],
  play: async (context) => {
    const { root, text } = await cardIn(context);
    await waitFor(() => expect(textOf(root, '[part="unavailable"]')).toBe(text.unavailable));
    await sawMissingEndpointMessage('ep-consultation-card');
  },
};
export const NoEndpointArabic = arabic(NoEndpoint, 'No endpoint (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// A page of cards: the grid docs/elements.md documents (side by side on a wide screen, stacked on a phone)
// ---------------------------------------------------------------------------------------------------------

export const Grid: Story = {
  args: { layout: 'compact' },
  parameters: { consultation: { data: [UPCOMING, consultation(), OUTCOME] } },
  render: (args, { loaded: data }) => html`<style>
      .ep-consultations {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
        gap: 1.5rem;
        --ep-margin-block-end: 0; /* the grid's gap spaces the cards */
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .ep-consultations > li {
        display: grid;
      }
    </style>
    <ul class="ep-consultations">
      ${['municipal-fees', 'street-lighting', 'permit-journey'].map(
        (id) =>
          html`<li>${card(args, data.endpoint as string | undefined, { 'consultation-id': id, 'heading-level': 3 })}</li>`,
      )}
    </ul>`,
  play: async (context) => {
    const { cards, text } = await cardsIn(context);
    for (const element of cards) await loaded(element.shadowRoot!);
    await expect(cards.map((element) => textOf(element.shadowRoot!, '[part="status"]'))).toEqual([
      text.status.upcoming,
      text.status.open,
      text.status.outcome,
    ]);
  },
};
export const GridArabic = arabic(Grid, 'Grid (Arabic)');

// ---------------------------------------------------------------------------------------------------------
// Themes: the same states under the dark and high-contrast toolbar themes, so axe checks their contrast
// ---------------------------------------------------------------------------------------------------------

export const OpenDark = themed(Open, 'dark', 'Open (dark)');
export const OutcomeHighContrast = themed(
  OutcomePublished,
  'high-contrast',
  'Outcome published (high contrast, Arabic)',
  'ar',
);
export const ErrorsDark = themed(Errors, 'dark', 'Errors (dark, Arabic)', 'ar');
