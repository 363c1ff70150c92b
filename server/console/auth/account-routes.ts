/**
 * The administrators' routes: `GET /accounts`, `POST /accounts`, `PATCH /accounts/{name}` (role, disable,
 * display name, a new password). The last enabled administrator cannot be demoted or disabled (409).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Contract } from '../../contract.js';
import type { limitFor } from '../../route-options.js';
import type { Store } from '../../store/types.js';
import {
  addAccount,
  changeAccount,
  isAccountName,
  listAccounts,
  type AccountChange,
  type NewAccount,
} from './accounts.js';
import { passwordProblem } from './password.js';
import { bodyChecker, refuseBody } from '../../body-check.js';

export interface AccountRouteOptions {
  store: Store;
  contract: Contract;
  limit: ReturnType<typeof limitFor>;
}

const unprocessable = (reply: FastifyReply, field: string, message: string) =>
  refuseBody(reply, [{ field, code: 'invalid', message }]);

/** What a change did, for the audit log: never the password, only that it was reset. */
function detailOf(change: AccountChange): Record<string, string> {
  const detail: Record<string, string> = {};
  if (change.role !== undefined) detail.role = change.role;
  if (change.disabled !== undefined) detail.disabled = String(change.disabled);
  if (change.password !== undefined) detail.password = 'reset';
  if (change.displayName !== undefined) detail.displayName = 'changed';
  return detail;
}

export async function accountRoutes(
  app: FastifyInstance,
  { store, contract, limit }: AccountRouteOptions,
): Promise<void> {
  const administrator = { config: { role: 'administrator' as const, ...limit } };
  const body = bodyChecker(contract);

  app.get('/accounts', administrator, async () => listAccounts(store));

  app.post('/accounts', administrator, async (request, reply) => {
    const input = body<NewAccount>('ConsoleAccountInput', request.body, reply);
    if (!input) return reply;
    const problem = passwordProblem(input.password);
    if (problem) return unprocessable(reply, 'password', problem);
    request.consoleAudit = {
      actor: request.consoleActor!.name,
      action: 'console.account.add',
      target: input.name.toLowerCase(),
      detail: { role: input.role },
    };
    const added = await addAccount(store, input, new Date());
    if (!added) return reply.code(409).send({ message: 'An account with this name exists already.' });
    return reply.code(201).send(added);
  });

  app.patch<{ Params: { name: string } }>('/accounts/:name', administrator, async (request, reply) => {
    const { name } = request.params;
    if (!isAccountName(name)) return reply.code(404).send({ message: 'No such account.' });
    const change = body<AccountChange>('ConsoleAccountChange', request.body, reply);
    if (!change) return reply;
    const problem = change.password === undefined ? undefined : passwordProblem(change.password);
    if (problem) return unprocessable(reply, 'password', problem);
    request.consoleAudit = {
      actor: request.consoleActor!.name,
      action: 'console.account.change',
      target: name.toLowerCase(),
      detail: detailOf(change),
    };
    const result = await changeAccount(store, name, change, new Date());
    if ('missing' in result) return reply.code(404).send({ message: 'No such account.' });
    if ('lastAdministrator' in result)
      return reply.code(409).send({ message: 'This is the last enabled administrator: make another first.' });
    return result.account;
  });
}
