import { Conflict, ValidationFailed } from '../errors';
import {
  CHALLENGE_ACTIONS,
  CHALLENGE_STATUSES,
  ChallengeAction,
  ChallengeStatus,
  EDITABLE_STATUSES,
  effectiveChallengeStatus,
  transitionChallenge,
} from './challenge-lifecycle';

const { DRAFT, SUBMITTED, PUBLISHED, REJECTED, CLOSED, EVALUATING } = ChallengeStatus;
const { AWARDED, IN_DELIVERY, COMPLETED, FAILED, CANCELLED } = ChallengeStatus;
const REASON = { reason: 'The indicators are not measurable' };

/**
 * Read a row as "in this status, these actions are allowed and lead there".
 * Every (status, action) pair not listed is forbidden; the tests below try all 121.
 */
const TABLE: Record<ChallengeStatus, Partial<Record<ChallengeAction, ChallengeStatus>>> = {
  DRAFT: { submit: SUBMITTED, cancel: CANCELLED },
  SUBMITTED: { publish: PUBLISHED, reject: REJECTED, cancel: CANCELLED },
  PUBLISHED: { close: CLOSED, cancel: CANCELLED },
  REJECTED: { reopen: DRAFT },
  CLOSED: { startEvaluation: EVALUATING },
  EVALUATING: { award: AWARDED },
  AWARDED: { startDelivery: IN_DELIVERY, fail: FAILED },
  IN_DELIVERY: { complete: COMPLETED, fail: FAILED },
  COMPLETED: {},
  FAILED: {},
  CANCELLED: {},
};

const pairs = CHALLENGE_STATUSES.flatMap((from) =>
  CHALLENGE_ACTIONS.map((action) => ({ from, action, to: TABLE[from][action] ?? null })),
);

describe('challenge lifecycle', () => {
  it('covers all 11 statuses and 11 actions, 121 pairs', () => {
    expect(Object.keys(TABLE)).toEqual(CHALLENGE_STATUSES);
    expect(pairs).toHaveLength(121);
  });

  it.each(pairs.filter((p) => p.to !== null))('$from --$action--> $to', ({ from, action, to }) => {
    expect(transitionChallenge(from, action, REASON)).toBe(to);
  });

  it.each(pairs.filter((p) => p.to === null))('$from --$action--> forbidden', ({ from, action }) => {
    expect(() => transitionChallenge(from, action, REASON)).toThrow(
      expect.objectContaining({ code: 'CHALLENGE_TRANSITION_FORBIDDEN', details: { from, action } }),
    );
  });

  it('names the status and the action in the conflict', () => {
    const attempt = () => transitionChallenge(COMPLETED, 'cancel');
    expect(attempt).toThrow(Conflict);
    expect(attempt).toThrow('Cannot cancel a challenge that is COMPLETED');
  });

  it('checks the transition before the reason', () => {
    expect(() => transitionChallenge(DRAFT, 'reject')).toThrow(Conflict);
  });

  describe('reasons', () => {
    it.each([undefined, null, '', '   '])('refuses to reject without a reason (%p)', (reason) => {
      const attempt = () => transitionChallenge(SUBMITTED, 'reject', { reason });
      expect(attempt).toThrow(ValidationFailed);
      expect(attempt).toThrow(
        expect.objectContaining({
          fields: [{ field: 'reason', messages: ['is required to reject a SUBMITTED challenge'] }],
        }),
      );
    });

    it('refuses to cancel a published challenge without a reason', () => {
      expect(() => transitionChallenge(PUBLISHED, 'cancel', { reason: ' ' })).toThrow(
        expect.objectContaining({
          fields: [{ field: 'reason', messages: ['is required to cancel a PUBLISHED challenge'] }],
        }),
      );
    });

    it('cancels a draft or a submitted challenge without a reason', () => {
      expect(transitionChallenge(DRAFT, 'cancel')).toBe(CANCELLED);
      expect(transitionChallenge(SUBMITTED, 'cancel')).toBe(CANCELLED);
    });
  });

  describe('effective status', () => {
    const closesAt = new Date('2025-06-30T16:00:00Z');

    it('reads a published challenge as closed from the deadline on', () => {
      expect(effectiveChallengeStatus(PUBLISHED, closesAt, new Date('2025-06-30T15:59:59.999Z'))).toBe(PUBLISHED);
      expect(effectiveChallengeStatus(PUBLISHED, closesAt, new Date('2025-06-30T16:00:00Z'))).toBe(CLOSED);
      expect(effectiveChallengeStatus(PUBLISHED, closesAt, new Date('2025-07-01T00:00:00Z'))).toBe(CLOSED);
    });

    it('leaves every other status as it is', () => {
      const after = new Date('2026-01-01T00:00:00Z');
      for (const status of CHALLENGE_STATUSES.filter((s) => s !== PUBLISHED)) {
        expect(effectiveChallengeStatus(status, closesAt, after)).toBe(status);
      }
    });
  });

  it('lets the enterprise edit drafts and rejected challenges only', () => {
    expect(EDITABLE_STATUSES).toEqual([DRAFT, REJECTED]);
  });
});
