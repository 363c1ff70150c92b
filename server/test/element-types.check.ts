/**
 * Type-level check, run by `tsc -p server/tsconfig.json` (a step of `npm test`): the elements' own types
 * (src/) against the types generated from api/openapi.yaml. A change on either side that makes them
 * disagree fails the type check. Nothing here runs.
 */
import type { Envelope, PageInfo } from '../../src/core/delivery/envelope.js';
import type { Locale } from '../../src/core/language/locale.js';
import type { FieldError } from '../../src/core/delivery/transport.js';
import type { Answer } from '../../src/page-poll/reasons.js';
import type { Tally } from '../../src/page-poll/tally.js';
import type { ConsultationJson, ConsultationType, Level, Stance } from '../../src/consultation-card/model.js';
import type { Status as IdeaStatus } from '../../src/idea-box/model.js';
import type { components } from '../../api/generated/openapi.js';

type S = components['schemas'];

/** True when A and B are the same type (not merely assignable one way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  // The envelope the elements build is exactly the contract's.
  Expect<Equal<Envelope, S['Envelope']>>,
  Expect<Equal<PageInfo, S['PageInfo']>>,
  Expect<Equal<Locale, S['Locale']>>,
  // Every kind's envelope is an Envelope the elements can hold (events, outbox).
  Expect<Assignable<S['Submission'], Envelope>>,
  // The poll's answer and tally.
  Expect<Equal<Answer, S['PageVoteAnswer']>>,
  Expect<Equal<Tally, S['Tally']>>,
  // What a collector says about a field, the transport can read.
  Expect<Assignable<S['FieldError'], FieldError>>,
  Expect<Equal<keyof FieldError, keyof S['FieldError']>>,
  // The feedback contact's channel codes.
  Expect<Equal<NonNullable<S['FeedbackContact']['channel']>, 'email' | 'phone' | 'sms'>>,
  // What the collector serves for a consultation, the card's own JSON type holds.
  Expect<Assignable<S['Consultation'], ConsultationJson>>,
  Expect<Equal<Level, S['ParticipationLevel']>>,
  Expect<Equal<ConsultationType, S['ConsultationType']>>,
  Expect<Equal<Stance, S['Stance']>>,
  // The idea statuses the idea box names are the contract's.
  Expect<Equal<IdeaStatus, S['IdeaStatus']>>,
];
