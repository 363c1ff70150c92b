/**
 * Which stored page URLs count as one page. A deployment that publishes each page under a language segment
 * (`/ar/permits` and `/en/permits`) lists those segments in EP_CONSOLE_PAGE_LANGUAGES; a page's key is then its
 * URL without a leading one of them (`https://host/permits`). With none listed, the key is the URL as stored.
 */

/** The key of a stored page URL. */
export function pageKey(url: string, segments: readonly string[]): string {
  if (!segments.length) return url;
  const parsed = safeUrl(url);
  if (!parsed) return url;
  const [, first, ...rest] = parsed.pathname.split('/');
  if (first === undefined || !segments.includes(first)) return url;
  parsed.pathname = `/${rest.join('/')}`;
  return parsed.href;
}

/** The stored URLs that may have `key` as theirs: the key itself and each language segment put in front of its path. */
export function urlsOfKey(key: string, segments: readonly string[]): string[] {
  const parsed = safeUrl(key);
  if (!segments.length || !parsed) return [key];
  const urls = [key];
  for (const segment of segments) {
    const withSegment = new URL(parsed.href);
    withSegment.pathname = `/${segment}${parsed.pathname}`;
    urls.push(withSegment.href);
    // `/ar` alone (no trailing slash) is the language's home page, whose key is `/`.
    if (parsed.pathname === '/') urls.push(withSegment.href.replace(`/${segment}/`, `/${segment}`));
  }
  return urls.filter((url) => pageKey(url, segments) === key);
}

/** The path of a key, for the path-prefix filter (the key itself when it is not a URL). */
export function pathOf(key: string): string {
  const parsed = safeUrl(key);
  return parsed ? parsed.pathname : key;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
