/** The URL a submission is filed under: stable across tracking parameters and fragments by default. */
export interface PageUrlOptions {
  /** An explicit URL set by the page author; wins over the location. */
  override?: string | null | undefined;
  /** Keep the query string (never the fragment). */
  includeQuery?: boolean;
}

export function canonicalPageUrl(href: string, options: PageUrlOptions = {}): string {
  const url = new URL(options.override?.trim() || href, href);
  url.hash = '';
  if (!options.includeQuery) url.search = '';
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
