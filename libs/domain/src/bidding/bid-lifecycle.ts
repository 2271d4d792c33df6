import { ValidationFailed } from '../errors';
import { applyTransition, TransitionTable } from '../state-machine';

/** Where a team's bid on a challenge stands. */
export const BidStatus = {
  SUBMITTED: 'SUBMITTED',
  WITHDRAWN: 'WITHDRAWN',
  SHORTLISTED: 'SHORTLISTED',
  NOT_SHORTLISTED: 'NOT_SHORTLISTED',
  AWARDED: 'AWARDED',
  NOT_AWARDED: 'NOT_AWARDED',
} as const;
export type BidStatus = (typeof BidStatus)[keyof typeof BidStatus];

export const BID_STATUSES: readonly BidStatus[] = Object.values(BidStatus);

export const BID_ACTIONS = [
  'revise',
  'withdraw',
  'resubmit',
  'shortlist',
  'rejectShortlist',
  'award',
  'notAward',
] as const;
export type BidAction = (typeof BID_ACTIONS)[number];

const { SUBMITTED, WITHDRAWN, SHORTLISTED, NOT_SHORTLISTED, AWARDED, NOT_AWARDED } = BidStatus;

const TRANSITIONS: TransitionTable<BidStatus, BidAction> = {
  revise: { from: [SUBMITTED], to: SUBMITTED },
  withdraw: { from: [SUBMITTED], to: WITHDRAWN },
  resubmit: { from: [WITHDRAWN], to: SUBMITTED },
  // From NOT_SHORTLISTED too, so the admin can correct a mistaken rejection.
  shortlist: { from: [SUBMITTED, NOT_SHORTLISTED], to: SHORTLISTED },
  rejectShortlist: { from: [SUBMITTED, SHORTLISTED], to: NOT_SHORTLISTED },
  award: { from: [SHORTLISTED], to: AWARDED },
  notAward: { from: [SUBMITTED, SHORTLISTED], to: NOT_AWARDED },
};

/** The statuses that count as the team's one active bid on a challenge: all but WITHDRAWN. */
export const ACTIVE_BID_STATUSES: readonly BidStatus[] = BID_STATUSES.filter((s) => s !== WITHDRAWN);

export interface BidTransitionOptions {
  /** Required to reject a bid from the shortlist. */
  reason?: string | null;
}

/**
 * The status a bid moves to when `action` is taken in status `from`.
 * Throws Conflict BID_TRANSITION_FORBIDDEN when the action is not allowed there,
 * and ValidationFailed on `reason` when a required reason is missing or blank.
 */
export function transitionBid(from: BidStatus, action: BidAction, opts: BidTransitionOptions = {}): BidStatus {
  const to = applyTransition(TRANSITIONS, 'bid', from, action);
  if (action === 'rejectShortlist' && !opts.reason?.trim()) {
    throw ValidationFailed.field('reason', 'is required to reject a bid from the shortlist');
  }
  return to;
}
