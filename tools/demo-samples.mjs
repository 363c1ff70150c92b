// The demo's sample data, shared by the in-memory dev collector (tools/dev-endpoint*.mjs) and the reference
// collector's seed (server/seed.ts), so that `npm start` shows the same ideas and consultations on either.

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString();

/** The demo's three consultations, dated around `now`: one upcoming, one open, one closed with its outcome. */
export function sampleConsultations(now) {
  return [
    {
      id: 'municipal-fees-regulation',
      title: { en: 'Draft regulation on municipal service fees', ar: 'مشروع لائحة رسوم الخدمات البلدية' },
      summary: {
        en: 'The draft sets out which municipal services carry a fee, how fees are calculated, and who is exempt.\nIt replaces the fee schedules that each municipality publishes today with one schedule for the Kingdom.',
        ar: 'يحدّد المشروع الخدمات البلدية الخاضعة للرسوم، وطريقة احتسابها، والفئات المعفاة منها.\nويستبدل جداول الرسوم التي تنشرها كل أمانة حاليًا بجدول موحّد على مستوى المملكة.',
      },
      department: { en: 'General Directorate of Municipal Revenues', ar: 'الإدارة العامة للإيرادات البلدية' },
      // A draft regulation: a legal consultation, read and commented on on Istitlaa.
      type: 'legal',
      istitlaaUrl: 'https://istitlaa.ncc.gov.sa/',
      level: 'consultation',
      opensAt: iso(now + 5 * DAY),
      closesAt: iso(now + 35 * DAY),
      participants: 0,
      documents: [
        { title: { en: 'Draft regulation (PDF)', ar: 'مشروع اللائحة (PDF)' }, url: 'https://istitlaa.ncc.gov.sa/' },
      ],
    },
    {
      id: 'shaded-walkways',
      title: { en: 'Shaded walkways in residential neighbourhoods', ar: 'ممرات مظللة في الأحياء السكنية' },
      summary: {
        en: 'We propose shading the main walkways of residential neighbourhoods with trees and canopies, starting with the walkways that lead to schools and mosques.\nTell us whether you support the proposal and what would make it work in your neighbourhood.',
        ar: 'نقترح تظليل الممرات الرئيسة في الأحياء السكنية بالأشجار والمظلات، بدءًا بالممرات المؤدية إلى المدارس والمساجد.\nأخبرنا هل تؤيد المقترح، وما الذي يُنجحه في حيّك.',
      },
      department: {
        en: 'Innovation Lab, General Directorate of Customer Experience',
        ar: 'معمل الابتكار، الإدارة العامة لتجربة العملاء',
      },
      type: 'non-legal',
      level: 'collaboration',
      opensAt: iso(now - 10 * DAY),
      closesAt: iso(now + 3 * DAY + 6 * 60 * 60 * 1000),
      participants: 1284,
      documents: [
        {
          title: { en: 'The proposal', ar: 'المقترح' },
          url: 'https://example.gov.sa/consultations/shaded-walkways.pdf',
        },
        {
          title: { en: 'Map of the first neighbourhoods', ar: 'خريطة الأحياء الأولى' },
          url: 'https://example.gov.sa/consultations/shaded-walkways-map.pdf',
        },
      ],
    },
    {
      id: 'building-permit-journey',
      title: {
        en: 'A simpler building permit: the redesigned service journey',
        ar: 'رخصة بناء أيسر: رحلة الخدمة بعد إعادة تصميمها',
      },
      summary: {
        en: 'We tested a redesigned journey for building permits with applicants, engineering offices and inspectors, and asked what should change before it is launched.',
        ar: 'اختبرنا رحلة مُعاد تصميمها لرخص البناء مع المتقدمين والمكاتب الهندسية والمراقبين، وسألناهم عمّا ينبغي تغييره قبل إطلاقها.',
      },
      department: {
        en: 'Innovation Lab, General Directorate of Customer Experience',
        ar: 'معمل الابتكار، الإدارة العامة لتجربة العملاء',
      },
      type: 'non-legal',
      level: 'inclusion',
      opensAt: iso(now - 60 * DAY),
      closesAt: iso(now - 30 * DAY),
      participants: 1180,
      outcome: {
        publishedAt: iso(now - 7 * DAY),
        heard: {
          en: 'Most of you support the new journey. Many asked for one place to upload all documents, and engineering offices asked to see the inspector’s comments before a visit.',
          ar: 'أيّد معظمكم الرحلة الجديدة. وطلب كثيرون مكانًا واحدًا لرفع جميع المستندات، وطلبت المكاتب الهندسية الاطلاع على ملاحظات المراقب قبل الزيارة.',
        },
        counts: { support: 842, neutral: 131, oppose: 207 },
        decided: {
          en: 'The new journey launches with a single upload step, and inspectors’ comments are shared with the engineering office two days before each visit.',
          ar: 'تنطلق الرحلة الجديدة بخطوة واحدة لرفع المستندات، وتُرسَل ملاحظات المراقبين إلى المكتب الهندسي قبل كل زيارة بيومين.',
        },
        url: 'https://example.gov.sa/consultations/building-permit-journey-report.pdf',
      },
    },
  ];
}

/** The demo's published ideas on several topics, some answered (topics by code). */
export function sampleIdeas() {
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
      description:
        'Send a text message at each step of a building permit application, so applicants do not have to log in to check.',
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
      answer: {
        text: 'بدأ العمل على الخريطة بالتعاون مع فريق تطبيق بلدي، ونتوقع إطلاقها في الربع الأول من 2027.',
        at: at(5),
        from: 'accepted',
        to: 'in-progress',
      },
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
