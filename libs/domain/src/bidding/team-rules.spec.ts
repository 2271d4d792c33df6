import { assertMayRemoveMember, assertTeamLead, CurrentMember } from './team-rules';

const lead = (userId: string): CurrentMember => ({ userId, role: 'LEAD' });
const member = (userId: string): CurrentMember => ({ userId, role: 'MEMBER' });

describe('team rules', () => {
  it('knows a lead from a member', () => {
    expect(() => assertTeamLead([lead('li'), member('wang')], 'li')).not.toThrow();
    expect(() => assertTeamLead([lead('li'), member('wang')], 'wang')).toThrow(expect.objectContaining({ code: 'NOT_TEAM_LEAD' }));
    expect(() => assertTeamLead([lead('li')], 'stranger')).toThrow(expect.objectContaining({ code: 'NOT_TEAM_LEAD' }));
  });

  const team = [lead('li'), member('wang'), member('zhao')];

  it('a lead removes a member', () => {
    expect(() => assertMayRemoveMember(team, 'li', 'wang')).not.toThrow();
  });

  it('a member leaves on their own', () => {
    expect(() => assertMayRemoveMember(team, 'zhao', 'zhao')).not.toThrow();
  });

  it('a member does not remove another member', () => {
    expect(() => assertMayRemoveMember(team, 'wang', 'zhao')).toThrow(expect.objectContaining({ code: 'NOT_TEAM_LEAD' }));
  });

  it('an outsider removes nobody, and learns nothing about who is a member', () => {
    expect(() => assertMayRemoveMember(team, 'stranger', 'wang')).toThrow(expect.objectContaining({ code: 'NOT_TEAM_LEAD' }));
    expect(() => assertMayRemoveMember(team, 'stranger', 'nobody')).toThrow(expect.objectContaining({ code: 'NOT_TEAM_LEAD' }));
  });

  it('the last lead can neither leave nor be removed', () => {
    expect(() => assertMayRemoveMember(team, 'li', 'li')).toThrow(expect.objectContaining({ code: 'LAST_LEAD' }));
  });

  it('one of two leads may leave, or remove the other', () => {
    const twoLeads = [lead('li'), lead('chen'), member('wang')];
    expect(() => assertMayRemoveMember(twoLeads, 'li', 'li')).not.toThrow();
    expect(() => assertMayRemoveMember(twoLeads, 'li', 'chen')).not.toThrow();
  });

  it('a lead removing someone who is not a member gets MEMBER_NOT_FOUND', () => {
    expect(() => assertMayRemoveMember(team, 'li', 'nobody')).toThrow(expect.objectContaining({ code: 'MEMBER_NOT_FOUND' }));
  });
});
