/** The URL a submission is filed under: stable across tracking parameters and fragments by default. */
export interface PageUrlOptions {
  /** An explicit URL set by the page author; wins over the location. */
  override?: string | null | undefined;
  /** Keep the query string (never the fragment). */
  includeQuery?: boolean;
}

/** The last URL made, with what it was made of: a page of many elements asks for the same one each time. */
let last: { href: string; override: string | null | undefined; includeQuery: boolean; url: string } | undefined;

export function canonicalPageUrl(href: string, options: PageUrlOptions = {}): string {
  const { override, includeQuery = false } = options;
  if (last?.href === href && last.override === override && last.includeQuery === includeQuery) return last.url;
  const url = new URL(override?.trim() || href, href);
  url.hash = '';
  if (!includeQuery) url.search = '';
  last = { href, override, includeQuery, url: url.href };
  return url.href;
}

/** What an element's page key depends on: its document and its page-url / include-query options. */
export interface PageKeyOptions {
  readonly ownerDocument: Document;
  readonly pageUrl?: string | undefined;
  readonly includeQuery: boolean;
}

/** The URL an element's answers are filed under (also its key in the tally and in storage). */
export function pageKeyOf(host: PageKeyOptions): string {
  return canonicalPageUrl(host.ownerDocument.location.href, {
    override: host.pageUrl,
    includeQuery: host.includeQuery,
  });
}
