import { startTestApp, TestApp } from '../../../test/support/app';
import { bidInput, submitBid } from '../../../test/support/bidding';
import { createPublishedChallenge, insertTeam } from '../../../test/support/challenges';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../test/support/users';
import { PlatformModule } from './platform.module';

/** Reading a challenge (challenges service) and bidding on it (bidding service) decide "invited" by one rule. */
describe('an invite-only challenge, read and bid on in one platform (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An organisation registered by a member of it, as GET /api/challenges invites it. */
  const organisation = async (): Promise<string> => {
    const member = await register(t, 'lab-member');
    const res = await t.http().post('/api/orgs').set(member.auth).send({ name: '昆明理工大学传感器实验室', kind: 'UNIVERSITY', country: 'CN' }).expect(201);
    return res.body.id as string;
  };

  const seesAndLists = async (reader: TestUser, challengeId: string): Promise<{ read: number; listed: boolean }> => {
    const read = await t.http().get(`/api/challenges/${challengeId}`).set(reader.auth);
    const list = await t.http().get('/api/challenges?limit=100').set(reader.auth).expect(200);
    return { read: read.status, listed: list.body.items.some((c: { id: string }) => c.id === challengeId) };
  };

  it('lets the lead of a team of an invited organisation, not a member of it, read, find and bid on the challenge', async () => {
    const orgId = await organisation();
    const lead = await register(t, 'lab-team-lead');
    const teamId = await insertTeam(t, lead, { orgId });
    const challenge = await createPublishedChallenge(t, owner, admin, { eligibility: 'INVITE_ONLY', invitedOrgIds: [orgId] });
    expect(await seesAndLists(lead, challenge.id)).toEqual({ read: 200, listed: true });
    await submitBid(t, lead, challenge.id, teamId);
  });

  it('hides the challenge from, and refuses the bid of, the lead of a team of another organisation', async () => {
    const [invitedOrgId, otherOrgId] = [await organisation(), await organisation()];
    const lead = await register(t, 'other-team-lead');
    const teamId = await insertTeam(t, lead, { orgId: otherOrgId });
    const challenge = await createPublishedChallenge(t, owner, admin, { eligibility: 'INVITE_ONLY', invitedOrgIds: [invitedOrgId] });
    expect(await seesAndLists(lead, challenge.id)).toEqual({ read: 404, listed: false });
    const bid = await t.http().post(`/api/challenges/${challenge.id}/bids`).set(lead.auth).send(bidInput(teamId, lead)).expect(404);
    expect(bid.body.code).toBe('CHALLENGE_NOT_FOUND');
  });
});
