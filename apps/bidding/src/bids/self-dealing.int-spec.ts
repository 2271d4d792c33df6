import { startTestApp, TestApp } from '../../../../test/support/app';
import { acceptInvitation, bidInput, closeBidding, createTeam, insertChallenge, submitBid } from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';

/** An enterprise never bids on its own challenge, directly or through its people (docs/integrity.md). */
describe('no self-dealing (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(() => t.close());

  /** `user` joins the owner enterprise (added by its owner). */
  const joinOwner = async (user: TestUser) => {
    const invitation = await t.http().post(`/api/orgs/${owner.orgId}/members`).set(owner.auth).send({ email: user.email }).expect(201);
    await acceptInvitation(t, user, invitation.body.id as string);
  };

  /** Everything a bid writes, on one challenge, and the Idempotency-Key rows of one user. */
  const writes = async (challengeId: string, userId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM bid WHERE challenge_id = $1) AS bids,
              (SELECT count(*)::int FROM bid_revision r JOIN bid b ON b.id = r.bid_id WHERE b.challenge_id = $1) AS revisions,
              (SELECT count(*)::int FROM outbox_event WHERE payload->>'challengeId' = $1::text) AS events,
              (SELECT count(*)::int FROM idempotency_key WHERE user_id = $2) AS keys`,
      [challengeId, userId],
    );
    return row as { bids: number; revisions: number; events: number; keys: number };
  };
  const nothing = { bids: 0, revisions: 0, events: 0, keys: 0 };
  const submit = (lead: TestUser, challengeId: string, teamId: string) => t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).send(bidInput(teamId, lead));
  const ownChallenge = (rules: string[], memberUserIds: string[]) => ({ code: 'OWN_CHALLENGE', details: { rules, memberUserIds } });

  it('refuses a team of the enterprise’s own staff bidding on its challenge (403 OWN_CHALLENGE, nothing written)', async () => {
    const staff = await register(t, 'staff', '企业工程师');
    await joinOwner(staff);
    const team = await createTeam(t, staff, { orgId: owner.orgId, name: '企业内部攻关组' });
    const challengeId = await insertChallenge(t, owner.orgId);

    const refused = await submit(staff, challengeId, team.id).expect(403);
    expect(refused.body).toMatchObject(ownChallenge(['TEAM_ORG_IS_OWNER', 'MEMBER_OF_OWNER'], [staff.id]));
    expect(await writes(challengeId, staff.id)).toEqual(nothing);

    // With an Idempotency-Key the refusal is the request's stored answer (docs/bidding.md), and nothing else is written.
    const keyed = await submit(staff, challengeId, team.id).set('Idempotency-Key', 'own-challenge-1').expect(403);
    expect(keyed.body.code).toBe('OWN_CHALLENGE');
    expect(await writes(challengeId, staff.id)).toEqual({ ...nothing, keys: 1 });
    const [stored] = await t.dataSource.query('SELECT response_status FROM idempotency_key WHERE user_id = $1', [staff.id]);
    expect(stored.response_status).toBe(403);
  });

  it('refuses a university team with one member who is also the enterprise’s, naming only that member', async () => {
    const professor = await register(t, 'professor', '王教授');
    const student = await register(t, 'student', '刘同学');
    const moonlighter = await register(t, 'moonlighter', '兼职工程师');
    await joinOwner(moonlighter);
    const team = await createTeam(t, professor, { members: [student, moonlighter] });
    const challengeId = await insertChallenge(t, owner.orgId);

    const refused = await submit(professor, challengeId, team.id).expect(403);
    expect(refused.body).toMatchObject(ownChallenge(['MEMBER_OF_OWNER'], [moonlighter.id]));
    expect(refused.body.message).toBe('An enterprise never bids on its own challenge, directly or through its people');
    expect(JSON.stringify(refused.body)).not.toContain(moonlighter.email);
    expect(await writes(challengeId, professor.id)).toEqual(nothing);

    // Once that member leaves the team, the team bids: only current members count.
    await t.http().delete(`/api/teams/${team.id}/members/${moonlighter.id}`).set(professor.auth).expect(204);
    const bid = await submitBid(t, professor, challengeId, team.id);
    expect(bid).toMatchObject({ status: 'SUBMITTED', revision: 1 });
  });

  it('refuses the revision and the resubmission of a team whose member joined the enterprise after it bid', async () => {
    const lead = await register(t, 'lead', '张磊');
    const engineer = await register(t, 'engineer', '李娜');
    const team = await createTeam(t, lead, { members: [engineer] });
    const challengeId = await insertChallenge(t, owner.orgId);
    const bid = await submitBid(t, lead, challengeId, team.id);
    const before = await writes(challengeId, lead.id);
    expect(before).toEqual({ bids: 1, revisions: 1, events: 1, keys: 0 });

    await joinOwner(engineer);
    const { teamId: _teamId, ...terms } = bidInput(team.id, lead, { quotedPriceFen: 40_000_000 });
    const revised = await t.http().put(`/api/bids/${bid.id}`).set(lead.auth).send(terms).expect(403);
    expect(revised.body).toMatchObject(ownChallenge(['MEMBER_OF_OWNER'], [engineer.id]));
    expect(await writes(challengeId, lead.id)).toEqual(before);

    // Withdrawing stays possible (it is the way out); coming back is not.
    await t.http().post(`/api/bids/${bid.id}/withdraw`).set(lead.auth).expect(200);
    const resubmitted = await submit(lead, challengeId, team.id).expect(403);
    expect(resubmitted.body).toMatchObject(ownChallenge(['MEMBER_OF_OWNER'], [engineer.id]));
    const [row] = await t.dataSource.query('SELECT status, revision FROM bid WHERE id = $1', [bid.id]);
    expect(row).toEqual({ status: 'WITHDRAWN', revision: 1 });
    expect((await writes(challengeId, lead.id)).revisions).toBe(1);
  });

  it('refuses to shortlist a bid that became self-dealing after submission; it may still be turned down', async () => {
    const lead = await register(t, 'lead', '陈工');
    const engineer = await register(t, 'engineer', '周工');
    const team = await createTeam(t, lead, { members: [engineer] });
    const otherLead = await register(t, 'other-lead', '孙工');
    const otherTeam = await createTeam(t, otherLead);
    const challengeId = await insertChallenge(t, owner.orgId);
    const bid = await submitBid(t, lead, challengeId, team.id);
    const otherBid = await submitBid(t, otherLead, challengeId, otherTeam.id);
    await joinOwner(engineer);
    await closeBidding(t, challengeId);

    const shortlist = (id: string, body: Record<string, unknown>) => t.http().post(`/api/bids/${id}/shortlist`).set(owner.auth).send(body);
    const refused = await shortlist(bid.id, { decision: 'SHORTLISTED' }).expect(403);
    expect(refused.body).toMatchObject(ownChallenge(['MEMBER_OF_OWNER'], [engineer.id]));
    const [row] = await t.dataSource.query('SELECT status, shortlisted_at FROM bid WHERE id = $1', [bid.id]);
    expect(row).toEqual({ status: 'SUBMITTED', shortlisted_at: null });
    const turnedDown = await shortlist(bid.id, { decision: 'NOT_SHORTLISTED', reason: '团队成员与发榜企业存在关联' }).expect(200);
    expect(turnedDown.body.status).toBe('NOT_SHORTLISTED');
    // The admins are held to the same rule.
    const byAdmin = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(admin.auth).send({ decision: 'SHORTLISTED' }).expect(403);
    expect(byAdmin.body.code).toBe('OWN_CHALLENGE');
    // The other team's bid is shortlisted as usual.
    expect((await shortlist(otherBid.id, { decision: 'SHORTLISTED' }).expect(200)).body.status).toBe('SHORTLISTED');
  });
});
