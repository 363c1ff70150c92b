/**
 * The services a deployment names for the console's service filter. Page votes record no service (only
 * feedback carries the page author's `service` attribute), and a ministry's site already groups each
 * service's pages under paths (`/services/permits/…`): EP_CONSOLE_SERVICES maps path prefixes to a service,
 * named in both languages. A page is in a service when its path (of its key: the language segment already
 * taken away) is one of the service's paths or lies under it, segment by segment, so that `/services/permits`
 * takes `/services/permits/apply` and not `/services/permits-archive`.
 */

export interface Service {
  /** Its code in addresses and the API (`permits`). */
  code: string;
  name: { ar: string; en: string };
  /** Path prefixes, each starting with `/` (`/services/permits`). */
  paths: string[];
}

const NAME = 'EP_CONSOLE_SERVICES';
const EXAMPLE = `[{"code":"permits","name":{"ar":"تراخيص البناء","en":"Building permits"},"paths":["/services/permits"]}]`;

const isText = (value: unknown, most: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= most;

/** The services of EP_CONSOLE_SERVICES (a JSON list); none when unset. Throws on anything else, saying what. */
export function servicesOf(raw: string | undefined): Service[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${NAME} must be JSON like ${EXAMPLE}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${NAME} must be a JSON list like ${EXAMPLE}`);
  const services = parsed.map((item: unknown, index): Service => {
    const { code, name, paths } = (item ?? {}) as Partial<Record<keyof Service, unknown>>;
    const { ar, en } = (name ?? {}) as Record<string, unknown>;
    const at = `${NAME}[${index}]`;
    if (typeof code !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(code))
      throw new Error(`${at}: "code" must be lowercase letters, digits and - (permits)`);
    if (!isText(ar, 200) || !isText(en, 200)) throw new Error(`${at}: "name" must have "ar" and "en"`);
    if (!Array.isArray(paths) || !paths.length || !paths.every((path) => isText(path, 2048) && path.startsWith('/')))
      throw new Error(`${at}: "paths" must be a list of paths starting with / (/services/permits)`);
    return { code, name: { ar: ar.trim(), en: en.trim() }, paths: paths.map((path: string) => path.trim()) };
  });
  const codes = services.map((service) => service.code);
  const repeated = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (repeated.length) throw new Error(`${NAME}: the code "${repeated[0]}" is given twice`);
  return services;
}

/** Whether the page at `path` is in `service`. */
export function inService(path: string, service: Service): boolean {
  return service.paths.some((prefix) => {
    const bare = prefix.replace(/\/+$/, '');
    return path === bare || path.startsWith(`${bare}/`);
  });
}

/** The code of the first of `services` the page at `path` is in; null when in none. */
export function serviceOf(path: string, services: readonly Service[]): string | null {
  return services.find((service) => inService(path, service))?.code ?? null;
}
