import { CHALLENGE_STATUSES, ChallengeStatus } from './challenge-lifecycle';
import { ChallengeAudience, ChallengeReader, canSeeChallenge, canSeeDetail, isOnPublicList } from './challenge-visibility';

const challenge = (change: Partial<ChallengeAudience> = {}): ChallengeAudience => ({
  status: ChallengeStatus.PUBLISHED,
  wasPublished: true,
  eligibility: 'OPEN',
  ndaRequired: false,
  ...change,
});

const nobody: ChallengeReader = { signedIn: false, admin: false, ownerOrg: false, invited: false, ndaAccepted: false, judgeOfRoom: false };
const anonymous = nobody;
const solver: ChallengeReader = { ...nobody, signedIn: true };
const invitedSolver: ChallengeReader = { ...solver, invited: true };
const ndaTeamMember: ChallengeReader = { ...solver, ndaAccepted: true };
const owner: ChallengeReader = { ...solver, ownerOrg: true };
const admin: ChallengeReader = { ...solver, admin: true };
const judge: ChallengeReader = { ...solver, judgeOfRoom: true };

describe('challenge visibility', () => {
  describe('the public list', () => {
    it.each(['PUBLISHED', 'CLOSED', 'EVALUATING', 'AWARDED', 'IN_DELIVERY', 'COMPLETED', 'FAILED'] as const)('shows %s', (status) => {
      expect(isOnPublicList({ status, wasPublished: true })).toBe(true);
    });

    it.each(['DRAFT', 'SUBMITTED', 'REJECTED'] as const)('hides %s', (status) => {
      expect(isOnPublicList({ status, wasPublished: false })).toBe(false);
    });

    it('keeps a challenge cancelled after publication (bidders must learn of it), not one cancelled before', () => {
      expect(isOnPublicList({ status: 'CANCELLED', wasPublished: true })).toBe(true);
      expect(isOnPublicList({ status: 'CANCELLED', wasPublished: false })).toBe(false);
    });
  });

  describe('who sees a challenge', () => {
    it.each(['DRAFT', 'SUBMITTED', 'REJECTED'] as const)('a %s challenge: only its organisation and the bureau', (status) => {
      const c = challenge({ status, wasPublished: false });
      expect([anonymous, solver, invitedSolver, judge].map((r) => canSeeChallenge(c, r))).toEqual([false, false, false, false]);
      expect(canSeeChallenge(c, owner)).toBe(true);
      expect(canSeeChallenge(c, admin)).toBe(true);
    });

    it('an open published challenge: everybody, signed in or not', () => {
      expect([anonymous, solver, owner, admin].every((r) => canSeeChallenge(challenge(), r))).toBe(true);
    });

    it('an invite-only challenge: the invited, the room, the organisation and the bureau; not others, not anonymous', () => {
      const c = challenge({ eligibility: 'INVITE_ONLY' });
      expect(canSeeChallenge(c, anonymous)).toBe(false);
      expect(canSeeChallenge(c, { ...anonymous, invited: true })).toBe(false);
      expect(canSeeChallenge(c, solver)).toBe(false);
      expect(canSeeChallenge(c, ndaTeamMember)).toBe(false);
      expect([invitedSolver, judge, owner, admin].every((r) => canSeeChallenge(c, r))).toBe(true);
    });

    it('every status against every reader: the bureau sees all', () => {
      for (const status of CHALLENGE_STATUSES) expect(canSeeChallenge(challenge({ status, wasPublished: false }), admin)).toBe(true);
    });
  });

  describe('who reads the confidential detail', () => {
    it('without an NDA: every signed-in reader who sees the challenge, never an anonymous one', () => {
      expect(canSeeDetail(challenge(), anonymous)).toBe(false);
      expect([solver, owner, admin].every((r) => canSeeDetail(challenge(), r))).toBe(true);
    });

    it('with an NDA: the organisation, the bureau, the room, and members of teams whose lead accepted it', () => {
      const c = challenge({ ndaRequired: true });
      expect(canSeeDetail(c, anonymous)).toBe(false);
      expect(canSeeDetail(c, solver)).toBe(false);
      expect(canSeeDetail(c, invitedSolver)).toBe(false);
      expect([ndaTeamMember, judge, owner, admin].every((r) => canSeeDetail(c, r))).toBe(true);
    });

    it('never for a challenge the reader cannot see', () => {
      const draft = challenge({ status: 'DRAFT', wasPublished: false });
      expect(canSeeDetail(draft, ndaTeamMember)).toBe(false);
      expect(canSeeDetail(challenge({ eligibility: 'INVITE_ONLY', ndaRequired: true }), ndaTeamMember)).toBe(false);
      expect(canSeeDetail(challenge({ eligibility: 'INVITE_ONLY', ndaRequired: true }), { ...invitedSolver, ndaAccepted: true })).toBe(true);
    });
  });
});
