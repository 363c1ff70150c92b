/** What the console sign-in tests share: accounts made directly in the store, and signed-in requests. */
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { addAccount, type Role } from '../console/auth/accounts.js';
import type { Store } from '../store/types.js';

export const API = '/console/api';
export const PASSWORD = 'a long enough passphrase';

export async function account(store: Store, name: string, role: Role, password = PASSWORD): Promise<void> {
  assert.ok(await addAccount(store, { name, role, password }, new Date()), `account ${name} added`);
}

export interface Signed {
  cookie: string;
  csrf: string;
  /** A request as this session's browser makes it (cookie, and the CSRF token on changes). */
  inject(options: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse>;
}

export function signIn(app: FastifyInstance, name: string, password = PASSWORD, remoteAddress = '192.0.2.10') {
  return app.inject({ method: 'POST', url: `${API}/session`, remoteAddress, payload: { name, password } });
}

export async function signedIn(app: FastifyInstance, name: string, password = PASSWORD): Promise<Signed> {
  const answer = await signIn(app, name, password);
  assert.equal(answer.statusCode, 200, answer.body);
  const cookie = answer.cookies.find((c) => c.name === 'ep_console_session')!;
  const csrf = answer.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie: cookie.value,
    csrf,
    inject: (options) =>
      app.inject({
        ...options,
        cookies: { ep_console_session: cookie.value },
        headers: { ...(options.method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...(options.headers ?? {}) },
      }),
  };
}

export async function auditRows(
  sql: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<Array<{ actor: string; action: string; target: string | null; detail: string | null; status: number }>> {
  return (
    await sql("SELECT actor, action, target, detail, status FROM audit_log WHERE action LIKE 'console.%' ORDER BY seq")
  ).map((row) => ({
    actor: String(row.actor),
    action: String(row.action),
    target: row.target === null ? null : String(row.target),
    detail: row.detail === null ? null : String(row.detail),
    status: Number(row.status),
  }));
}

/** Every route of the app and its methods, read from Fastify's route tree (`printRoutes`). */
export function routesOf(app: FastifyInstance): Array<{ url: string; methods: string[] }> {
  const stack: string[] = [];
  const routes: Array<{ url: string; methods: string[] }> = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack[depth] = (stack[depth - 1] ?? '') + match[2]!;
    stack.length = depth + 1;
    if (match[3]) routes.push({ url: stack[depth]!, methods: match[3].split(', ') });
  }
  return routes;
}
