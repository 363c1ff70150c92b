/**
 * `npm run collector:user -- <command>`: the console's accounts from the command line, on the configured
 * database (the collector's environment). Made for the first administrator, and for a way back in when no
 * administrator can sign in. Each change is in the audit log with the actor "cli".
 *
 *   add <name> [--role viewer|moderator|administrator] [--display-name "…"]   (password from stdin or a prompt)
 *   list
 *   disable <name> | enable <name>
 *   passwd <name>                                                           (password from stdin or a prompt)
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { addAccount, changeAccount, isAccountName, isRole, listAccounts, type AccountChange } from './accounts.js';
import { recordAudit } from './audit.js';
import { passwordProblem } from './password.js';
import { readPassword } from './password-input.js';

const USAGE = `usage: npm run collector:user -- add <name> [--role viewer|moderator|administrator]
         [--display-name "…"]
       npm run collector:user -- list | disable <name> | enable <name> | passwd <name>
The password is read from stdin when it is not a terminal, else asked for without echo.`;

class UsageError extends Error {}

async function newPassword(): Promise<string> {
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);
  return password;
}

async function change(store: Store, name: string, what: AccountChange, action: string): Promise<string> {
  const result = await changeAccount(store, name, what, new Date());
  if ('missing' in result) throw new UsageError(`No account "${name}".`);
  if ('lastAdministrator' in result)
    throw new UsageError(`"${name}" is the last enabled administrator: make another first.`);
  const detail: Record<string, string> =
    what.password === undefined ? { disabled: String(what.disabled) } : { password: 'reset' };
  await recordAudit(store, { actor: 'cli', action, target: result.account.name, detail, status: 200 });
  return result.account.name;
}

async function run(
  store: Store,
  command: string | undefined,
  args: string[],
  values: { role?: string | undefined; 'display-name'?: string | undefined },
): Promise<string> {
  const [name] = args;
  if (command === 'list') {
    const accounts = await listAccounts(store);
    return (
      accounts
        .map((a) => `${a.name}\t${a.role}\t${a.disabled ? 'disabled' : 'enabled'}\t${a.displayName}`)
        .join('\n') || '(no accounts)'
    );
  }
  if (!name || !isAccountName(name) || args.length !== 1) throw new UsageError(USAGE);
  switch (command) {
    case 'add': {
      const role = values.role ?? 'viewer';
      if (!isRole(role)) throw new UsageError(`--role must be viewer, moderator or administrator (got "${role}").`);
      const added = await addAccount(
        store,
        { name, role, displayName: values['display-name'], password: await newPassword() },
        new Date(),
      );
      if (!added) throw new UsageError(`An account named "${name}" exists already.`);
      await recordAudit(store, {
        actor: 'cli',
        action: 'console.account.add',
        target: added.name,
        detail: { role },
        status: 201,
      });
      return `added ${added.name} (${added.role})`;
    }
    case 'disable':
      return `disabled ${await change(store, name, { disabled: true }, 'console.account.change')}`;
    case 'enable':
      return `enabled ${await change(store, name, { disabled: false }, 'console.account.change')}`;
    case 'passwd': {
      const password = await newPassword();
      return `new password for ${await change(store, name, { password }, 'console.account.change')}`;
    }
    default:
      throw new UsageError(USAGE);
  }
}

let parsed: ReturnType<
  typeof parseArgs<{
    options: { role: { type: 'string' }; 'display-name': { type: 'string' } };
    allowPositionals: true;
  }>
>;
try {
  parsed = parseArgs({
    options: { role: { type: 'string' }, 'display-name': { type: 'string' } },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [command, ...rest] = parsed.positionals;
const store = await openStore(loadConfig());
try {
  console.log(await run(store, command, rest, parsed.values));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
} finally {
  await store.close();
}
