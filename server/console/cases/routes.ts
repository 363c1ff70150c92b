/**
 * The console's triage, under `{basePath}/console/api`: the cases list (viewer: what was written and the
 * case's state, no contact details), a case with its contact details and notes (moderator, audited as a read
 * of personal data), changing its status, assignee and tags and erasing its contact details on closing, and
 * notes of what was answered (moderator, audited), sent to the visitor by email when asked and the collector
 * has SMTP settings (reply-mail.ts). Bodies and queries are checked against the contract.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyChecker, refuseBody } from '../../body-check.js';
import { queryReader } from '../../query-contract.js';
import type { RouteOptions } from '../../route-options.js';
import { sendExport } from '../../export.js';
import {
  addNote,
  CASE_HEADERS,
  caseByReference,
  caseRows,
  listCases,
  recordEmail,
  replyAddress,
  updateCase,
  type CasePatch,
} from './cases.js';
import { replyMailer } from './reply-mail.js';
import { actorOf } from '../auth/audit.js';
import { roleOptions } from '../auth/route-role.js';

type CaseAction = 'case.read' | 'case.update' | 'case.note' | 'case.note.email';
type Params = { Params: { reference: string } };

const REFERENCE = /^[A-Z]{2}-[0-9]{4}-[0-9]{6,}$/;

const NO_ADDRESS = {
  'no-email': 'the visitor gave no email address',
  'contact-erased': "the visitor's contact details were erased",
};

const noSuchCase = (reply: FastifyReply): FastifyReply => reply.code(404).send({ message: 'No such case.' });

export async function caseRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const as = roleOptions(config);
  const body = bodyChecker(contract);
  const audited = (
    request: FastifyRequest,
    action: CaseAction,
    reference: string,
    detail?: Record<string, string>,
  ): void => {
    request.consoleAudit = { actor: actorOf(request), action, target: reference, detail };
  };
  const mailer = config.smtp && replyMailer(config.smtp);
  if (mailer) app.addHook('onClose', async () => mailer.close());
  const mailing = mailer !== undefined;

  const listQuery = queryReader(contract, 'listCases', ['limit']);
  app.get('/cases', as('viewer'), async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    const { format, limit, after, ...filter } = query;
    if (format) return sendExport(reply, format, 'cases', CASE_HEADERS, caseRows(store, filter));
    return listCases(store, { ...filter, after, limit });
  });

  app.get<Params>('/cases/:reference', as('moderator'), async (request, reply) => {
    const { reference } = request.params;
    const found = REFERENCE.test(reference) ? await caseByReference(store, reference, mailing) : undefined;
    if (!found) return noSuchCase(reply);
    audited(request, 'case.read', reference);
    return found;
  });

  app.patch<Params>('/cases/:reference', as('moderator'), async (request, reply) => {
    const { reference } = request.params;
    if (!REFERENCE.test(reference)) return noSuchCase(reply);
    const patch = body<CasePatch>('CasePatch', request.body, reply);
    if (!patch) return reply;
    const changed = await updateCase(store, reference, patch, { actor: actorOf(request), at: new Date() }, mailing);
    if (!changed) return noSuchCase(reply);
    audited(request, 'case.update', reference);
    return changed;
  });

  app.post<Params>('/cases/:reference/notes', as('moderator'), async (request, reply) => {
    const { reference } = request.params;
    if (!REFERENCE.test(reference)) return noSuchCase(reply);
    const input = body<{ text: string; sendEmail?: boolean }>('CaseNoteInput', request.body, reply);
    if (!input) return reply;
    const address = input.sendEmail ? await replyAddress(store, reference) : undefined;
    if (input.sendEmail && address) {
      const why = !mailer ? 'the collector has no SMTP settings' : 'none' in address ? NO_ADDRESS[address.none] : '';
      if (why)
        return refuseBody(reply, [{ field: 'sendEmail', code: 'invalid', message: `Not sent by email: ${why}.` }]);
    }
    const note = await addNote(store, reference, input.text, { actor: actorOf(request), at: new Date() });
    if (!note) return noSuchCase(reply);
    if (!mailer || !address || 'none' in address) {
      audited(request, 'case.note', reference);
      return reply.code(201).send(note);
    }
    // The note is stored first: a refused or unreachable SMTP server is recorded with it, never loses it.
    // The address is read again now: contact details erased since the check above are never written to.
    const current = await replyAddress(store, reference);
    const result =
      current && 'to' in current
        ? await mailer.send({ ...current, reference, text: note.text })
        : { sent: false as const, failure: `Not sent: ${NO_ADDRESS[current?.none ?? 'contact-erased']}.` };
    audited(request, 'case.note.email', reference, { email: result.sent ? 'sent' : 'failed' });
    return reply.code(201).send(await recordEmail(store, note, result, new Date()));
  });
}
