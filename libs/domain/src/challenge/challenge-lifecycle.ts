import { ValidationFailed } from '../errors';
import { applyTransition, TransitionTable } from '../state-machine';

/** Where a challenge stands, from the enterprise's draft to the end of delivery. */
export const ChallengeStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  PUBLISHED: 'PUBLISHED',
  REJECTED: 'REJECTED',
  CLOSED: 'CLOSED',
  EVALUATING: 'EVALUATING',
  AWARDED: 'AWARDED',
  IN_DELIVERY: 'IN_DELIVERY',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const;
export type ChallengeStatus = (typeof ChallengeStatus)[keyof typeof ChallengeStatus];

export const CHALLENGE_STATUSES: readonly ChallengeStatus[] = Object.values(ChallengeStatus);

export const CHALLENGE_ACTIONS = [
  'submit',
  'publish',
  'reject',
  'reopen',
  'close',
  'startEvaluation',
  'award',
  'startDelivery',
  'complete',
  'fail',
  'cancel',
] as const;
export type ChallengeAction = (typeof CHALLENGE_ACTIONS)[number];

const { DRAFT, SUBMITTED, PUBLISHED, REJECTED, CLOSED, EVALUATING } = ChallengeStatus;
const { AWARDED, IN_DELIVERY, COMPLETED, FAILED, CANCELLED } = ChallengeStatus;

const TRANSITIONS: TransitionTable<ChallengeStatus, ChallengeAction> = {
  submit: { from: [DRAFT], to: SUBMITTED },
  publish: { from: [SUBMITTED], to: PUBLISHED },
  reject: { from: [SUBMITTED], to: REJECTED },
  reopen: { from: [REJECTED], to: DRAFT },
  close: { from: [PUBLISHED], to: CLOSED },
  startEvaluation: { from: [CLOSED], to: EVALUATING },
  award: { from: [EVALUATING], to: AWARDED },
  startDelivery: { from: [AWARDED], to: IN_DELIVERY },
  complete: { from: [IN_DELIVERY], to: COMPLETED },
  fail: { from: [AWARDED, IN_DELIVERY], to: FAILED },
  cancel: { from: [DRAFT, SUBMITTED, PUBLISHED], to: CANCELLED },
};

/** The statuses in which the enterprise may edit a challenge in place. */
export const EDITABLE_STATUSES: readonly ChallengeStatus[] = [DRAFT, REJECTED];

export interface ChallengeTransitionOptions {
  /** Required to reject, and to cancel a challenge that is already published. */
  reason?: string | null;
}

/**
 * The status a challenge moves to when `action` is taken in status `from`.
 * Throws Conflict CHALLENGE_TRANSITION_FORBIDDEN when the action is not allowed there,
 * and ValidationFailed on `reason` when a required reason is missing or blank.
 */
export function transitionChallenge(
  from: ChallengeStatus,
  action: ChallengeAction,
  opts: ChallengeTransitionOptions = {},
): ChallengeStatus {
  const to = applyTransition(TRANSITIONS, 'challenge', from, action);
  const reasonRequired = action === 'reject' || (action === 'cancel' && from === PUBLISHED);
  if (reasonRequired && !opts.reason?.trim()) {
    throw ValidationFailed.field('reason', `is required to ${action} a ${from} challenge`);
  }
  return to;
}

/** Closed past the deadline: a PUBLISHED challenge whose closesAt the clock has reached (see {@link pastDeadlineSql}). */
export function isPastDeadline(status: string, closesAt: Date, now: Date): boolean {
  return status === PUBLISHED && now.getTime() >= closesAt.getTime();
}

/** The status as readers should see it: a PUBLISHED challenge whose deadline has passed is CLOSED (see {@link effectiveStatusSql}). */
export function effectiveChallengeStatus(status: ChallengeStatus, closesAt: Date, now: Date): ChallengeStatus {
  return isPastDeadline(status, closesAt, now) ? CLOSED : status;
}

/*
 * The same rules in SQL, over the challenge row `c` (a table alias) and the clock `now` (an SQL
 * expression: now() in a statement, clock_timestamp() after a lock). challenge-lifecycle.int-spec.ts
 * proves they agree with the functions above.
 */

/** {@link isPastDeadline} in SQL. */
export const pastDeadlineSql = (c: string, now = 'now()'): string => `(${c}.status = '${PUBLISHED}' AND ${c}.closes_at <= ${now})`;

/** {@link effectiveChallengeStatus} in SQL. */
export const effectiveStatusSql = (c: string, now = 'now()'): string => `CASE WHEN ${pastDeadlineSql(c, now)} THEN '${CLOSED}' ELSE ${c}.status END`;

/**
 * Whether the row reads as PUBLISHED or CLOSED (effectiveChallengeStatus(...) === status) in SQL,
 * written on the stored columns so that indexes on status and closes_at serve it. Every other
 * status reads as stored.
 */
export function readsAsStatusSql(c: string, status: typeof PUBLISHED | typeof CLOSED, now = 'now()'): string {
  return status === PUBLISHED
    ? `(${c}.status = '${PUBLISHED}' AND ${c}.closes_at > ${now})`
    : `(${c}.status = '${CLOSED}' OR ${pastDeadlineSql(c, now)})`;
}
