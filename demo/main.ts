/**
 * The demo page's script: registers the elements (from source), switches the page between Arabic and
 * English, and lists the events the elements fire on `document`.
 *
 * The elements need nothing from this file to follow the language: they watch `<html lang>` themselves.
 */
import {
  EpErrorEvent,
  EpOutboxChangeEvent,
  EpOutboxDropEvent,
  EpQueuedEvent,
  EpSubmitEvent,
  EpSuccessEvent,
  flushOutbox,
  outboxSize,
  type Locale,
  type OutboxSize,
} from '../src/all.js';

const ENDPOINT = document.querySelector<HTMLMetaElement>('meta[name="ep-endpoint"]')?.content ?? '/ep-dev/demo';

const TITLES: Record<Locale, string> = {
  ar: 'بيان المشاركة الإلكترونية | وزارة الخدمات البلدية (نسخة تجريبية)',
  en: 'E-Participation Statement | Ministry of Municipal Services (demo)',
};

/** Messages for the demo's own tools, in the page's language. */
const STATUS = {
  ar: {
    failNext: 'سيفشل الإرسال التالي برمز 503، فيُحفظ على هذا الجهاز ويُعاد إرساله بعد لحظات.',
    refuseNext: 'سيرفض الخادم الإرسال التالي برمز 422 مع خطأ في حقلَي البريد الإلكتروني والرسالة.',
    failNextError: 'تعذّر ضبط خادم التطوير.',
    reset: 'نُسيت إجاباتك على هذه الصفحة، وتُعرض الأسئلة من جديد.',
    resetSupports: 'نُسي تأييدك للأفكار على هذا الجهاز.',
    cleared: 'مُسح السجل.',
  },
  en: {
    failNext: 'The next send will fail with 503: it is saved on this device and sent again in a moment.',
    refuseNext: 'The server will refuse the next send with 422 and errors on the email and message fields.',
    failNextError: 'Could not script the dev server.',
    reset: 'Your answers on this page were forgotten; the questions are shown again.',
    resetSupports: 'Your supports of ideas on this device were forgotten.',
    cleared: 'The log was cleared.',
  },
} satisfies Record<Locale, Record<string, string>>;

function currentLocale(): Locale {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ar';
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo: #${id} is missing from index.html`);
  return element as T;
}

// ------------------------------------------------------------------------------------------------ Language

const langSwitch = byId<HTMLButtonElement>('lang-switch');
const status = byId<HTMLElement>('events-status');

function applyLocale(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'ar' ? 'rtl' : 'ltr';
  document.title = TITLES[locale];
  for (const block of document.querySelectorAll<HTMLElement>('[data-locale]')) {
    block.hidden = block.dataset.locale !== locale;
  }
  // The button names the other language, in that language.
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  langSwitch.lang = other;
  langSwitch.textContent = other === 'en' ? 'English' : 'العربية';
  // A message from the demo's tools would now be in the wrong language.
  status.textContent = '';
  // Keep the choice in the address, so a reload or a shared link opens the same language.
  const url = new URL(location.href);
  if (locale === 'ar') url.searchParams.delete('lang');
  else url.searchParams.set('lang', locale);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

langSwitch.addEventListener('click', () => applyLocale(currentLocale() === 'ar' ? 'en' : 'ar'));

// index.html has already set <html lang> from `?lang=`; show the matching blocks and label the button.
applyLocale(currentLocale());

// ------------------------------------------------------------------------------------------------ Events

const log = byId<HTMLOListElement>('events-log');
const empty = byId<HTMLElement>('events-empty');

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** One line per event. Everything is written with textContent: envelope fields come from the page and the server. */
function record(type: string, kind: string, id: string, extra?: string): void {
  const item = document.createElement('li');
  item.dataset.type = type;
  const now = new Date();
  const time = document.createElement('time');
  time.className = 'event-time';
  time.dateTime = now.toISOString();
  time.textContent = timeFormat.format(now);
  item.append(time, span('event-type', type), span('event-kind', `kind: ${kind}`), span('event-id', `id: ${id}`));
  if (extra) item.append(span('event-extra', extra));
  log.append(item);
  log.scrollTop = log.scrollHeight;
  empty.hidden = true;
}

document.addEventListener(EpSubmitEvent.type, (event) => {
  const { envelope } = (event as EpSubmitEvent).detail;
  record(event.type, envelope.kind, envelope.id);
});

document.addEventListener(EpSuccessEvent.type, (event) => {
  const { envelope, response } = (event as EpSuccessEvent).detail;
  const reference = typeof response.reference === 'string' ? `reference: ${response.reference}` : undefined;
  record(event.type, envelope.kind, envelope.id, reference);
});

document.addEventListener(EpErrorEvent.type, (event) => {
  const { envelope, outcome } = (event as EpErrorEvent).detail;
  const why = outcome.type === 'failed' ? `failed: ${outcome.reason}` : `rejected: ${outcome.status}`;
  const code = outcome.status === undefined ? '' : ` (HTTP ${outcome.status})`;
  record(event.type, envelope.kind, envelope.id, outcome.type === 'failed' ? `${why}${code}` : why);
});

document.addEventListener(EpQueuedEvent.type, (event) => {
  const { envelope, outcome } = (event as EpQueuedEvent).detail;
  record(event.type, envelope.kind, envelope.id, `saved on this device after: ${outcome.reason}`);
});

document.addEventListener(EpOutboxDropEvent.type, (event) => {
  const { envelope, reason } = (event as EpOutboxDropEvent).detail;
  record(event.type, envelope.kind, envelope.id, `dropped: ${reason}`);
});

// The outbox badge: hidden while nothing waits; a click sends now.
const badge = byId<HTMLButtonElement>('outbox-badge');
function showOutbox({ entries }: OutboxSize): void {
  badge.hidden = entries === 0;
  for (const count of badge.querySelectorAll('.outbox-count'))
    count.textContent = new Intl.NumberFormat(currentLocale() === 'ar' ? 'ar-SA' : 'en').format(entries);
}
showOutbox(outboxSize());
document.addEventListener(EpOutboxChangeEvent.type, (event) => showOutbox((event as EpOutboxChangeEvent).detail));
badge.addEventListener('click', () => void flushOutbox());

function say(key: keyof (typeof STATUS)['en']): void {
  status.textContent = STATUS[currentLocale()][key];
}

byId<HTMLButtonElement>('clear-events').addEventListener('click', () => {
  log.replaceChildren();
  empty.hidden = false;
  say('cleared');
});

/** Scripts what the dev collector answers to the next POST to /submissions. */
async function scriptNextSend(
  answer: { status: number; body: unknown },
  done: keyof (typeof STATUS)['en'],
): Promise<void> {
  try {
    const response = await fetch(`${ENDPOINT.replace(/\/+$/, '')}/__script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'submissions', responses: [answer] }),
    });
    say(response.ok ? done : 'failNextError');
  } catch {
    say('failNextError');
  }
}

// The next send answers 503, so `ep-error` and the retry can be seen.
byId<HTMLButtonElement>('simulate-error').addEventListener('click', () =>
  scriptNextSend({ status: 503, body: { message: 'demo: simulated outage' } }, 'failNext'),
);

// The next send is refused with field errors, so <ep-feedback> shows them on its fields (a known code on the
// email address, in the visitor's language; the collector's own words on the message).
byId<HTMLButtonElement>('simulate-field-error').addEventListener('click', () =>
  scriptNextSend(
    {
      status: 422,
      body: {
        message: 'demo: refused',
        fieldErrors: [
          { field: 'contact.email', code: 'invalid' },
          { field: 'message', code: 'demo', message: 'The collector refused this message (demo).' },
        ],
      },
    },
    'refuseNext',
  ),
);

// The poll remembers, per page and browser, that the visitor answered, and a consultation card the view they
// gave. "Ask again" forgets both and puts fresh elements in place of the old ones, so the whole flow can be
// tried again without clearing storage by hand.
byId<HTMLButtonElement>('reset-poll').addEventListener('click', () => {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('ep-widgets:page-poll:') || key.startsWith('ep-widgets:consultation:'))
        localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked: the element could not have remembered anything either.
  }
  for (const element of document.querySelectorAll('ep-page-poll, ep-consultation-card')) {
    element.replaceWith(element.cloneNode(false));
  }
  say('reset');
});

// The idea box remembers, per browser, which ideas the visitor supports. "Forget my supports" forgets that and
// puts a fresh element in place (the collector's counts stay as they are: it was told each change).
byId<HTMLButtonElement>('reset-supports').addEventListener('click', () => {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('ep-widgets:idea-box:')) localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked: nothing was remembered either.
  }
  for (const box of document.querySelectorAll('ep-idea-box')) {
    box.replaceWith(box.cloneNode(true));
  }
  say('resetSupports');
});
