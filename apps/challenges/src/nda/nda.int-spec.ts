import { startTestApp, TestApp } from '../../../../test/support/app';
import { createChallenge, createPublishedChallenge, expireChallenge, insertTeam } from '../../../../test/support/challenges';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { ChallengesAppModule } from '../challenges-app.module';

jest.setTimeout(30_000);

describe('NDA acceptance (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(() => t.close());

  it('records who accepted for which team on which version and when; a repeat answers the first record', async () => {
    const challenge = await createPublishedChallenge(t, owner, admin, { ndaRequired: true });
    await t.http().post(`/api/challenges/${challenge.id}/amendments`).set(owner.auth).send({ changeNote: '补充检测标准', summary: '新摘要' }).expect(201);
    const lead = await register(t, 'lead');
    const member = await register(t, 'member');
    const teamId = await insertTeam(t, lead, { members: [member] });
    const url = `/api/challenges/${challenge.id}/nda`;

    const denied = await t.http().post(url).set(member.auth).send({ teamId }).expect(403);
    expect(denied.body.code).toBe('NOT_TEAM_LEAD');
    const first = await t.http().post(url).set(lead.auth).send({ teamId }).expect(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      challengeId: challenge.id,
      teamId,
      userId: lead.id,
      version: 2,
      acceptedAt: expect.any(String),
    });
    const again = await t.http().post(url).set(lead.auth).send({ teamId }).expect(200);
    expect(again.body).toEqual(first.body);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM nda_acceptance WHERE challenge_id = $1', [challenge.id]);
    expect(rows[0].n).toBe(1);

    // The record stays, and answers a repeat, after bidding closed.
    await expireChallenge(t, challenge.id);
    await t.http().post(url).set(lead.auth).send({ teamId }).expect(200);
  });

  it('refuses what makes no sense: no NDA required, not published, closed, unknown team, bad input', async () => {
    const lead = await register(t, 'lead');
    const teamId = await insertTeam(t, lead);
    const accept = (challengeId: string, body: Record<string, unknown> = { teamId }) =>
      t.http().post(`/api/challenges/${challengeId}/nda`).set(lead.auth).send(body);

    const plain = await createPublishedChallenge(t, owner, admin);
    expect((await accept(plain.id).expect(409)).body.code).toBe('NDA_NOT_REQUIRED');
    const draft = await createChallenge(t, owner, { ndaRequired: true });
    await accept(draft.id).expect(404);
    const closed = await createPublishedChallenge(t, owner, admin, { ndaRequired: true });
    await expireChallenge(t, closed.id);
    expect((await accept(closed.id).expect(409)).body.code).toBe('BIDDING_CLOSED');

    const open = await createPublishedChallenge(t, owner, admin, { ndaRequired: true });
    expect((await accept(open.id, { teamId: '0b7c3f3e-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('TEAM_NOT_FOUND');
    expect((await accept(open.id, { teamId: 'x', note: 1 }).expect(400)).body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'note',
      'teamId',
    ]);
    await t.http().post(`/api/challenges/${open.id}/nda`).send({ teamId }).expect(401);
  });

  it('lets only invited teams accept the NDA of an invite-only challenge', async () => {
    const invitedLead = await register(t, 'invited');
    const invitedTeam = await insertTeam(t, invitedLead);
    const outsider = await register(t, 'outsider');
    const outsiderTeam = await insertTeam(t, outsider);
    // The outsider also belongs to the invited team, so they see the challenge, but leads another one.
    await t.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [invitedTeam, outsider.id]);
    const challenge = await createPublishedChallenge(t, owner, admin, { ndaRequired: true, eligibility: 'INVITE_ONLY', invitedTeamIds: [invitedTeam] });

    const refused = await t.http().post(`/api/challenges/${challenge.id}/nda`).set(outsider.auth).send({ teamId: outsiderTeam }).expect(403);
    expect(refused.body.code).toBe('TEAM_NOT_INVITED');
    await t.http().post(`/api/challenges/${challenge.id}/nda`).set(invitedLead.auth).send({ teamId: invitedTeam }).expect(201);
  });
});
