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
