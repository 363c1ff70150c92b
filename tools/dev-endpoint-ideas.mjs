// The ideas part of the dev collector (tools/dev-endpoint.mjs), in memory, per space: published ideas, read
// a page at a time as src/core/paths.ts says, and what `idea` and `idea-support` submissions do to them.
//
//   GET  /ep-dev/<space>/ideas?sort=supported|newest&limit=&topic=&cursor=  → { items, next?, total }
//   POST /ep-dev/<space>/__ideas  { "ideas": [Idea, ...] } sets the space's published ideas (tests, stories),
//                                 { "generate": 500 } makes that many plain ones
//   A space named `demo` (the demo page's) starts with sample ideas, some answered, on several topics.
//
// An `idea` is kept for review, not published (as a ministry would); an `idea-support` moves the count of the
// published idea it names by one (`support: false` back), and the answer gives the new count as `supports`.
// Both are stored once per envelope id by dev-endpoint.mjs (its idempotency), so a repeat moves nothing.

const DAY = 24 * 60 * 60 * 1000;
const TOPICS = ['digital-services', 'housing', 'public-spaces', 'roads', 'environment', 'other'];

/** The space's published ideas, created on first use. */
function ideasOf(space) {
  space.ideas ??= space.name === 'demo' ? sampleIdeas() : [];
  return space.ideas;
}

/** `POST __ideas`: the published ideas a test or a story wants. */
export function seedIdeas(space, body) {
  space.ideas = Array.isArray(body.ideas) ? body.ideas : generate(Number(body.generate) || 0);
}

function generate(count) {
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${i + 1}`,
    title: `Idea ${i + 1}`,
    description: `Description of idea ${i + 1}. `.repeat(12).trim(),
    topic: TOPICS[i % TOPICS.length],
    supports: (i * 37) % 101,
    status: 'new',
    publishedAt: new Date(start - i * DAY).toISOString(),
  }));
}

/** `GET ideas`: one page, sorted and filtered; the cursor is the offset of the next page. */
export function ideasPage(space, params) {
  const newest = params.get('sort') === 'newest';
  const topic = params.get('topic') ?? '';
  const limit = Math.min(50, Math.max(1, Number(params.get('limit')) || 10));
  const offset = Number(/^o(\d+)$/.exec(params.get('cursor') ?? '')?.[1] ?? 0);
  const time = (idea) => Date.parse(idea.publishedAt ?? '') || 0;
  const matching = ideasOf(space)
    .filter((idea) => !topic || (idea.topic?.code ?? idea.topic) === topic)
    .sort((a, b) => (newest ? 0 : (b.supports ?? 0) - (a.supports ?? 0)) || time(b) - time(a));
  const end = offset + limit;
  return { items: matching.slice(offset, end), ...(end < matching.length ? { next: `o${end}` } : {}), total: matching.length };
}

/** What an accepted submission adds to the answer: for a support, the idea's new count. */
export function acceptIdeas(space, envelope) {
  if (envelope.kind !== 'idea-support') return {};
  const idea = ideasOf(space).find((candidate) => candidate.id === envelope.data?.ideaId);
  if (!idea) return {};
  idea.supports = Math.max(0, (idea.supports ?? 0) + (envelope.data.support === false ? -1 : 1));
  return { supports: idea.supports };
}

function sampleIdeas() {
  const at = (days) => new Date(Date.UTC(2026, 10, 20) - days * DAY).toISOString();
  return [
    {
      id: 'demo-1',
      title: 'تجديد رخصة البناء إلكترونيًا دون زيارة الأمانة',
      description:
        'أقترح أن يكون تجديد رخصة البناء كله عبر منصة بلدي، مع رفع المستندات وسداد الرسوم إلكترونيًا، بدل مراجعة الأمانة حضوريًا. سيوفّر ذلك وقت المراجعين ويخفّف الازدحام في مراكز الخدمة، خاصة في مواسم الذروة قبل نهاية العام.',
      topic: 'digital-services',
      supports: 214,
      status: 'implemented',
      publishedAt: at(120),
      answer: {
        text: 'أطلقنا خدمة تجديد رخصة البناء إلكترونيًا بالكامل على منصة بلدي في أكتوبر 2026، ولم تعد زيارة الأمانة مطلوبة إلا للحالات الخاصة.',
        at: at(20),
        from: 'in-progress',
        to: 'implemented',
      },
    },
    {
      id: 'demo-2',
      title: 'مظلات ونوافير شرب في الحدائق العامة',
      description: 'كثير من الحدائق بلا ظل كافٍ في الصيف. أقترح مظلات فوق مناطق الألعاب ونوافير شرب قرب الممرات.',
      topic: 'public-spaces',
      supports: 158,
      status: 'accepted',
      publishedAt: at(60),
      answer: {
        text: 'درسنا المقترح مع الأمانات، واعتُمدت المظلات في ٤٠ حديقة ضمن خطة عام 2027.',
        at: at(10),
        from: 'under-review',
        to: 'accepted',
      },
    },
    {
      id: 'demo-3',
      title: 'Show the permit application status by SMS',
      description: 'Send a text message at each step of a building permit application, so applicants do not have to log in to check.',
      topic: 'digital-services',
      supports: 97,
      status: 'under-review',
      publishedAt: at(30),
    },
    {
      id: 'demo-4',
      title: 'خريطة تفاعلية لبلاغات الحفر في الطرق',
      description: 'خريطة تعرض البلاغات المفتوحة عن الحفر وموعد إصلاحها المتوقع، حتى لا يُكرَّر البلاغ نفسه عشرات المرات.',
      topic: 'roads',
      supports: 76,
      status: 'in-progress',
      publishedAt: at(45),
      answer: { text: 'بدأ العمل على الخريطة بالتعاون مع فريق تطبيق بلدي، ونتوقع إطلاقها في الربع الأول من 2027.', at: at(5), from: 'accepted', to: 'in-progress' },
    },
    {
      id: 'demo-5',
      title: 'حاويات لفرز النفايات القابلة لإعادة التدوير في الأحياء',
      description: 'توفير حاويات ملونة للورق والبلاستيك والزجاج في كل حي، مع حملة توعية قصيرة.',
      topic: 'environment',
      supports: 64,
      status: 'new',
      publishedAt: at(3),
    },
    {
      id: 'demo-6',
      title: 'دعم سكني أسرع للأسر الجديدة',
      description: 'تقليص مدة دراسة طلبات الدعم السكني للأسر حديثة التكوين عبر ربط البيانات مع الجهات الأخرى تلقائيًا.',
      topic: 'housing',
      supports: 41,
      status: 'not-adopted',
      publishedAt: at(90),
      answer: {
        text: 'لم نعتمد المقترح بصيغته الحالية لأن الربط المطلوب قائم أصلًا عبر منصة سكني، وأصبحت مدة الدراسة خمسة أيام عمل.',
        at: at(30),
        from: 'under-review',
        to: 'not-adopted',
      },
    },
    {
      id: 'demo-7',
      title: 'مواعيد مسائية في مراكز الخدمة',
      description: 'فتح مراكز الخدمة حتى التاسعة مساءً يومين في الأسبوع لمن لا يستطيع الحضور في ساعات الدوام.',
      topic: 'other',
      supports: 23,
      status: 'under-review',
      publishedAt: at(12),
    },
  ];
}
