import type { Test } from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { BidBody, bidInput, closeBidding, createTeam, insertChallenge, submitBid, TeamBody } from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, registerJudge, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';

/**
 * Every bidding route, for every kind of caller, before and after closesAt: the exact status,
 * and no response ever carrying a team's bid content to someone who may not read it yet.
 * A change here is a permission change: review it as one.
 */
const ACTORS = ['anonymous', 'otherLead', 'member', 'owner', 'unrelated', 'judge', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];
type Phase = 'before' | 'after';
type Statuses = [number, number, number, number, number, number, number];

interface Fixture {
  teamA: TeamBody;
  bidA: BidBody;
  leadA: TestUser;
  challengeId: string;
  newcomer: TestUser;
}

interface RouteCase {
  route: string;
  call: (http: TestApp['http'], auth: Record<string, string>, f: Fixture, actor: ActorName) => Test;
  /** Statuses in the order of ACTORS: anonymous, another team's lead, a member of the team, the owner enterprise, an unrelated enterprise, a judge, an admin. */
  before: Statuses;
  after: Statuses;
}

const terms = (f: Fixture) => {
  const { teamId: _teamId, ...rest } = bidInput(f.teamA.id, f.leadA);
  return rest;
};

//                                                               anon otherLead member owner unrel judge admin
const TABLE: RouteCase[] = [
  {
    route: 'POST /api/challenges/:id/bids',
    call: (http, auth, f) => http().post(`/api/challenges/${f.challengeId}/bids`).set(auth).send(bidInput(f.teamA.id, f.leadA)),
    before: /*                                                */ [401, 403, 403, 403, 403, 403, 403],
    after: /*                                                 */ [401, 403, 403, 403, 403, 403, 403],
  },
  {
    route: 'GET /api/challenges/:id/bids',
    call: (http, auth, f) => http().get(`/api/challenges/${f.challengeId}/bids`).set(auth),
    before: /*                                                */ [200, 200, 200, 200, 200, 200, 200],
    after: /*                                                 */ [200, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/challenges/:id/bids/digest',
    call: (http, auth, f) => http().get(`/api/challenges/${f.challengeId}/bids/digest`).set(auth),
    before: /*                                                */ [409, 409, 409, 409, 409, 409, 409],
    after: /*                                                 */ [200, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/bids?mine=true',
    call: (http, auth) => http().get('/api/bids?mine=true').set(auth),
    before: /*                                                */ [401, 200, 200, 200, 200, 200, 200],
    after: /*                                                 */ [401, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/bids/:id',
    call: (http, auth, f) => http().get(`/api/bids/${f.bidA.id}`).set(auth),
    before: /*                                                */ [401, 404, 200, 404, 404, 404, 404],
    after: /*                                                 */ [401, 404, 200, 200, 404, 404, 200],
  },
  {
    route: 'GET /api/bids/:id/revisions',
    call: (http, auth, f) => http().get(`/api/bids/${f.bidA.id}/revisions`).set(auth),
    before: /*                                                */ [401, 404, 200, 404, 404, 404, 404],
    after: /*                                                 */ [401, 404, 200, 200, 404, 404, 200],
  },
  {
    route: 'PUT /api/bids/:id',
    call: (http, auth, f) => http().put(`/api/bids/${f.bidA.id}`).set(auth).send(terms(f)),
    before: /*                                                */ [401, 404, 403, 404, 404, 404, 404],
    after: /*                                                 */ [401, 404, 403, 403, 404, 404, 403],
  },
  {
    route: 'POST /api/bids/:id/withdraw',
    call: (http, auth, f) => http().post(`/api/bids/${f.bidA.id}/withdraw`).set(auth),
    before: /*                                                */ [401, 404, 403, 404, 404, 404, 404],
    after: /*                                                 */ [401, 404, 403, 403, 404, 404, 403],
  },
  {
    route: 'POST /api/bids/:id/shortlist',
    // The owner shortlists, then the admin (next in order) corrects it to NOT_SHORTLISTED: both are allowed.
    call: (http, auth, f, actor) =>
      http()
        .post(`/api/bids/${f.bidA.id}/shortlist`)
        .set(auth)
        .send(actor === 'admin' ? { decision: 'NOT_SHORTLISTED', reason: '资质材料不全' } : { decision: 'SHORTLISTED' }),
    before: /*                                                */ [401, 404, 403, 404, 404, 404, 404],
    after: /*                                                 */ [401, 404, 403, 200, 404, 404, 200],
  },
  {
    route: 'POST /api/teams',
    call: (http, auth) => http().post('/api/teams').set(auth).send({ name: 'Table team', kind: 'INDIVIDUAL_EXPERT', country: 'SG' }),
    before: /*                                                */ [401, 201, 201, 201, 201, 201, 201],
    after: /*                                                 */ [401, 201, 201, 201, 201, 201, 201],
  },
  {
    route: 'GET /api/teams?mine=true',
    call: (http, auth) => http().get('/api/teams?mine=true').set(auth),
    before: /*                                                */ [401, 200, 200, 200, 200, 200, 200],
    after: /*                                                 */ [401, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/teams/:id',
    call: (http, auth, f) => http().get(`/api/teams/${f.teamA.id}`).set(auth),
    before: /*                                                */ [401, 200, 200, 200, 200, 200, 200],
    after: /*                                                 */ [401, 200, 200, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/teams/:id/history',
    call: (http, auth, f) => http().get(`/api/teams/${f.teamA.id}/history`).set(auth),
    before: /*                                                */ [401, 403, 200, 403, 403, 403, 200],
    after: /*                                                 */ [401, 403, 200, 403, 403, 403, 200],
  },
  {
    route: 'POST /api/teams/:id/members',
    call: (http, auth, f) => http().post(`/api/teams/${f.teamA.id}/members`).set(auth).send({ email: f.newcomer.email, role: 'MEMBER' }),
    before: /*                                                */ [401, 403, 403, 403, 403, 403, 403],
    after: /*                                                 */ [401, 403, 403, 403, 403, 403, 403],
  },
  {
    route: 'DELETE /api/teams/:id/members/:userId',
    call: (http, auth, f) => http().delete(`/api/teams/${f.teamA.id}/members/${f.leadA.id}`).set(auth),
    before: /*                                                */ [401, 403, 403, 403, 403, 403, 403],
    after: /*                                                 */ [401, 403, 403, 403, 403, 403, 403],
  },
];

describe('bidding authorisation table (integration)', () => {
  let t: TestApp;
  let fixture: Fixture;
  let users: Record<ActorName, TestUser | null>;
  const SECRET_A = `SECRET-A-${Date.now()}`;
  const SECRET_B = `SECRET-B-${Date.now()}`;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    const admin = await loginAdmin(t);
    const owner = await registerEnterprise(t, admin, '昆明发榜企业');
    const unrelated = await registerEnterprise(t, admin, '无关企业');
    const judge = await registerJudge(t);
    const leadA = await register(t, 'lead-a');
    const member = await register(t, 'member-a');
    const otherLead = await register(t, 'lead-b');
    const newcomer = await register(t, 'newcomer');
    const teamA = await createTeam(t, leadA, { members: [member] });
    const teamB = await createTeam(t, otherLead);
    const challengeId = await insertChallenge(t, owner.orgId);
    const bidA = await submitBid(t, leadA, challengeId, teamA.id, { technicalApproach: `路线 ${SECRET_A}`, proposal: `# ${SECRET_A}` });
    await submitBid(t, otherLead, challengeId, teamB.id, { technicalApproach: `路线 ${SECRET_B}`, proposal: `# ${SECRET_B}` });
    fixture = { teamA, bidA, leadA, challengeId, newcomer };
    users = { anonymous: null, otherLead, member, owner, unrelated, judge, admin };
  });
  afterAll(() => t.close());

  /** Who may ever see a team's bid content in this phase: its own team always; owner and admin after closing. */
  const mayRead = (actor: ActorName, phase: Phase, team: 'A' | 'B'): boolean =>
    (team === 'A' && actor === 'member') || (team === 'B' && actor === 'otherLead') || (phase === 'after' && (actor === 'owner' || actor === 'admin'));

  async function run(phase: Phase) {
    const actual: Record<string, number[]> = {};
    const leaks: string[] = [];
    for (const { route, call } of TABLE) {
      actual[route] = [];
      for (const actor of ACTORS) {
        const user = users[actor];
        const res = await call(() => t.http(), user ? user.auth : {}, fixture, actor);
        actual[route].push(res.status);
        const text = JSON.stringify(res.body);
        if (!mayRead(actor, phase, 'A') && text.includes(SECRET_A)) leaks.push(`${route} as ${actor}: team A's bid content`);
        if (!mayRead(actor, phase, 'B') && text.includes(SECRET_B)) leaks.push(`${route} as ${actor}: team B's bid content`);
      }
    }
    return { actual, leaks };
  }

  const expected = (phase: Phase) => Object.fromEntries(TABLE.map((c) => [c.route, c[phase]]));

  it('before closesAt: each caller gets exactly the expected status, and nobody sees another team’s bid', async () => {
    const { actual, leaks } = await run('before');
    expect(actual).toEqual(expected('before'));
    expect(leaks).toEqual([]);
    // The sealed phase still shows the count to everyone.
    const anonymous = await t.http().get(`/api/challenges/${fixture.challengeId}/bids`).expect(200);
    expect(anonymous.body).toMatchObject({ count: 2, opened: false, bids: [], ownBids: [] });
  }, 30_000);

  it('after closesAt: the owner enterprise and admins open the bids; other teams still never see them', async () => {
    await closeBidding(t, fixture.challengeId);
    const { actual, leaks } = await run('after');
    expect(actual).toEqual(expected('after'));
    expect(leaks).toEqual([]);
    const asOwner = await t.http().get(`/api/challenges/${fixture.challengeId}/bids`).set(users.owner?.auth ?? {}).expect(200);
    expect(asOwner.body).toMatchObject({ count: 2, opened: true });
    expect(asOwner.body.bids).toHaveLength(2);
    const asJudge = await t.http().get(`/api/challenges/${fixture.challengeId}/bids`).set(users.judge?.auth ?? {}).expect(200);
    expect(asJudge.body).toMatchObject({ count: 2, opened: false, bids: [] });
  }, 30_000);
});
