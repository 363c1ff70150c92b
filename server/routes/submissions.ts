/**
 * `POST {endpoint}/submissions`: validate against the contract, store once per envelope id, answer with the
 * receipt (the first answer again for a repeat). The honeypot is checked again here, for robots that post
 * without the form.
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { clientKey } from '../client-key.js';
import { isRecord, type Schemas } from '../contract.js';
import { statementsFor } from '../kinds.js';
import { RefusedError, formatReference } from '../store/types.js';
import { randomInt, randomUUID } from 'node:crypto';

/** The form's honeypot field (src/core/forms/spam-guard.ts, HONEYPOT_NAME): people never fill it in. */
export const HONEYPOT_FIELD = 'website';

const INVALID = 'The submission does not match the contract.';

export async function submissionRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  app.post('/submissions', { config: limitFor(config.rateLimit.submissions, 'submissions') }, async (request, reply) => {
    const body = request.body;

    // A robot that filled the honeypot is answered as if stored, so it learns nothing; nothing is stored.
    if (isRecord(body) && isRecord(body.data) && typeof body.data[HONEYPOT_FIELD] === 'string' && body.data[HONEYPOT_FIELD] !== '') {
      request.log.info('honeypot filled: answered, not stored');
      const prefix = typeof body.kind === 'string' ? (contract.kinds.get(body.kind)?.prefix ?? 'EP') : 'EP';
      const id = typeof body.id === 'string' && /^[0-9a-f-]{36}$/i.test(body.id) ? body.id : randomUUID();
      return reply.code(201).send({ id, reference: formatReference(prefix, new Date().getUTCFullYear(), randomInt(1, 999_999)), status: 'received' });
    }

    const checked = contract.checkSubmission(body);
    if (!checked.valid) {
      const message = isRecord(body) ? INVALID : 'The body must be a JSON object (a submission envelope).';
      return reply.code(422).send({ message, fieldErrors: checked.fieldErrors });
    }
    const envelope = body as Schemas['Submission'];
    const key = request.headers['idempotency-key'];
    if (key !== undefined && key !== envelope.id) {
      return reply.code(422).send({ message: INVALID, fieldErrors: [{ field: 'id', code: 'invalid', message: 'The Idempotency-Key header must equal the envelope id.' }] });
    }

    const kind = contract.kinds.get(envelope.kind)!;
    const data = envelope.data as Record<string, unknown>;
    const receivedAt = new Date();
    const incoming = { id: envelope.id, page: envelope.page, data, receivedAt, submittedAt: envelope.submittedAt, locale: envelope.locale };
    let accepted;
    try {
      accepted = await store.accept({
        id: envelope.id,
        kind: envelope.kind,
        prefix: kind.prefix,
        page: envelope.page,
        locale: envelope.locale,
        submittedAt: envelope.submittedAt,
        privacyNotice: envelope.privacyNotice,
        data,
        receivedAt,
        client: clientKey(config.clientKeySecret, request.ip, receivedAt),
        ...statementsFor(envelope.kind, incoming),
      });
    } catch (error) {
      // What is stored refuses it (no such published idea, the consultation is not open): final, like any 422.
      if (error instanceof RefusedError) return reply.code(422).send({ message: INVALID, fieldErrors: error.fieldErrors });
      throw error;
    }
    const { receipt, replayed } = accepted;
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(receipt);
  });
}
