/**
 * Feedback messages for the console's demo: what visitors of the sample site wrote over the last weeks, in
 * Arabic and English, on its service pages, some with contact details, so that the triage screens have cases
 * to answer. Stored as the feedback form sends them (each opens its case); seeded once, beside the votes.
 */
import { DEMO_HOST } from './demo-data.js';
import { acceptOne } from './insights/seed-votes.js';
import type { Store } from '../store/types.js';

type Lang = 'ar' | 'en';

const TYPES: Record<string, Record<Lang, string>> = {
  complaint: { ar: 'شكوى', en: 'Complaint' },
  suggestion: { ar: 'اقتراح', en: 'Suggestion' },
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  thanks: { ar: 'شكر', en: 'Thanks' },
};

interface DemoMessage {
  path: string;
  lang: Lang;
  type: keyof typeof TYPES;
  message: string;
  contact?: { name: string; email?: string; mobile?: string };
}

const MESSAGES: DemoMessage[] = [
  {
    path: 'services/building-permits/apply',
    lang: 'ar',
    type: 'complaint',
    message: 'رفعت طلب رخصة البناء قبل ثلاثة أسابيع ولم يتغير وضعه عن «قيد المراجعة». متى يصلني رد؟',
    contact: { name: 'عبدالله الحربي', email: 'abdullah@example.sa' },
  },
  {
    path: 'services/building-permits/fees',
    lang: 'en',
    type: 'inquiry',
    message: 'Are the permit fees different for a villa and for a small extension? The table only lists one amount.',
    contact: { name: 'Sam Carter', email: 'sam.carter@example.com' },
  },
  {
    path: 'services/business-licence/renew',
    lang: 'ar',
    type: 'suggestion',
    message: 'أقترح إرسال تذكير قبل انتهاء الرخصة بشهر، فقد دفعت غرامة تأخير لأنني نسيت موعد التجديد.',
  },
  {
    path: 'services/business-licence',
    lang: 'en',
    type: 'complaint',
    message: 'The renewal page logs me out every time I upload the lease contract.',
    contact: { name: 'Priya Nair', mobile: '+966551234567' },
  },
  {
    path: 'services/complaints',
    lang: 'ar',
    type: 'complaint',
    message: 'لا يوجد خيار لإرفاق صورة مع البلاغ عن الحفرة أمام المنزل.',
    contact: { name: 'نورة القحطاني', mobile: '+966509876543' },
  },
  { path: 'contact', lang: 'ar', type: 'inquiry', message: 'ما أوقات عمل مركز خدمة العملاء في رمضان؟' },
  {
    path: 'services/building-permits',
    lang: 'ar',
    type: 'thanks',
    message: 'شكرًا على تبسيط خطوات التقديم، أنجزت الطلب من الجوال في عشر دقائق.',
  },
  {
    path: 'faq',
    lang: 'en',
    type: 'suggestion',
    message: 'Please add an answer about what happens if an application is rejected and how to appeal.',
  },
  {
    path: 'accessibility',
    lang: 'ar',
    type: 'complaint',
    message: 'قارئ الشاشة لا يقرأ أزرار اختيار الموعد في صفحة الحجز.',
    contact: { name: 'خالد العتيبي', email: 'khalid.o@example.sa' },
  },
  {
    path: 'e-participation',
    lang: 'en',
    type: 'inquiry',
    message: 'How can I find out what was decided in the consultation on public parks that closed last month?',
  },
  { path: 'open-data', lang: 'ar', type: 'suggestion', message: 'نرجو نشر بيانات الرخص بصيغة CSV وليس PDF فقط.' },
  {
    path: 'services/business-licence/renew',
    lang: 'en',
    type: 'complaint',
    message: 'I paid the renewal fee twice by mistake. Who do I contact for a refund?',
    contact: { name: 'Omar Haddad', email: 'omar.haddad@example.com' },
  },
];

/** Each message's `data`, as the feedback form sends it, with its page and language. */
export const demoMessages = (): Array<{ url: string; lang: Lang; data: Record<string, unknown> }> =>
  MESSAGES.map(({ path, lang, type, message, contact }) => ({
    url: `${DEMO_HOST}/${lang}/${path}`,
    lang,
    data: { type: { code: type, label: TYPES[type]![lang] }, message, ...(contact && { contact, consent: true }) },
  }));

/** Seeds the messages once (not when a sample-site page has feedback already), one every three days up to `now`. */
export async function seedDemoMessages(store: Store, now = new Date()): Promise<number> {
  const [row] = await store.all<{ n: number | string }>({
    sql: "SELECT count(*) AS n FROM submissions WHERE kind = 'feedback' AND page_url LIKE ?",
    params: [`${DEMO_HOST}/%`],
  });
  if (Number(row?.n ?? 0) > 0) return 0;
  const messages = demoMessages();
  for (const [index, { url, lang, data }] of messages.entries()) {
    const at = new Date(now.getTime() - (messages.length - index) * 3 * 86_400_000);
    await acceptOne(store, 'feedback', 'FB', { url, lang }, data, at);
  }
  return messages.length;
}
