/** The one shape every element submits. A collector can store all kinds in one table. */
import type { Locale } from '../language/locale.js';
import { canonicalPageUrl, type PageUrlOptions } from './page-url.js';
import { uuid } from './uuid.js';

export { canonicalPageUrl, type PageUrlOptions };

export interface PageInfo {
  /** Canonical URL: origin and path, without query string or fragment unless the author opts in. */
  url: string;
  title: string;
  /** The page's own `<html lang>`, which may differ from the locale the element rendered in. */
  lang: string;
}

export interface Envelope<D = Record<string, unknown>> {
  /** UUID; also sent as the `Idempotency-Key` header. */
  id: string;
  /** What was submitted: `page-vote`, `page-vote-details`, ... */
  kind: string;
  page: PageInfo;
  /** The language the visitor saw the element in. */
  locale: Locale;
  /** ISO 8601 time at which the visitor submitted. */
  submittedAt: string;
  /** Version of the privacy notice the visitor was shown. */
  privacyNotice: string;
  data: D;
}

export interface EnvelopeInput<D> {
  kind: string;
  data: D;
  locale: Locale;
  privacyNotice: string;
  page?: PageUrlOptions;
  /** Injected for tests. */
  now?: () => Date;
  doc?: Document;
}

export function createEnvelope<D>(input: EnvelopeInput<D>): Envelope<D> {
  const doc = input.doc ?? document;
  return {
    id: uuid(),
    kind: input.kind,
    page: {
      url: canonicalPageUrl(doc.location?.href ?? doc.URL, input.page),
      title: doc.title,
      lang: doc.documentElement.lang,
    },
    locale: input.locale,
    submittedAt: (input.now?.() ?? new Date()).toISOString(),
    privacyNotice: input.privacyNotice,
    data: input.data,
  };
}
