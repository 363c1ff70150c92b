/**
 * The console's "what we changed" notes, under `{basePath}/console/api`: list (viewer), write, edit and delete
 * (moderator), each change audited with its actor. Bodies and queries are checked against the contract. Page
 * URLs are stored under the key votes are (privacy/page-url.ts), so that the poll finds a page's note
 * whatever the console was given.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../auth/accounts.js';
import type { FieldError } from '../../contract.js';
import { keptPageUrl } from '../../privacy/page-url.js';
import { queryReader } from '../../query-contract.js';
import { limitFor, type RouteOptions } from '../../route-options.js';
import { createNote, deleteNote, editNote, listNotes, type ChangeNoteInput, type ChangeNotePatch } from './notes.js';

/** Who the audit log names: the signed-in account, or "token" for the bearer (console/auth/guard.ts). */
const actorOf = (request: FastifyRequest): string => request.consoleActor?.name ?? 'token';

type NoteAction = 'change-note.create' | 'change-note.edit' | 'change-note.delete';

const NOTE_ID = /^[1-9][0-9]{0,14}$/;

function refuse(reply: FastifyReply, fieldErrors: FieldError[]): FastifyReply {
  return reply.code(422).send({ message: 'The request does not match the contract.', fieldErrors });
}

const noSuchNote = (reply: FastifyReply): FastifyReply => reply.code(404).send({ message: 'No such note.' });

export async function changeNoteRoutes(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  const limit = limitFor(config.rateLimit.admin, 'admin');
  const as = (role: Role) => ({ config: { ...limit, role } });
  const pageKey = (url: string): string => keptPageUrl(url, config.keepQueryString);

  /** The body checked against a schema: the value, or undefined once the refusal is sent. */
  const body = <T>(schema: string, value: unknown, reply: FastifyReply): T | undefined => {
    const checked = contract.checkBody(schema, value);
    if (checked.valid) return value as T;
    void refuse(
      reply,
      checked.fieldErrors.length
        ? checked.fieldErrors
        : [{ field: '', code: 'invalid', message: 'The body must be a JSON object.' }],
    );
    return undefined;
  };

  /** The console's audit hook (auth/audit.ts) writes this line with the answer's status. */
  const audited = (request: FastifyRequest, action: NoteAction, noteId: string): void => {
    request.consoleAudit = { actor: actorOf(request), action, target: noteId };
  };

  const listQuery = queryReader(contract, 'listChangeNotes', ['limit']);
  app.get('/changes', as('viewer'), async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    if (fieldErrors.length) return refuse(reply, fieldErrors);
    return listNotes(store, {
      page: query.page === undefined ? undefined : pageKey(query.page),
      after: query.after,
      limit: query.limit,
    });
  });

  app.post('/changes', as('moderator'), async (request, reply) => {
    const input = body<ChangeNoteInput>('ChangeNoteInput', request.body, reply);
    if (!input) return reply;
    const at = new Date();
    const note = await createNote(store, { ...input, page: pageKey(input.page) }, { actor: actorOf(request), at });
    audited(request, 'change-note.create', note.id);
    return reply.code(201).send(note);
  });

  app.patch<{ Params: { id: string } }>('/changes/:id', as('moderator'), async (request, reply) => {
    const { id } = request.params;
    if (!NOTE_ID.test(id)) return noSuchNote(reply);
    const patch = body<ChangeNotePatch>('ChangeNotePatch', request.body, reply);
    if (!patch) return reply;
    const at = new Date();
    const note = await editNote(store, id, patch.page === undefined ? patch : { ...patch, page: pageKey(patch.page) }, {
      actor: actorOf(request),
      at,
    });
    audited(request, 'change-note.edit', id);
    return note ?? noSuchNote(reply);
  });

  app.delete<{ Params: { id: string } }>('/changes/:id', as('moderator'), async (request, reply) => {
    const { id } = request.params;
    if (!NOTE_ID.test(id)) return noSuchNote(reply);
    const deleted = await deleteNote(store, id);
    audited(request, 'change-note.delete', id);
    return deleted ? reply.code(204).send() : noSuchNote(reply);
  });
}
