/**
 * `GET {endpoint}/consultations/{id}` (ep-consultation-card): the consultation with its participants and,
 * once published, its outcome; 404 when there is none by that id (an id the contract could not name
 * included).
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { consultation } from '../content/consultations.js';

/** An id as the contract's `ConsultationId` allows it. */
// U+0000 cannot be stored by PostgreSQL, so an id holding it is refused with the other characters.
// eslint-disable-next-line no-control-regex
export const isConsultationId = (id: string): boolean =>
  id.length <= 200 && /^[^/?#\s\u0000]+$/.test(id) && id.isWellFormed();

export async function consultationRoutes(app: FastifyInstance, { config, store }: RouteOptions): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/consultations/:id',
    { config: limitFor(config.rateLimit.reads, 'reads') },
    async (request, reply) => {
      const { id } = request.params;
      const found = isConsultationId(id) ? await consultation(store, id) : undefined;
      return found ?? reply.code(404).send({ message: 'No such consultation.' });
    },
  );
}
