/**
 * The page URL a submission is stored under. A query string can carry personal data (a national id, an
 * email, a session token a portal put there), so it is dropped at the collector unless the deployment
 * allows it (EP_KEEP_QUERY_STRING): all of it, or only the parameters it names. The fragment never
 * reaches a server from a browser; one sent by hand is dropped too. The tally is read through the same
 * function, so a page is counted and read under one key whatever its element sends.
 */

/** `true`: keep every parameter; a list: keep those parameters; `false`: keep none. */
export type QueryKept = boolean | readonly string[];

export function queryKeptFromEnv(raw: string | undefined): QueryKept {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.length)
    throw new Error(`EP_KEEP_QUERY_STRING must be true, false or parameter names separated by commas (got "${raw}")`);
  return names;
}

function nameOf(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The URL without its fragment and without the query parameters not kept (the rest byte for byte). */
export function keptPageUrl(url: string, kept: QueryKept): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  if (question === -1 || kept === true) return withoutFragment;
  const base = withoutFragment.slice(0, question);
  if (kept === false) return base;
  const pairs = withoutFragment
    .slice(question + 1)
    .split('&')
    .filter((pair) => pair !== '' && kept.includes(nameOf(pair)));
  return pairs.length ? `${base}?${pairs.join('&')}` : base;
}
