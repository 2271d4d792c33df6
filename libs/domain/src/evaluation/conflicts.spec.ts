import { arisingRecusalEffect, arisingRecusals, automaticRecusals, autoRecusal, declarationsComplete, flaggedBids, lookbackStart, membershipRecuses } from './conflicts';
import { OrganisationIdentity, organisationIdentity } from '../identity/organisation-identity';

const org = (name: string): OrganisationIdentity => organisationIdentity({ name, country: 'CN', creditCode: null });

describe('autoRecusal', () => {
  const at = new Date('2027-06-15T08:00:00Z');
  const lookback = { at, years: 3 };
  const team = {
    org: org('org-lab'),
    keyPersonnelUserIds: ['u-lead', 'u-named'],
    memberships: [
      { userId: 'u-lead', leftAt: null },
      { userId: 'u-former', leftAt: new Date('2026-01-10T00:00:00Z') },
      { userId: 'u-long-gone', leftAt: new Date('2024-06-15T07:59:59Z') },
    ],
  };

  it('recuses a judge affiliated with the bidding organisation', () => {
    expect(autoRecusal({ userId: 'u-judge', affiliation: org('org-lab') }, team, lookback)).toBe('SAME_ORGANISATION');
  });

  it('recuses a judge who is on the team or left it within the look-back, whatever their affiliation', () => {
    expect(autoRecusal({ userId: 'u-former', affiliation: null }, team, lookback)).toBe('TEAM_MEMBER');
    expect(autoRecusal({ userId: 'u-former', affiliation: org('org-lab') }, team, lookback)).toBe('TEAM_MEMBER');
  });

  it('recuses a judge the bid names as key personnel, before membership and affiliation', () => {
    expect(autoRecusal({ userId: 'u-lead', affiliation: org('org-lab') }, team, lookback)).toBe('KEY_PERSONNEL');
    // named on the bid though no longer on the team (or never recorded on it)
    expect(autoRecusal({ userId: 'u-named', affiliation: null }, team, lookback)).toBe('KEY_PERSONNEL');
  });

  it('no longer recuses a judge who left the team longer ago than the look-back', () => {
    expect(autoRecusal({ userId: 'u-long-gone', affiliation: null }, team, lookback)).toBeNull();
    expect(autoRecusal({ userId: 'u-long-gone', affiliation: null }, team, { at, years: 4 })).toBe('TEAM_MEMBER');
    // a look-back of 0 years: only current members
    expect(autoRecusal({ userId: 'u-former', affiliation: null }, team, { at, years: 0 })).toBeNull();
  });

  it('recuses on any period within the look-back when a member came and went twice', () => {
    const twice = { org: null, keyPersonnelUserIds: [], memberships: [{ userId: 'u-j', leftAt: new Date('2020-01-01Z') }, { userId: 'u-j', leftAt: new Date('2027-01-01Z') }] };
    expect(autoRecusal({ userId: 'u-j', affiliation: null }, twice, lookback)).toBe('TEAM_MEMBER');
  });

  it('does not match two missing organisations', () => {
    const unaffiliated = { userId: 'u-judge', affiliation: null };
    expect(autoRecusal(unaffiliated, { org: null, keyPersonnelUserIds: [], memberships: [] }, lookback)).toBeNull();
  });

  it('recuses a judge affiliated with another record of the same organisation: the same credit code, or the same name in the same country', () => {
    const real = organisationIdentity({ name: '昆明理工大学', country: 'CN', creditCode: '12530000431200023X' });
    const copy = organisationIdentity({ name: '昆明 理工大学（）', country: 'CN', creditCode: null });
    expect(autoRecusal({ userId: 'u-judge', affiliation: real }, { org: copy, keyPersonnelUserIds: [], memberships: [] }, lookback)).toBe('SAME_ORGANISATION');
    const abroad = organisationIdentity({ name: '昆明理工大学', country: 'HK', creditCode: null });
    expect(autoRecusal({ userId: 'u-judge', affiliation: real }, { org: abroad, keyPersonnelUserIds: [], memberships: [] }, lookback)).toBeNull();
  });

  it('leaves an unrelated judge on the bid', () => {
    expect(autoRecusal({ userId: 'u-judge', affiliation: org('org-other') }, team, lookback)).toBeNull();
  });
});

describe('the look-back', () => {
  it('counts calendar years back from the moment of judging, in UTC', () => {
    expect(lookbackStart({ at: new Date('2027-06-15T08:00:00Z'), years: 3 })).toEqual(new Date('2024-06-15T08:00:00Z'));
    expect(lookbackStart({ at: new Date('2028-02-29T12:00:00Z'), years: 1 })).toEqual(new Date('2027-03-01T12:00:00Z'));
  });

  it('lets a membership recuse while it lasts and up to the look-back after it ended, not at its very edge', () => {
    const lookback = { at: new Date('2027-06-15T08:00:00Z'), years: 3 };
    expect(membershipRecuses({ userId: 'u', leftAt: null }, lookback)).toBe(true);
    expect(membershipRecuses({ userId: 'u', leftAt: new Date('2024-06-15T08:00:01Z') }, lookback)).toBe(true);
    expect(membershipRecuses({ userId: 'u', leftAt: new Date('2024-06-15T08:00:00Z') }, lookback)).toBe(false);
  });
});

describe('automaticRecusals', () => {
  it('lists every recusal, judge by judge then bid by bid, with its reason; a membership past the look-back recuses nobody', () => {
    const bids = [
      { bidId: 'b1', org: org('org-1'), keyPersonnelUserIds: [], memberships: [{ userId: 'j2', leftAt: null }, { userId: 'j3', leftAt: new Date('2020-01-01T00:00:00Z') }] },
      { bidId: 'b2', org: org('org-2'), keyPersonnelUserIds: ['j3'], memberships: [] },
    ];
    expect(
      automaticRecusals(
        [
          { userId: 'j1', affiliation: org('org-2') },
          { userId: 'j2', affiliation: org('org-1') },
          { userId: 'j3', affiliation: null },
        ],
        bids,
        { at: new Date('2027-06-15T08:00:00Z'), years: 3 },
      ),
    ).toEqual([
      { judgeId: 'j1', bidId: 'b2', reason: 'SAME_ORGANISATION' },
      { judgeId: 'j2', bidId: 'b1', reason: 'TEAM_MEMBER' },
      { judgeId: 'j3', bidId: 'b2', reason: 'KEY_PERSONNEL' },
    ]);
  });
});

describe('declarationsComplete', () => {
  it('is complete when every judge declared on every bid', () => {
    const declarations = [
      { judgeId: 'j1', bidId: 'b1' },
      { judgeId: 'j1', bidId: 'b2' },
      { judgeId: 'j2', bidId: 'b2' },
      { judgeId: 'j2', bidId: 'b1' },
    ];
    expect(declarationsComplete(['j1', 'j2'], ['b1', 'b2'], declarations)).toEqual({ complete: true, missing: [] });
  });

  it('lists the missing pairs judge by judge, ignoring declarations outside the room', () => {
    const declarations = [
      { judgeId: 'j1', bidId: 'b2' },
      { judgeId: 'j3', bidId: 'b1' },
      { judgeId: 'j9', bidId: 'b1' },
      { judgeId: 'j2', bidId: 'b9' },
    ];
    expect(declarationsComplete(['j1', 'j2', 'j3'], ['b1', 'b2'], declarations)).toEqual({
      complete: false,
      missing: [
        { judgeId: 'j1', bidId: 'b1' },
        { judgeId: 'j2', bidId: 'b1' },
        { judgeId: 'j2', bidId: 'b2' },
        { judgeId: 'j3', bidId: 'b2' },
      ],
    });
  });

  it('does not confuse ids that concatenate alike', () => {
    // "j1" + "1b" and "j11" + "b" would collide under naive concatenation
    expect(declarationsComplete(['j1'], ['1b'], [{ judgeId: 'j11', bidId: 'b' }]).complete).toBe(false);
  });
});

describe('conflicts that arise after convening', () => {
  it('keeps only the recusals the room does not hold yet', () => {
    const due = [
      { judgeId: 'j1', bidId: 'b1', reason: 'TEAM_MEMBER' as const },
      { judgeId: 'j1', bidId: 'b2', reason: 'TEAM_MEMBER' as const },
      { judgeId: 'j1', bidId: 'b3', reason: 'TEAM_MEMBER' as const },
    ];
    const declarations = [
      { judgeId: 'j1', bidId: 'b1', conflict: true },
      { judgeId: 'j1', bidId: 'b2', conflict: false },
      { judgeId: 'j2', bidId: 'b3', conflict: true },
    ];
    expect(arisingRecusals(due, declarations)).toEqual([due[1], due[2]]);
  });

  it('withdraws a standing score while the bid is open, keeps and flags it once locked or revealed', () => {
    expect(arisingRecusalEffect('OPEN', 'PRESENTING', true)).toEqual({ withdrawScore: true, flagged: false });
    expect(arisingRecusalEffect('OPEN', 'LOCKED', true)).toEqual({ withdrawScore: false, flagged: true });
    expect(arisingRecusalEffect('REVEALED', 'LOCKED', true)).toEqual({ withdrawScore: false, flagged: true });
    for (const [status, slot] of [['CONVENED', 'PENDING'], ['OPEN', 'PRESENTING'], ['OPEN', 'LOCKED'], ['REVEALED', 'LOCKED']] as const) {
      expect(arisingRecusalEffect(status, slot, false)).toEqual({ withdrawScore: false, flagged: false });
    }
  });

  it('flags the bids on which a recused judge’s score stands', () => {
    const declarations = [
      { judgeId: 'j1', bidId: 'b1', conflict: true },
      { judgeId: 'j2', bidId: 'b1', conflict: false },
      { judgeId: 'j3', bidId: 'b2', conflict: true },
    ];
    const standing = [
      { judgeId: 'j1', bidId: 'b1' },
      { judgeId: 'j2', bidId: 'b1' },
      { judgeId: 'j3', bidId: 'b1' },
    ];
    expect(flaggedBids(['b1', 'b2'], declarations, standing)).toEqual([{ bidId: 'b1', judgeIds: ['j1'] }]);
  });
});
