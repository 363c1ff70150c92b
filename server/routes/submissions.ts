/**
 * `POST {endpoint}/submissions`: validate against the contract, store once per envelope id (in canonical
 * form, see canonical.ts), answer with the receipt (the first answer again for a repeat of the same body,
 * 422 for another body under that id). The honeypot is checked again here, for robots that post without
 * the form.
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { clientKey } from '../client-key.js';
import { isRecord, type Schemas } from '../contract.js';
import { keptData, statementsFor } from '../kinds.js';
import { signupOf, withdraw, type PanelSignup } from '../lab/panel.js';
import { PanelKey, withdrawalCode } from '../lab/withdrawal-codes.js';
import { SignInLimiter } from '../sign-in-limit.js';
import { DayKeys } from '../privacy/day-keys.js';
import { keptPageUrl } from '../privacy/page-url.js';
import { RefusedError, formatReference } from '../store/types.js';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { UUID_SPELLING, bodyHash, canonicalId } from '../canonical.js';

/** The form's honeypot field (src/core/forms/spam-guard.ts, HONEYPOT_NAME): people never fill it in. */
export const HONEYPOT_FIELD = 'website';

const INVALID = 'The submission does not match the contract.';

/**
 * The honeypot's answer looks like a stored one, repeats included: the same id (canonical) and, for as
 * long as this process runs, the same made-up reference, as a real repeat would get. The key is random
 * per process, so the number says nothing about the id.
 */
const DECOY_KEY = randomBytes(32);
function decoyReceipt(body: Record<string, unknown>, prefix: string): Schemas['Receipt'] {
  const id = typeof body.id === 'string' && UUID_SPELLING.test(body.id) ? canonicalId(body.id) : randomUUID();
  const sequence = (createHmac('sha256', DECOY_KEY).update(id).digest().readUInt32BE(0) % 999_999) + 1;
  const receipt: Schemas['Receipt'] = {
    id,
    reference: formatReference(prefix, new Date().getUTCFullYear(), sequence),
    status: 'received',
  };
  // A sign-up to the panel is told a withdrawal code, as a stored one is.
  return body.kind === 'lab-signup' ? { ...receipt, withdrawalCode: withdrawalCode(DECOY_KEY, id) } : receipt;
}

/**
 * Withdrawals from the Lab's panel per client, matched or not (the answer does not say), so that codes
 * cannot be tried one after another: after `max` in a window, 429 until it ends.
 */
export const WITHDRAWAL_LIMITS = { max: 10, windowMs: 60 * 60_000 };

export async function submissionRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const dayKeys = new DayKeys(store);
  const panelKey = new PanelKey(store);
  const withdrawals = new SignInLimiter(WITHDRAWAL_LIMITS);
  app.addHook('onClose', async () => dayKeys.forget());
  app.post(
    '/submissions',
    { config: limitFor(config.rateLimit.submissions, 'submissions') },
    async (request, reply) => {
      const body = request.body;

      // A robot that filled the honeypot is answered as if stored, so it learns nothing; nothing is stored.
      if (
        isRecord(body) &&
        isRecord(body.data) &&
        typeof body.data[HONEYPOT_FIELD] === 'string' &&
        body.data[HONEYPOT_FIELD] !== ''
      ) {
        request.log.info('honeypot filled: answered, not stored');
        const prefix = typeof body.kind === 'string' ? (contract.kinds.get(body.kind)?.prefix ?? 'EP') : 'EP';
        return reply.code(201).send(decoyReceipt(body, prefix));
      }

      const checked = contract.checkSubmission(body);
      if (!checked.valid) {
        const message = isRecord(body) ? INVALID : 'The body must be a JSON object (a submission envelope).';
        return reply.code(422).send({ message, fieldErrors: checked.fieldErrors });
      }
      const envelope = body as Schemas['Submission'];
      const id = canonicalId(envelope.id);
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || canonicalId(key) !== id)) {
        return reply.code(422).send({
          message: INVALID,
          fieldErrors: [
            { field: 'id', code: 'invalid', message: 'The Idempotency-Key header must equal the envelope id.' },
          ],
        });
      }
      // Of the body as it arrived (before anything the collector itself leaves out), so that a resend of the
      // same bytes always matches; but for a withdrawal, which keeps nothing of its code or contact detail,
      // not even in a hash that would confirm a guess at them.
      const hash = bodyHash(envelope.kind === 'lab-withdraw' ? { ...envelope, data: {} } : envelope);

      const kind = contract.kinds.get(envelope.kind)!;
      const data = envelope.data as Record<string, unknown>;
      const receivedAt = new Date();
      const page = { ...envelope.page, url: keptPageUrl(envelope.page.url, config.keepQueryString) };
      const client = clientKey(await dayKeys.keyFor(receivedAt), request.ip, receivedAt);
      let panel: PanelSignup | undefined;
      if (envelope.kind === 'lab-signup') panel = await signupOf(panelKey, id, data);
      if (envelope.kind === 'lab-withdraw') {
        const wait = withdrawals.retryAfter(request.ip);
        if (wait) {
          reply.header('retry-after', String(wait));
          return reply.code(429).send({ message: 'Too many withdrawals from this address. Try again later.' });
        }
        withdrawals.fail(request.ip);
        // Before the withdrawal is stored: were the database to fail in between, the resend does it again.
        // Whether it matched is said nowhere, not even in the log: the log is kept outside the retention rules.
        await withdraw(store, panelKey, data, receivedAt);
      }
      const incoming = {
        id,
        page,
        data,
        receivedAt,
        submittedAt: envelope.submittedAt,
        locale: envelope.locale,
        ...(panel && { panel }),
      };
      let accepted;
      try {
        accepted = await store.accept({
          id,
          bodyHash: hash,
          kind: envelope.kind,
          prefix: kind.prefix,
          page,
          locale: envelope.locale,
          submittedAt: envelope.submittedAt,
          privacyNotice: envelope.privacyNotice,
          data: keptData(envelope.kind, data),
          receivedAt,
          client,
          ...statementsFor(envelope.kind, incoming),
        });
      } catch (error) {
        // What is stored refuses it (no such published idea, the consultation is not open): final, like any 422.
        if (error instanceof RefusedError)
          return reply.code(422).send({ message: INVALID, fieldErrors: error.fieldErrors });
        throw error;
      }
      const { receipt, replayed } = accepted;
      if (replayed) reply.header('idempotent-replayed', 'true');
      // The same code for a repeat: it is made from the id, not stored.
      return reply.code(201).send(panel ? { ...receipt, withdrawalCode: panel.code } : receipt);
    },
  );
}
