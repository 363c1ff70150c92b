/**
 * The console's "what we changed" notes, under `{basePath}/console/api`: list (viewer), write, edit and delete
 * (moderator), each change audited with its actor. Bodies and queries are checked against the contract. Page
 * URLs are stored under the key votes are (privacy/page-url.ts), so that the poll finds a page's note
 * whatever the console was given.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { keptPageUrl } from '../../privacy/page-url.js';
import { queryReader } from '../../query-contract.js';
import type { RouteOptions } from '../../route-options.js';
import { createNote, deleteNote, editNote, listNotes, type ChangeNoteInput, type ChangeNotePatch } from './notes.js';
import { bodyChecker, refuseBody } from '../../body-check.js';
import { actorOf } from '../auth/audit.js';
import { roleOptions } from '../auth/route-role.js';

type NoteAction = 'change-note.create' | 'change-note.edit' | 'change-note.delete';

const NOTE_ID = /^[1-9][0-9]{0,14}$/;

const noSuchNote = (reply: FastifyReply): FastifyReply => reply.code(404).send({ message: 'No such note.' });

export async function changeNoteRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const as = roleOptions(config);
  const pageKey = (url: string): string => keptPageUrl(url, config.keepQueryString);

  const body = bodyChecker(contract);

  /** The console's audit hook (auth/audit.ts) writes this line with the answer's status. */
  const audited = (request: FastifyRequest, action: NoteAction, noteId: string): void => {
    request.consoleAudit = { actor: actorOf(request), action, target: noteId };
  };

  const listQuery = queryReader(contract, 'listChangeNotes', ['limit']);
  app.get('/changes', as('viewer'), async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
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
