/**
 * The collector's settings, all from environment variables (documented in the README, "The reference
 * collector"). Bad values stop the collector at start with a message naming the variable.
 */
import { queryKeptFromEnv, type QueryKept } from './privacy/page-url.js';
import { retentionFromEnv, type RetentionPolicy } from './privacy/retention.js';

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
   * The proxies in front whose X-Forwarded-For names the client: their addresses or CIDRs (`10.0.0.0/8`,
   * or proxy-addr's names `loopback`, `uniquelocal`), `true` for any, or false (the default: the peer is
   * the client).
   */
  trustProxy: boolean | string;
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
  /** Seed the demo's sample data at start. */
  seed: boolean;
  /** Pages whose poll gets sample votes when seeding (the demo page's URL). */
  seedPages: string[];
  logLevel: string;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
}

const list = (raw: string | undefined): string[] => (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);

function trustProxyOf(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  // Fastify refuses hop counts (they cannot tell a proxy from a client that forged the header).
  if (/^\d+$/.test(raw)) throw new Error(`EP_TRUST_PROXY must name the proxies (addresses or CIDRs, e.g. 10.0.0.0/8), not a hop count (got "${raw}")`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const basePath = (env.EP_BASE_PATH ?? '').replace(/\/+$/, '');
  if (basePath && !/^\/[A-Za-z0-9._~\/-]*$/.test(basePath)) throw new Error(`EP_BASE_PATH must be a path like /ep (got "${basePath}")`);
  const adminToken = env.EP_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 24) throw new Error('EP_ADMIN_TOKEN must be at least 24 characters (openssl rand -hex 24)');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
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
    adminToken,
    clientKeySecretIgnored: Boolean(env.EP_CLIENT_KEY_SECRET),
    retention: retentionFromEnv(env),
    sweepIntervalMinutes: integer(env, 'EP_SWEEP_INTERVAL_MINUTES', 60),
    keepQueryString: queryKeptFromEnv(env.EP_KEEP_QUERY_STRING),
    seed: env.EP_SEED === 'demo',
    seedPages: list(env.EP_SEED_PAGES),
    logLevel: env.EP_LOG_LEVEL || 'info',
  };
}
