/**
 * How long the collector keeps what it stores, per kind (docs/privacy.md, "What we keep and for how long").
 * Each period is a number of days from the collector's time of receipt, set by an environment variable;
 * `0` keeps that data until an administrator erases it by reference. The sweep (sweep.ts) applies them.
 *
 * The defaults, and why:
 * - page-vote, 90 days: a vote row holds the page, the answer and the day's client hash; a quarter is long
 *   enough to find and undo ballot stuffing. The tally and the daily counts per page keep the numbers.
 * - page-vote-details, 365 days: the reasons and comment feed a yearly review of the page's content.
 * - feedback, 730 days, contact details 180 days: time to answer and follow up a message is months; its
 *   text then still serves two years of service reports, without a name, email or mobile.
 * - idea, 730 days, contact details 365 days: an idea is reviewed, answered and perhaps carried out over a
 *   year, during which the ministry may reach its author. A published idea stays public after its
 *   submission goes (it is the ministry's answered record); an idea never published goes with it.
 * - idea-support, 90 days: a support carries nothing but the idea it counts for; the count stays, and so
 *   does the support's id (no personal data), which a later taking back names.
 * - consultation-view, 365 days: comments feed the consultation's outcome, published months after it
 *   closes. The stance stays counted (consultation_views: id and stance only).
 * - lab-signup, 730 days, contact details 730 days: the Innovation Lab invites panel members to sessions
 *   over two years; then the person signs up again if they wish. Withdrawing erases them at once.
 * - lab-withdraw, 90 days: it keeps nothing but that a withdrawal came (routes/submissions.ts).
 * - the audit log, 1095 days: access to personal data stays accountable after the data itself is gone.
 */
import type { Schemas } from '../contract.js';

export type Kind = Schemas['Kind'];

/** The kinds whose data may hold contact details (`data.contact`: name, email, mobile, channel). */
export const CONTACT_KINDS = ['feedback', 'idea', 'lab-signup'] as const satisfies readonly Kind[];
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface RetentionPolicy {
  /** Days until a kind's submissions are deleted whole; 0: until erased by reference. */
  submissions: Record<Kind, number>;
  /** Days until the contact details of a kind's submissions are erased (the message stays); 0: kept with it. */
  contact: Record<ContactKind, number>;
  /** Days an audit row is kept. */
  audit: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  submissions: {
    'page-vote': 90,
    'page-vote-details': 365,
    feedback: 730,
    idea: 730,
    'idea-support': 90,
    'consultation-view': 365,
    'lab-signup': 730,
    'lab-withdraw': 90,
  },
  contact: { feedback: 180, idea: 365, 'lab-signup': 730 },
  audit: 1095,
};

/** `page-vote-details` → `EP_RETAIN_PAGE_VOTE_DETAILS_DAYS`. */
export const submissionsVariable = (kind: Kind): string => `EP_RETAIN_${kind.replace(/-/g, '_').toUpperCase()}_DAYS`;
export const contactVariable = (kind: ContactKind): string =>
  `EP_RETAIN_${kind.replace(/-/g, '_').toUpperCase()}_CONTACT_DAYS`;
export const AUDIT_VARIABLE = 'EP_RETAIN_AUDIT_DAYS';

function days(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  // Up to about 270 years: beyond, a cut-off date falls before year 0 and cannot be written as ISO text.
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value > 100_000) {
    throw new Error(`${name} must be a whole number of days (0 keeps until erased by reference; got "${raw}")`);
  }
  return value;
}

export function retentionFromEnv(env: NodeJS.ProcessEnv): RetentionPolicy {
  const submissions = Object.fromEntries(
    Object.entries(DEFAULT_RETENTION.submissions).map(([kind, fallback]) => [
      kind,
      days(env, submissionsVariable(kind as Kind), fallback),
    ]),
  ) as Record<Kind, number>;
  const contact = {} as Record<ContactKind, number>;
  for (const kind of CONTACT_KINDS) {
    const whole = submissions[kind];
    // Unset: the default, but never past the submission's own period (a shorter one set for the kind).
    const fallback = whole > 0 ? Math.min(DEFAULT_RETENTION.contact[kind], whole) : DEFAULT_RETENTION.contact[kind];
    contact[kind] = days(env, contactVariable(kind), fallback);
    // Set past the submission's own, it would promise an erasure that deleting the row pre-empts.
    if (whole > 0 && contact[kind] > whole) {
      throw new Error(
        `${contactVariable(kind)} (${contact[kind]}) must not outlast ${submissionsVariable(kind)} (${whole} days)`,
      );
    }
  }
  return { submissions, contact, audit: days(env, AUDIT_VARIABLE, DEFAULT_RETENTION.audit) };
}

/** The instant `days` before `now`, as stored times are written (ISO 8601 UTC). */
export function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
