import { assertInvitable, assertInvitee, assertPending } from './membership-invitation';

describe('membership invitations', () => {
  it('invites someone who is neither a member nor invited already', () => {
    expect(() => assertInvitable({ member: false, pendingInvitation: false })).not.toThrow();
    expect(() => assertInvitable({ member: true, pendingInvitation: false })).toThrow(expect.objectContaining({ code: 'ALREADY_MEMBER' }));
    expect(() => assertInvitable({ member: false, pendingInvitation: true })).toThrow(expect.objectContaining({ code: 'ALREADY_INVITED' }));
  });

  it('lets only the invitee answer', () => {
    expect(() => assertInvitee({ inviteeId: 'wang' }, 'wang')).not.toThrow();
    expect(() => assertInvitee({ inviteeId: 'wang' }, 'li')).toThrow(expect.objectContaining({ code: 'NOT_INVITEE', kind: 'FORBIDDEN' }));
  });

  it('decides an invitation once', () => {
    expect(() => assertPending({ status: 'PENDING' })).not.toThrow();
    for (const status of ['ACCEPTED', 'DECLINED', 'REVOKED'] as const) {
      expect(() => assertPending({ status })).toThrow(expect.objectContaining({ code: 'INVITATION_NOT_PENDING', details: { status } }));
    }
  });
});
