/**
 * A request body checked against one of the contract's schemas, and the 422 that names what does not match:
 * one refusal for the admin and console routes, worded as the submission route's.
 */
import type { FastifyReply } from 'fastify';
import type { Contract, FieldError } from './contract.js';

const NOT_AN_OBJECT: FieldError = { field: '', code: 'invalid', message: 'The body must be a JSON object.' };

export function refuseBody(reply: FastifyReply, fieldErrors: FieldError[]): FastifyReply {
  return reply.code(422).send({
    message: 'The request does not match the contract.',
    fieldErrors: fieldErrors.length ? fieldErrors : [NOT_AN_OBJECT],
  });
}

/** Checks bodies against `contract`: the value as `T` when it matches, or undefined once the 422 is sent. */
export function bodyChecker(contract: Contract) {
  return <T>(schema: string, value: unknown, reply: FastifyReply): T | undefined => {
    const checked = contract.checkBody(schema, value);
    if (checked.valid) return value as T;
    void refuseBody(reply, checked.fieldErrors);
    return undefined;
  };
}
