import { automaticRecusals, autoRecusal, declarationsComplete } from './conflicts';

describe('autoRecusal', () => {
  const team = { orgId: 'org-lab', memberUserIdsEver: ['u-lead', 'u-former'] };

  it('recuses a judge affiliated with the bidding organisation', () => {
    expect(autoRecusal({ userId: 'u-judge', affiliationOrgId: 'org-lab' }, team)).toBe('SAME_ORGANISATION');
  });

  it('recuses a judge who is or ever was on the team, whatever their affiliation', () => {
    expect(autoRecusal({ userId: 'u-former', affiliationOrgId: null }, team)).toBe('TEAM_MEMBER');
    expect(autoRecusal({ userId: 'u-lead', affiliationOrgId: 'org-lab' }, team)).toBe('TEAM_MEMBER');
  });

  it('does not match two missing organisations', () => {
    const unaffiliated = { userId: 'u-judge', affiliationOrgId: null };
    expect(autoRecusal(unaffiliated, { orgId: null, memberUserIdsEver: [] })).toBeNull();
  });

  it('leaves an unrelated judge on the bid', () => {
    expect(autoRecusal({ userId: 'u-judge', affiliationOrgId: 'org-other' }, team)).toBeNull();
  });
});

describe('automaticRecusals', () => {
  it('lists every recusal, judge by judge then bid by bid, with its reason', () => {
    const bids = [
      { bidId: 'b1', orgId: 'org-1', memberUserIdsEver: ['j2'] },
      { bidId: 'b2', orgId: 'org-2', memberUserIdsEver: [] },
    ];
    expect(
      automaticRecusals(
        [
          { userId: 'j1', affiliationOrgId: 'org-2' },
          { userId: 'j2', affiliationOrgId: 'org-1' },
          { userId: 'j3', affiliationOrgId: null },
        ],
        bids,
      ),
    ).toEqual([
      { judgeId: 'j1', bidId: 'b2', reason: 'SAME_ORGANISATION' },
      { judgeId: 'j2', bidId: 'b1', reason: 'TEAM_MEMBER' },
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
