/**
 * The console's addresses, in the URL's fragment (`#/pages?order=most-useful`): the collector serves one
 * page, and Back, Forward, bookmarks and reloads keep the screen and its filters.
 */

export type ScreenName =
  | 'pages'
  | 'page'
  | 'notes'
  | 'note'
  | 'cases'
  | 'case'
  | 'panel'
  | 'ideas'
  | 'consultations'
  | 'consultation'
  | 'accounts'
  | 'not-found';

export interface Route {
  screen: ScreenName;
  /** The fragment's query: filters, the page's key, the note's id, the case's reference. */
  params: URLSearchParams;
}

const SCREENS: Record<string, ScreenName> = {
  '': 'pages',
  '/': 'pages',
  '/pages': 'pages',
  '/page': 'page',
  '/notes': 'notes',
  '/note': 'note',
  '/cases': 'cases',
  '/case': 'case',
  '/panel': 'panel',
  '/accounts': 'accounts',
  '/ideas': 'ideas',
  '/consultations': 'consultations',
  '/consultation': 'consultation',
};

export function routeOf(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  return { screen: SCREENS[path] ?? 'not-found', params: new URLSearchParams(query) };
}

export const currentRoute = (): Route => routeOf(location.hash);

/** A link's `href` to a screen, with its parameters (empty ones left out). */
export function href(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(name, `${value}`);
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Goes to `target` (an `href`); the app hears the `hashchange` and shows the screen. */
export function navigate(target: string): void {
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}
