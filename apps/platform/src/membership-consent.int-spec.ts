import { configureEvaluation } from '@app/evaluation';
import { startTestApp, TestApp } from '../../../test/support/app';
import { acceptInvitation, addTeamMember, createTeam, inviteToTeam, submitBid } from '../../../test/support/bidding';
import { createPublishedChallenge, expireChallenge } from '../../../test/support/challenges';
import { addExpert, conveneRoom } from '../../../test/support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../test/support/users';
import { PlatformModule } from './platform.module';

/** A room convened over the team's shortlisted bid, with these judges; answers its automatic recusals. */
async function recusalsAtConvening(t: TestApp, lead: TestUser, teamId: string, judges: TestUser[]): Promise<{ judgeId: string; reason: string }[]> {
  const admin = await loginAdmin(t);
  const enterprise = await registerEnterprise(t, admin, '昆明高新智能制造集团');
  const challenge = await createPublishedChallenge(t, enterprise, admin, { orgId: enterprise.orgId });
  const bid = await submitBid(t, lead, challenge.id, teamId);
  await expireChallenge(t, challenge.id);
  await t.http().post(`/api/bids/${bid.id}/shortlist`).set(enterprise.auth).send({ decision: 'SHORTLISTED' }).expect(200);
  // a chair and other judges of no consequence: a panel is an odd number from 3
  const others: TestUser[] = [];
  while (others.length < 1 || others.length + judges.length < 3 || (others.length + judges.length) % 2 === 0) others.push(await addExpert(t, admin, { prefix: 'panel' }));
  const chair = others[0];
  const { roomId } = await conveneRoom(t, admin, {
    challengeId: challenge.id,
    judgeIds: [...others, ...judges].map((j) => j.id),
    chairUserId: chair.id,
    bids: [{ bidId: bid.id, presentationMinutes: 10, qaMinutes: 5 }],
    objectionWindowMinutes: 60,
  });
  const declarations = await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200);
  return (declarations.body as { judgeId: string; automatic: boolean; reason: string }[])
    .filter((d) => d.automatic)
    .map((d) => ({ judgeId: d.judgeId, reason: d.reason }));
}

/**
 * The attack membership by consent stops (docs/integrity.md): a bidding team adds a strict judge to
 * itself for a moment to have them recused from its bid. Only accepted memberships recuse, and a
 * past one only within CONFLICT_LOOKBACK_YEARS (3 by default) of its end.
 */
describe('recusal by team membership, only with consent and within the look-back (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context), configure: configureEvaluation });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('does not recuse a judge the team invited who never accepted, nor one who declined', async () => {
    const lead = await register(t, 'lead');
    const strict = await addExpert(t, admin, { prefix: 'strict' });
    const declining = await addExpert(t, admin, { prefix: 'declining' });
    const team = await createTeam(t, lead);
    await inviteToTeam(t, lead, team.id, strict);
    const declined = await inviteToTeam(t, lead, team.id, declining);
    await t.http().post(`/api/invitations/${declined.id}/decline`).set(declining.auth).expect(200);
    expect(await recusalsAtConvening(t, lead, team.id, [strict, declining])).toEqual([]);
  });

  it('recuses a judge who accepted and was removed within the look-back, not one who left longer ago', async () => {
    const lead = await register(t, 'lead');
    const recent = await addExpert(t, admin, { prefix: 'recent' });
    const longAgo = await addExpert(t, admin, { prefix: 'long-ago' });
    const current = await addExpert(t, admin, { prefix: 'current' });
    const team = await createTeam(t, lead);
    for (const judge of [recent, longAgo]) {
      await addTeamMember(t, lead, team.id, judge);
      await t.http().delete(`/api/teams/${team.id}/members/${judge.id}`).set(lead.auth).expect(204);
    }
    const invitation = await inviteToTeam(t, lead, team.id, current);
    await acceptInvitation(t, current, invitation.id);
    // the passing of time: long-ago's membership ended three years and a day before now (database clock)
    await t.dataSource.query(
      `UPDATE team_member SET joined_at = now() - interval '5 years', left_at = now() - interval '3 years 1 day' WHERE team_id = $1 AND user_id = $2`,
      [team.id, longAgo.id],
    );
    const recusals = await recusalsAtConvening(t, lead, team.id, [recent, longAgo, current]);
    expect(recusals.sort((a, b) => a.judgeId.localeCompare(b.judgeId))).toEqual(
      [
        { judgeId: recent.id, reason: 'TEAM_MEMBER' },
        { judgeId: current.id, reason: 'TEAM_MEMBER' },
      ].sort((a, b) => a.judgeId.localeCompare(b.judgeId)),
    );
  });
});

describe('recusal by team membership with CONFLICT_LOOKBACK_YEARS=5 (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context), configure: configureEvaluation, env: { CONFLICT_LOOKBACK_YEARS: '5' } });
  });
  afterAll(() => t.close());

  it('still recuses a judge who left four years ago', async () => {
    const admin = await loginAdmin(t);
    const lead = await register(t, 'lead');
    const judge = await addExpert(t, admin, { prefix: 'judge' });
    const team = await createTeam(t, lead, { members: [judge] });
    await t.http().delete(`/api/teams/${team.id}/members/${judge.id}`).set(lead.auth).expect(204);
    await t.dataSource.query(
      `UPDATE team_member SET joined_at = now() - interval '6 years', left_at = now() - interval '4 years' WHERE team_id = $1 AND user_id = $2`,
      [team.id, judge.id],
    );
    expect(await recusalsAtConvening(t, lead, team.id, [judge])).toEqual([{ judgeId: judge.id, reason: 'TEAM_MEMBER' }]);
  });
});
