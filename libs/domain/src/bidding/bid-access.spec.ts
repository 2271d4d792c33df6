import { Conflict, Forbidden, NotFound } from '../errors';
import {
  assertBiddingOpen,
  assertMayBid,
  assertNoSelfDealing,
  assertShortlistOpen,
  BiddingPhase,
  biddingPhase,
  canOpenBids,
  canReadBid,
  EligibilityRules,
  isTeamEligible,
  selfDealing,
} from './bid-access';
import { BID_STATUSES, BidStatus } from './bid-lifecycle';

describe('biddingPhase (opened / closed come from the database clock)', () => {
  it.each([
    ['DRAFT', false, false, 'HIDDEN'],
    ['SUBMITTED', true, false, 'HIDDEN'],
    ['REJECTED', true, true, 'HIDDEN'],
    ['PUBLISHED', false, false, 'NOT_OPEN'],
    ['PUBLISHED', true, false, 'OPEN'],
    ['PUBLISHED', true, true, 'CLOSED'],
    ['CLOSED', true, true, 'CLOSED'],
    ['EVALUATING', true, true, 'CLOSED'],
    ['AWARDED', true, true, 'CLOSED'],
    ['IN_DELIVERY', true, true, 'CLOSED'],
    ['COMPLETED', true, true, 'CLOSED'],
    ['FAILED', true, true, 'CLOSED'],
    ['CANCELLED', true, false, 'CANCELLED'],
    ['CANCELLED', true, true, 'CANCELLED'],
  ])('%s, opened %p, closed %p is %s', (status, opened, closed, phase) => {
    expect(biddingPhase({ status, opened, closed })).toBe(phase);
  });

  it('a PUBLISHED challenge whose persisted status lags is CLOSED as soon as the clock says so', () => {
    expect(biddingPhase({ status: 'PUBLISHED', opened: true, closed: true })).toBe('CLOSED');
  });
});

describe('assertBiddingOpen', () => {
  it('lets bids through only while OPEN', () => {
    expect(() => assertBiddingOpen('OPEN')).not.toThrow();
  });

  it.each<[BiddingPhase, string, unknown]>([
    ['NOT_OPEN', 'BID_WINDOW_NOT_OPEN', Conflict],
    ['CLOSED', 'BID_WINDOW_CLOSED', Conflict],
    ['CANCELLED', 'CHALLENGE_CANCELLED', Conflict],
    ['HIDDEN', 'CHALLENGE_NOT_FOUND', NotFound],
  ])('refuses %s with %s', (phase, code, type) => {
    expect(() => assertBiddingOpen(phase)).toThrow(type as new () => Error);
    expect(() => assertBiddingOpen(phase)).toThrow(expect.objectContaining({ code }));
  });
});

describe('canReadBid: sealed until the deadline', () => {
  const team = { isTeamMember: true, ownsOrAdministers: false };
  const owner = { isTeamMember: false, ownsOrAdministers: true };
  const stranger = { isTeamMember: false, ownsOrAdministers: false };
  const phases: BiddingPhase[] = ['HIDDEN', 'NOT_OPEN', 'OPEN', 'CLOSED', 'CANCELLED'];

  it('the bidding team reads its bid in every phase and status', () => {
    for (const phase of phases) for (const status of BID_STATUSES) expect(canReadBid(team, phase, status)).toBe(true);
  });

  it('the owner org and admins read it only after closing', () => {
    expect(phases.filter((phase) => canReadBid(owner, phase, BidStatus.SUBMITTED))).toEqual(['CLOSED']);
  });

  it('a withdrawn bid is never opened for the owner', () => {
    expect(canReadBid(owner, 'CLOSED', BidStatus.WITHDRAWN)).toBe(false);
  });

  it('a cancelled challenge never opens its bids', () => {
    expect(canReadBid(owner, 'CANCELLED', BidStatus.SUBMITTED)).toBe(false);
  });

  it('nobody else reads it, ever', () => {
    for (const phase of phases) for (const status of BID_STATUSES) expect(canReadBid(stranger, phase, status)).toBe(false);
  });

  it('the list opens for the owner after closing, and only then', () => {
    expect(phases.filter((phase) => canOpenBids(true, phase))).toEqual(['CLOSED']);
    expect(phases.filter((phase) => canOpenBids(false, phase))).toEqual([]);
  });
});

describe('eligibility and NDA', () => {
  const open = { eligibility: 'OPEN', invitedTeamIds: [], invitedOrgIds: [] };
  const invite = { eligibility: 'INVITE_ONLY', invitedTeamIds: ['team-invited'], invitedOrgIds: ['org-invited'] };

  it('an open challenge takes any team', () => {
    expect(isTeamEligible(open, { id: 'any', orgId: null })).toBe(true);
  });

  it.each([
    ['an invited team', { id: 'team-invited', orgId: null }, true],
    ['a team of an invited organisation', { id: 'other', orgId: 'org-invited' }, true],
    ['a team of another organisation', { id: 'other', orgId: 'org-other' }, false],
    ['a team without an organisation', { id: 'other', orgId: null }, false],
  ])('an invite-only challenge: %s -> %p', (_, team, eligible) => {
    expect(isTeamEligible(invite, team)).toBe(eligible);
  });

  it('refuses an uninvited team, then a team without the NDA when one is required', () => {
    const team = { id: 'other', orgId: null, memberUserIds: ['user-lead'], ndaAccepted: false };
    const rules = (of: EligibilityRules, ndaRequired: boolean) => ({ ...of, orgId: 'org-owner', ownerMemberUserIds: [], ndaRequired });
    expect(() => assertMayBid(rules(invite, false), team)).toThrow(expect.objectContaining({ code: 'TEAM_NOT_ELIGIBLE' }));
    expect(() => assertMayBid(rules(open, true), team)).toThrow(Forbidden);
    expect(() => assertMayBid(rules(open, true), team)).toThrow(expect.objectContaining({ code: 'NDA_NOT_ACCEPTED' }));
    expect(() => assertMayBid(rules(open, true), { ...team, ndaAccepted: true })).not.toThrow();
    expect(() => assertMayBid(rules(open, false), team)).not.toThrow();
  });

  it('refuses the owner enterprise, as the team’s organisation or through any of its members, before anything else', () => {
    const rules = { ...invite, orgId: 'org-owner', ownerMemberUserIds: [], ndaRequired: true };
    const team = { id: 'team-invited', orgId: 'org-university', memberUserIds: ['user-lead', 'user-staff'], ndaAccepted: true };
    expect(() => assertMayBid(rules, team)).not.toThrow();
    const uninvited = { ...team, id: 'uninvited', ndaAccepted: false };
    expect(() => assertMayBid(rules, { ...uninvited, orgId: 'org-owner' })).toThrow(
      expect.objectContaining({ code: 'OWN_CHALLENGE', details: { rules: ['TEAM_ORG_IS_OWNER'], memberUserIds: [] } }),
    );
    expect(() => assertMayBid({ ...rules, ownerMemberUserIds: ['user-staff'] }, uninvited)).toThrow(
      expect.objectContaining({ code: 'OWN_CHALLENGE', details: { rules: ['MEMBER_OF_OWNER'], memberUserIds: ['user-staff'] } }),
    );
  });
});

describe('selfDealing (an enterprise never bids on its own challenge)', () => {
  const owner = { orgId: 'org-owner', memberUserIds: ['user-boss', 'user-engineer'] };

  it('is nothing for a team of another organisation whose members are not the owner’s', () => {
    expect(selfDealing(owner, { orgId: 'org-university', memberUserIds: ['user-professor', 'user-student'] })).toBeNull();
    expect(selfDealing(owner, { orgId: null, memberUserIds: ['user-professor'] })).toBeNull();
    expect(() => assertNoSelfDealing(owner, { orgId: null, memberUserIds: [] })).not.toThrow();
  });

  it('names the rule when the team’s organisation is the owner, even with none of the owner’s members in it', () => {
    expect(selfDealing(owner, { orgId: 'org-owner', memberUserIds: ['user-contractor'] })).toEqual({ rules: ['TEAM_ORG_IS_OWNER'], memberUserIds: [] });
  });

  it('names every current member of the team who is also the owner’s, in the team’s order, and only their user ids', () => {
    const team = { orgId: 'org-university', memberUserIds: ['user-engineer', 'user-professor', 'user-boss'] };
    expect(selfDealing(owner, team)).toEqual({ rules: ['MEMBER_OF_OWNER'], memberUserIds: ['user-engineer', 'user-boss'] });
  });

  it('names both rules when both hold, and refuses with 403 OWN_CHALLENGE carrying them', () => {
    const team = { orgId: 'org-owner', memberUserIds: ['user-boss'] };
    expect(selfDealing(owner, team)).toEqual({ rules: ['TEAM_ORG_IS_OWNER', 'MEMBER_OF_OWNER'], memberUserIds: ['user-boss'] });
    expect(() => assertNoSelfDealing(owner, team)).toThrow(Forbidden);
    expect(() => assertNoSelfDealing(owner, team)).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN', code: 'OWN_CHALLENGE', details: { rules: ['TEAM_ORG_IS_OWNER', 'MEMBER_OF_OWNER'], memberUserIds: ['user-boss'] } }),
    );
  });
});

describe('assertShortlistOpen (形式审查 between closing and the room)', () => {
  it.each(['PUBLISHED', 'CLOSED'])('is open after closing while the challenge is %s', (status) => {
    expect(() => assertShortlistOpen(status, 'CLOSED')).not.toThrow();
  });

  it.each(['EVALUATING', 'AWARDED', 'COMPLETED'])('is frozen once the challenge is %s', (status) => {
    expect(() => assertShortlistOpen(status, 'CLOSED')).toThrow(expect.objectContaining({ code: 'SHORTLIST_FROZEN' }));
  });

  it('waits for bidding to close', () => {
    expect(() => assertShortlistOpen('PUBLISHED', 'OPEN')).toThrow(expect.objectContaining({ code: 'BIDDING_NOT_CLOSED' }));
  });
});
