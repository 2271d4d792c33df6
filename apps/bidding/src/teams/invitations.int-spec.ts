import { startTestApp, TestApp } from '../../../../test/support/app';
import { acceptInvitation, createTeam, InvitationBody, inviteToTeam } from '../../../../test/support/bidding';
import { loginAdmin, randomCreditCode, register, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';

/** Membership by consent (docs/integrity.md): invitations to teams and organisations, from the invitation to the decision. */
describe('invitations to teams and organisations (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const answer = (user: TestUser, id: string, decision: 'accept' | 'decline' | 'revoke') => t.http().post(`/api/invitations/${id}/${decision}`).set(user.auth);
  const currentMembers = async (teamId: string): Promise<string[]> =>
    ((await t.http().get(`/api/teams/${teamId}`).set(admin.auth).expect(200)).body.members as { userId: string }[]).map((m) => m.userId);
  const mine = async (user: TestUser): Promise<InvitationBody[]> => (await t.http().get('/api/me/invitations').set(user.auth).expect(200)).body;

  async function newOrg(owner: TestUser): Promise<string> {
    const res = await t.http().post('/api/orgs').set(owner.auth).send({ name: `滇中新材料研究院 ${randomCreditCode()}`, kind: 'INSTITUTE', country: 'CN' }).expect(201);
    return res.body.id as string;
  }
  const inviteToOrg = (owner: TestUser, orgId: string, user: TestUser) => t.http().post(`/api/orgs/${orgId}/members`).set(owner.auth).send({ email: user.email });
  const orgMembers = async (orgId: string): Promise<string[]> =>
    ((await t.http().get(`/api/orgs/${orgId}/members`).set(admin.auth).expect(200)).body as { userId: string }[]).map((m) => m.userId);

  describe('teams', () => {
    it('makes a membership only when the invitee accepts, in the invited role, joined at the acceptance (database clock)', async () => {
      const lead = await register(t, 'lead', '李明');
      const invitee = await register(t, 'invitee', '王芳');
      const team = await createTeam(t, lead, { name: '昆明理工大学 光电检测课题组' });
      const invitation = await inviteToTeam(t, lead, team.id, invitee, 'LEAD');
      expect(invitation).toMatchObject({ status: 'PENDING', role: 'LEAD', name: '昆明理工大学 光电检测课题组', inviteeName: '王芳', invitedByName: '李明', decidedAt: null });
      expect(await currentMembers(team.id)).toEqual([lead.id]);
      expect(await mine(invitee)).toEqual([expect.objectContaining({ id: invitation.id, kind: 'TEAM', teamId: team.id, status: 'PENDING' })]);

      const accepted = await acceptInvitation(t, invitee, invitation.id);
      expect(accepted).toMatchObject({ id: invitation.id, status: 'ACCEPTED', decidedById: invitee.id, decidedAt: expect.any(String) });
      const [period] = await t.dataSource.query(
        `SELECT m.role, m.joined_at = i.decided_at AS joined_at_acceptance FROM team_member m JOIN team_invitation i ON i.id = $2
          WHERE m.team_id = $1 AND m.user_id = i.invitee_id`,
        [team.id, invitation.id],
      );
      expect(period).toEqual({ role: 'LEAD', joined_at_acceptance: true });
      // now a lead: the new lead may invite too
      await inviteToTeam(t, invitee, team.id, await register(t));
    });

    it('lets the invitee decline (no membership), and be invited again later', async () => {
      const lead = await register(t, 'lead');
      const invitee = await register(t, 'invitee');
      const team = await createTeam(t, lead);
      const first = await inviteToTeam(t, lead, team.id, invitee);
      const declined = await answer(invitee, first.id, 'decline').expect(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', decidedById: invitee.id });
      expect(await currentMembers(team.id)).toEqual([lead.id]);
      const late = await answer(invitee, first.id, 'accept').expect(409);
      expect(late.body).toMatchObject({ code: 'INVITATION_NOT_PENDING', details: { status: 'DECLINED' } });
      expect(await currentMembers(team.id)).toEqual([lead.id]);

      const second = await inviteToTeam(t, lead, team.id, invitee);
      const listed = await mine(invitee);
      expect(listed.map((i) => [i.id, i.status])).toEqual([
        [second.id, 'PENDING'],
        [first.id, 'DECLINED'],
      ]);
    });

    it('lets a lead revoke a pending invitation, which can then not be accepted', async () => {
      const lead = await register(t, 'lead');
      const coLead = await register(t, 'co-lead');
      const member = await register(t, 'member');
      const invitee = await register(t, 'invitee');
      const team = await createTeam(t, lead, { leads: [coLead], members: [member] });
      const invitation = await inviteToTeam(t, lead, team.id, invitee);

      for (const refused of [member, invitee]) expect((await answer(refused, invitation.id, 'revoke').expect(403)).body.code).toBe('NOT_TEAM_LEAD');
      // any lead of the team revokes, not only the inviter
      const revoked = await answer(coLead, invitation.id, 'revoke').expect(200);
      expect(revoked.body).toMatchObject({ status: 'REVOKED', decidedById: coLead.id });
      expect((await answer(invitee, invitation.id, 'accept').expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
      expect((await answer(lead, invitation.id, 'revoke').expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
      expect(await currentMembers(team.id)).toEqual([lead.id, coLead.id, member.id]);

      const listed = await t.http().get(`/api/teams/${team.id}/invitations`).set(coLead.auth).expect(200);
      expect(listed.body.map((i: InvitationBody) => [i.inviteeId, i.status])).toEqual([
        [invitee.id, 'REVOKED'],
        [member.id, 'ACCEPTED'],
        [coLead.id, 'ACCEPTED'],
      ]);
      await t.http().get(`/api/teams/${team.id}/invitations`).set(admin.auth).expect(200);
      expect((await t.http().get(`/api/teams/${team.id}/invitations`).set(member.auth).expect(403)).body.code).toBe('NOT_TEAM_LEAD');
    });

    it('lets only the invitee answer, and refuses unknown invitations', async () => {
      const lead = await register(t, 'lead');
      const invitee = await register(t, 'invitee');
      const stranger = await register(t, 'stranger');
      const team = await createTeam(t, lead);
      const invitation = await inviteToTeam(t, lead, team.id, invitee);
      for (const user of [lead, stranger, admin]) {
        for (const decision of ['accept', 'decline'] as const) {
          expect((await answer(user, invitation.id, decision).expect(403)).body.code).toBe('NOT_INVITEE');
        }
      }
      expect(await mine(stranger)).toEqual([]);
      expect(await currentMembers(team.id)).toEqual([lead.id]);
      const unknown = await answer(invitee, '5b0f6f9e-8c8e-4c55-9a3e-2f2b8e6f0c11', 'accept').expect(404);
      expect(unknown.body.code).toBe('INVITATION_NOT_FOUND');
      const badId = await answer(invitee, 'not-a-uuid', 'accept').expect(400);
      expect(badId.body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
      await t.http().post(`/api/invitations/${invitation.id}/accept`).expect(401);
      await t.http().get('/api/me/invitations').expect(401);
    });

    it('decides an invitation once when the invitee accepts as a lead revokes', async () => {
      const lead = await register(t, 'lead');
      const invitee = await register(t, 'invitee');
      const team = await createTeam(t, lead);
      const invitation = await inviteToTeam(t, lead, team.id, invitee);
      const [accept, revoke] = await Promise.all([answer(invitee, invitation.id, 'accept'), answer(lead, invitation.id, 'revoke')]);
      expect([accept.status, revoke.status].sort()).toEqual([200, 409]);
      const joined = (await currentMembers(team.id)).includes(invitee.id);
      expect(joined).toBe(accept.status === 200);
    });
  });

  describe('organisations', () => {
    it('makes a MEMBER only when the invitee accepts; owners invite, list and revoke', async () => {
      const owner = await register(t, 'owner');
      const invitee = await register(t, 'invitee');
      const other = await register(t, 'other');
      const orgId = await newOrg(owner);
      const invited = await inviteToOrg(owner, orgId, invitee).expect(201);
      expect(invited.body).toMatchObject({ kind: 'ORGANISATION', orgId, teamId: null, role: 'MEMBER', inviteeId: invitee.id, invitedById: owner.id, status: 'PENDING' });
      expect(await orgMembers(orgId)).toEqual([owner.id]);
      // a pending invitation is no membership: the invitee neither sees the members nor links a team to the organisation
      expect((await t.http().get(`/api/orgs/${orgId}/members`).set(invitee.auth).expect(403)).body.code).toBe('NOT_ORG_MEMBER');
      const team = await t.http().post('/api/teams').set(invitee.auth).send({ name: '冒名课题组', kind: 'RESEARCH_GROUP', country: 'CN', orgId }).expect(400);
      expect(team.body.details).toEqual([{ field: 'orgId', messages: ['must be an organisation you are a member of'] }]);
      expect((await inviteToOrg(owner, orgId, invitee).expect(409)).body.code).toBe('ALREADY_INVITED');
      expect((await inviteToOrg(invitee, orgId, other).expect(403)).body.code).toBe('NOT_ORG_OWNER');

      await acceptInvitation(t, invitee, invited.body.id);
      expect(await orgMembers(orgId)).toEqual([owner.id, invitee.id]);
      expect((await inviteToOrg(owner, orgId, invitee).expect(409)).body.code).toBe('ALREADY_MEMBER');
      // a member who is no owner invites nobody and revokes nothing
      expect((await inviteToOrg(invitee, orgId, other).expect(403)).body.code).toBe('NOT_ORG_OWNER');
      const pending = await inviteToOrg(owner, orgId, other).expect(201);
      expect((await answer(invitee, pending.body.id, 'revoke').expect(403)).body.code).toBe('NOT_ORG_OWNER');
      expect((await answer(invitee, pending.body.id, 'accept').expect(403)).body.code).toBe('NOT_INVITEE');
      expect((await answer(owner, pending.body.id, 'revoke').expect(200)).body).toMatchObject({ status: 'REVOKED', decidedById: owner.id });
      expect((await answer(other, pending.body.id, 'accept').expect(409)).body.code).toBe('INVITATION_NOT_PENDING');
      expect(await orgMembers(orgId)).toEqual([owner.id, invitee.id]);

      const listed = await t.http().get(`/api/orgs/${orgId}/invitations`).set(owner.auth).expect(200);
      expect(listed.body.map((i: InvitationBody) => [i.inviteeId, i.status])).toEqual([
        [other.id, 'REVOKED'],
        [invitee.id, 'ACCEPTED'],
      ]);
      expect((await t.http().get(`/api/orgs/${orgId}/invitations`).set(invitee.auth).expect(403)).body.code).toBe('NOT_ORG_OWNER');
      await t.http().get(`/api/orgs/${orgId}/invitations`).set(admin.auth).expect(200);
      await t.http().get('/api/orgs/5b0f6f9e-8c8e-4c55-9a3e-2f2b8e6f0c11/invitations').set(admin.auth).expect(404);
    });

    it('lets the invitee decline, and lists their team and organisation invitations together, pending first', async () => {
      const owner = await register(t, 'owner');
      const lead = await register(t, 'lead');
      const invitee = await register(t, 'invitee');
      const orgId = await newOrg(owner);
      const team = await createTeam(t, lead);
      const toOrg = await inviteToOrg(owner, orgId, invitee).expect(201);
      const toTeam = await inviteToTeam(t, lead, team.id, invitee);
      const declined = await answer(invitee, toOrg.body.id, 'decline').expect(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', decidedById: invitee.id });
      expect(await orgMembers(orgId)).toEqual([owner.id]);
      const again = await inviteToOrg(owner, orgId, invitee).expect(201);
      await answer(invitee, toTeam.id, 'decline').expect(200);
      expect((await mine(invitee)).map((i) => [i.kind, i.id, i.status])).toEqual([
        ['ORGANISATION', again.body.id, 'PENDING'],
        ['TEAM', toTeam.id, 'DECLINED'],
        ['ORGANISATION', toOrg.body.id, 'DECLINED'],
      ]);
    });
  });
});
