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

/** The status as readers should see it: a PUBLISHED challenge whose deadline has passed is CLOSED. */
export function effectiveChallengeStatus(status: ChallengeStatus, closesAt: Date, now: Date): ChallengeStatus {
  return status === PUBLISHED && now.getTime() >= closesAt.getTime() ? CLOSED : status;
}
