import { Conflict, ValidationFailed } from '../errors';
import { ACTIVE_BID_STATUSES, BID_ACTIONS, BID_STATUSES, BidAction, BidStatus, transitionBid } from './bid-lifecycle';

const { SUBMITTED, WITHDRAWN, SHORTLISTED, NOT_SHORTLISTED, AWARDED, NOT_AWARDED } = BidStatus;
const REASON = { reason: 'The quoted duration misses the enterprise deadline' };

/**
 * Read a row as "in this status, these actions are allowed and lead there".
 * Every (status, action) pair not listed is forbidden; the tests below try all 42.
 */
const TABLE: Record<BidStatus, Partial<Record<BidAction, BidStatus>>> = {
  SUBMITTED: {
    revise: SUBMITTED,
    withdraw: WITHDRAWN,
    shortlist: SHORTLISTED,
    rejectShortlist: NOT_SHORTLISTED,
    notAward: NOT_AWARDED,
  },
  WITHDRAWN: { resubmit: SUBMITTED },
  SHORTLISTED: { rejectShortlist: NOT_SHORTLISTED, award: AWARDED, notAward: NOT_AWARDED },
  NOT_SHORTLISTED: { shortlist: SHORTLISTED },
  AWARDED: {},
  NOT_AWARDED: {},
};

const pairs = BID_STATUSES.flatMap((from) =>
  BID_ACTIONS.map((action) => ({ from, action, to: TABLE[from][action] ?? null })),
);

describe('bid lifecycle', () => {
  it('covers all 6 statuses and 7 actions, 42 pairs', () => {
    expect(Object.keys(TABLE)).toEqual(BID_STATUSES);
    expect(pairs).toHaveLength(42);
  });

  it.each(pairs.filter((p) => p.to !== null))('$from --$action--> $to', ({ from, action, to }) => {
    expect(transitionBid(from, action, REASON)).toBe(to);
  });

  it.each(pairs.filter((p) => p.to === null))('$from --$action--> forbidden', ({ from, action }) => {
    expect(() => transitionBid(from, action, REASON)).toThrow(
      expect.objectContaining({ code: 'BID_TRANSITION_FORBIDDEN', details: { from, action } }),
    );
  });

  it('names the status and the action in the conflict', () => {
    const attempt = () => transitionBid(AWARDED, 'withdraw');
    expect(attempt).toThrow(Conflict);
    expect(attempt).toThrow('Cannot withdraw a bid that is AWARDED');
  });

  it.each([undefined, null, '', '  '])('refuses to reject from the shortlist without a reason (%p)', (reason) => {
    const attempt = () => transitionBid(SHORTLISTED, 'rejectShortlist', { reason });
    expect(attempt).toThrow(ValidationFailed);
    expect(attempt).toThrow(
      expect.objectContaining({
        fields: [{ field: 'reason', messages: ['is required to reject a bid from the shortlist'] }],
      }),
    );
  });

  it('counts every bid but a withdrawn one as the team’s active bid', () => {
    expect(ACTIVE_BID_STATUSES).toEqual([SUBMITTED, SHORTLISTED, NOT_SHORTLISTED, AWARDED, NOT_AWARDED]);
  });
});
