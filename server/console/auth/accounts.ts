/**
 * Console accounts in the store: a name (kept in lower case, so unique whatever its case), a display name,
 * a role, a scrypt hash, a disabled flag. The same statements for SQLite and PostgreSQL.
 */
import type { Statement, Store } from '../../store/types.js';
import { hashPassword } from './password.js';

export const ROLES = ['viewer', 'moderator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` may do what `needed` allows (the roles are ordered, each allowing the one before). */
export const allows = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** Letters, digits, `.`, `_`, `-`; 1 to 64 characters. Kept in lower case. */
export const isAccountName = (value: string): boolean => /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(value);
export const canonicalName = (value: string): string => value.toLowerCase();

export interface Account {
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface AccountRow {
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number | string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'name, display_name, role, password_hash, disabled, created_at, updated_at';

const accountOf = (row: AccountRow): Account => ({
  name: row.name,
  displayName: row.display_name,
  role: row.role,
  disabled: Number(row.disabled) === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The account and its hash (for signing in), or undefined. */
export async function findAccount(
  store: Store,
  name: string,
): Promise<(Account & { passwordHash: string }) | undefined> {
  const [row] = await store.all<AccountRow>({
    sql: `SELECT ${COLUMNS} FROM console_accounts WHERE name = ?`,
    params: [canonicalName(name)],
  });
  return row ? { ...accountOf(row), passwordHash: row.password_hash } : undefined;
}

export async function listAccounts(store: Store): Promise<Account[]> {
  return (
    await store.all<AccountRow>({ sql: `SELECT ${COLUMNS} FROM console_accounts ORDER BY name`, params: [] })
  ).map(accountOf);
}

export interface NewAccount {
  name: string;
  displayName?: string | undefined;
  role: Role;
  password: string;
}

/** Creates an account; undefined when the name is taken (in any case). */
export async function addAccount(store: Store, input: NewAccount, now: Date): Promise<Account | undefined> {
  const name = canonicalName(input.name);
  if (await findAccount(store, name)) return undefined;
  const at = now.toISOString();
  const hash = await hashPassword(input.password);
  await store.batch([
    {
      sql: `INSERT INTO console_accounts (${COLUMNS}) VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (name) DO NOTHING`,
      params: [name, input.displayName?.trim() || input.name, input.role, hash, at, at],
    },
  ]);
  const added = await findAccount(store, name);
  return added && publicAccount(added);
}

export interface AccountChange {
  role?: Role | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
  displayName?: string | undefined;
}

/** Enabled administrators other than `name`: an account may lose that role only while another keeps it. */
const OTHER_ADMINISTRATORS =
  "SELECT count(*) AS n FROM console_accounts WHERE role = 'administrator' AND disabled = 0 AND name <> ?";

/**
 * On PostgreSQL, changes that may take an administrator away wait for one another (the lock ends with the
 * transaction): two administrators demoting each other at once would otherwise each see the other as the one
 * left. SQLite runs one transaction at a time already.
 */
const ADMINISTRATORS_LOCK = "SELECT pg_advisory_xact_lock(hashtext('ep-console-administrators'))";

export type ChangeResult = { account: Account } | { missing: true } | { lastAdministrator: true };

export async function changeAccount(
  store: Store,
  name: string,
  change: AccountChange,
  now: Date,
): Promise<ChangeResult> {
  const current = await findAccount(store, name);
  if (!current) return { missing: true };
  const demoted = change.role !== undefined && change.role !== 'administrator';
  const takesAdministrator =
    current.role === 'administrator' && !current.disabled && (demoted || change.disabled === true);
  if (takesAdministrator) {
    const [row] = await store.all<{ n: number | string }>({ sql: OTHER_ADMINISTRATORS, params: [current.name] });
    if (Number(row?.n ?? 0) === 0) return { lastAdministrator: true };
  }
  const sets: string[] = [];
  const params: (string | number)[] = [];
  const set = (column: string, value: string | number) => (sets.push(`${column} = ?`), params.push(value));
  if (change.role !== undefined) set('role', change.role);
  if (change.disabled !== undefined) set('disabled', change.disabled ? 1 : 0);
  if (change.displayName !== undefined) set('display_name', change.displayName.trim() || current.name);
  if (change.password !== undefined) set('password_hash', await hashPassword(change.password));
  const at = now.toISOString();
  set('updated_at', at);
  // Checked again in the write itself, after the lock: the check above may have raced another change.
  const stillAnother = takesAdministrator ? ` AND EXISTS (${OTHER_ADMINISTRATORS.replace('count(*) AS n', '1')})` : '';
  const statements: Statement[] = [
    ...(takesAdministrator && store.dialect === 'postgres' ? [{ sql: ADMINISTRATORS_LOCK, params: [] }] : []),
    {
      sql: `UPDATE console_accounts SET ${sets.join(', ')} WHERE name = ?${stillAnother}`,
      params: [...params, current.name, ...(takesAdministrator ? [current.name] : [])],
    },
  ];
  // A disabled account, a new password or a new role: its sessions end (the role is read again at sign-in),
  // once the change above was made.
  if (change.disabled || change.password !== undefined || change.role !== undefined) {
    statements.push({
      sql: 'DELETE FROM console_sessions WHERE account = ? AND EXISTS (SELECT 1 FROM console_accounts WHERE name = ? AND updated_at = ?)',
      params: [current.name, current.name, at],
    });
  }
  await store.batch(statements);
  const changed = await findAccount(store, current.name);
  if (!changed) return { missing: true };
  if (takesAdministrator && changed.role === 'administrator' && !changed.disabled) return { lastAdministrator: true };
  return { account: publicAccount(changed) };
}

/** An account without its hash, as the API answers. */
export const publicAccount = ({ name, displayName, role, disabled, createdAt, updatedAt }: Account): Account => ({
  name,
  displayName,
  role,
  disabled,
  createdAt,
  updatedAt,
});
