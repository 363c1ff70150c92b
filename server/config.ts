/**
 * The collector's settings, all from environment variables (documented in server/README.md,
 * "The reference collector"). Bad values stop the collector at start with a message naming the variable.
 */
import { queryKeptFromEnv, type QueryKept } from './privacy/page-url.js';
import { retentionFromEnv, type RetentionPolicy } from './privacy/retention.js';
import { isIP } from 'node:net';
import { servicesOf, type Service } from './console/insights/services.js';

export interface Config {
  host: string;
  port: number;
  /** Where the contract is served: the elements' endpoint is `{origin}{basePath}`. '' or `/ep`. */
  basePath: string;
  /** PostgreSQL when set (`postgres://user:password@host:5432/db`); SQLite otherwise. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  pgPoolMax: number;
  /** Origins allowed to call from a browser (CORS); `*` for any. Empty: same origin only. */
  allowedOrigins: string[];
  /** Request headers allowed from those origins, besides `content-type` and `idempotency-key`. */
  allowedHeaders: string[];
  bodyLimit: number;
  /** Requests per client per minute: submissions, reads. 0 turns the limit off. */
  rateLimit: { submissions: number; reads: number; admin: number };
  /**
   * Whose X-Forwarded-For names the client: the proxies in front, by address or CIDR (`10.0.0.0/8`, or
   * proxy-addr's names `loopback`, `linklocal`, `uniquelocal`), or how many proxies stand in front (a hop
   * count: the client is the address that many hops back); false (the default): the peer is the client.
   */
  trustProxy: false | number | string[];
  /** Milliseconds a client has to send its whole request, headers and body (408 after). */
  requestTimeout: number;
  /** The bearer token of `GET /metrics`; without one, that path does not exist. */
  metricsToken: string | undefined;
  /** The admin bearer token; without one, the admin paths do not exist. */
  adminToken: string | undefined;
  /**
   * EP_CLIENT_KEY_SECRET was set. It is ignored (main.ts warns): the client hash's key is random per day and
   * kept only for that day (privacy/day-keys.ts); a kept secret would let its holder reverse the hashes.
   */
  clientKeySecretIgnored: boolean;
  /** How long each kind's data is kept (privacy/retention.ts). */
  retention: RetentionPolicy;
  /** Minutes between the in-process retention sweeps; 0: none (run `npm run collector:sweep` from cron). */
  sweepIntervalMinutes: number;
  /** Which query parameters of page URLs are stored (privacy/page-url.ts); the default keeps none. */
  keepQueryString: QueryKept;
  /** The console's sessions (console/auth/): hours from sign-in to their end, and minutes idle before it. */
  consoleSession: { hours: number; idleMinutes: number };
  /** Seed the demo's sample data at start. */
  seed: boolean;
  /** Pages whose poll gets sample votes when seeding (the demo page's URL). */
  seedPages: string[];
  /**
   * Path segments that name a page's language (`ar,en`): the console counts `/ar/x` and `/en/x` as one page
   * (console/insights/page-key.ts). Empty (the default): every stored URL is a page of its own.
   */
  consolePageLanguages: string[];
  /** The services the console's pages can be filtered by, each a set of path prefixes (EP_CONSOLE_SERVICES). */
  consoleServices: Service[];
  /** Where the console sends reply notes by email; undefined (no EP_SMTP_HOST): replies are only recorded. */
  smtp: SmtpConfig | undefined;
  logLevel: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /**
   * `tls`: TLS from the first byte (port 465); `starttls` (the default): STARTTLS required, so a server that
   * does not offer it is refused rather than spoken to in the clear; `none`: no TLS, for a relay on the same
   * host or private network only.
   */
  security: 'tls' | 'starttls' | 'none';
  /** Both or neither: without them, no authentication (a relay that trusts the collector's address). */
  user: string | undefined;
  password: string | undefined;
  /** The ministry's address replies come from: `noreply@example.gov.sa` or `Ministry <noreply@example.gov.sa>`. */
  from: string;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new Error(`${name} must be a whole number ${range} (got "${raw}")`);
  }
  return value;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`, or one of proxy-addr's names. */
function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.has(item)) return true;
  const [address, bits, ...rest] = item.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP =
  'write the addresses or CIDR ranges of the proxies in front (e.g. EP_TRUST_PROXY=10.0.0.0/8,127.0.0.1), ' +
  'or how many proxies stand in front (e.g. EP_TRUST_PROXY=1)';

function trustProxyOf(raw: string | undefined): false | number | string[] {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  // `true` would take the leftmost X-Forwarded-For address, which any client can write: the rate limit
  // and the client hash would be theirs to choose.
  if (value === 'true')
    throw new Error(`EP_TRUST_PROXY=true would let any client choose its own address; ${TRUST_PROXY_HELP}`);
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (!Number.isSafeInteger(hops)) throw new Error(`EP_TRUST_PROXY: ${TRUST_PROXY_HELP} (got "${raw}")`);
    return hops;
  }
  const items = list(value);
  const bad = items.filter((item) => !isProxyAddress(item));
  if (bad.length > 0)
    throw new Error(`EP_TRUST_PROXY: "${bad.join('", "')}" is not an address or a CIDR range; ${TRUST_PROXY_HELP}`);
  return items;
}

/** A language segment is one path segment: letters, digits and `-` (`ar`, `en`, `zh-hans`). */
function consolePageLanguagesOf(raw: string | undefined): string[] {
  const segments = list(raw);
  const bad = segments.filter((segment) => !/^[A-Za-z0-9-]+$/.test(segment));
  if (bad.length) {
    throw new Error(`EP_CONSOLE_PAGE_LANGUAGES: "${bad.join('", "')}" is not a path segment like ar or en`);
  }
  return segments;
}

const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;

function smtpOf(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const host = env.EP_SMTP_HOST?.trim();
  if (!host) return undefined;
  const security = (env.EP_SMTP_SECURITY || 'starttls') as SmtpConfig['security'];
  if (!SMTP_SECURITY.includes(security))
    throw new Error(`EP_SMTP_SECURITY must be tls, starttls or none (got "${env.EP_SMTP_SECURITY}")`);
  const user = env.EP_SMTP_USER || undefined;
  const password = env.EP_SMTP_PASSWORD || undefined;
  if ((user === undefined) !== (password === undefined))
    throw new Error('EP_SMTP_USER and EP_SMTP_PASSWORD go together: set both, or neither for a relay without sign-in');
  const from = env.EP_SMTP_FROM?.trim() ?? '';
  if (!/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(from))
    throw new Error(`EP_SMTP_FROM must be the address replies come from, like noreply@example.gov.sa (got "${from}")`);
  return {
    host,
    port: integer(env, 'EP_SMTP_PORT', security === 'tls' ? 465 : 587, 1, 65_535),
    security,
    user,
    password,
    from,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const basePath = (env.EP_BASE_PATH ?? '').replace(/\/+$/, '');
  if (basePath && !/^\/[A-Za-z0-9._~/-]*$/.test(basePath))
    throw new Error(`EP_BASE_PATH must be a path like /ep (got "${basePath}")`);
  const adminToken = env.EP_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 24)
    throw new Error('EP_ADMIN_TOKEN must be at least 24 characters (openssl rand -hex 24)');
  const metricsToken = env.EP_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 24)
    throw new Error('EP_METRICS_TOKEN must be at least 24 characters (openssl rand -hex 24)');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('DATABASE_URL must be a postgres:// URL');
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8787),
    basePath,
    databaseUrl,
    sqlitePath: env.EP_SQLITE_PATH || 'data/collector.sqlite',
    pgPoolMax: integer(env, 'EP_PG_POOL_MAX', 10, 1),
    allowedOrigins: list(env.EP_ALLOWED_ORIGINS),
    allowedHeaders: list(env.EP_ALLOWED_HEADERS).map((header) => header.toLowerCase()),
    bodyLimit: integer(env, 'EP_BODY_LIMIT', 64 * 1024, 1024),
    rateLimit: {
      submissions: integer(env, 'EP_RATE_LIMIT', 120),
      reads: integer(env, 'EP_RATE_LIMIT_READS', 600),
      admin: integer(env, 'EP_RATE_LIMIT_ADMIN', 120),
    },
    trustProxy: trustProxyOf(env.EP_TRUST_PROXY),
    requestTimeout: integer(env, 'EP_REQUEST_TIMEOUT_MS', 15_000, 100),
    adminToken,
    clientKeySecretIgnored: Boolean(env.EP_CLIENT_KEY_SECRET),
    retention: retentionFromEnv(env),
    // At most a little under 25 days: a longer timer overflows Node's 32-bit delay and would fire every millisecond.
    sweepIntervalMinutes: integer(env, 'EP_SWEEP_INTERVAL_MINUTES', 60, 0, 35_791),
    keepQueryString: queryKeptFromEnv(env.EP_KEEP_QUERY_STRING),
    metricsToken,
    consoleSession: {
      hours: integer(env, 'EP_CONSOLE_SESSION_HOURS', 12, 1, 720),
      idleMinutes: integer(env, 'EP_CONSOLE_IDLE_MINUTES', 30, 1, 1440),
    },
    seed: env.EP_SEED === 'demo',
    seedPages: list(env.EP_SEED_PAGES),
    consolePageLanguages: consolePageLanguagesOf(env.EP_CONSOLE_PAGE_LANGUAGES),
    consoleServices: servicesOf(env.EP_CONSOLE_SERVICES),
    smtp: smtpOf(env),
    logLevel: env.EP_LOG_LEVEL || 'info',
  };
}
