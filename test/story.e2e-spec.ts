import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_ADMIN } from './support/app';
import { bidInput } from './support/bidding';
import { challengeInput } from './support/challenges';
import { createTestDatabase, TestDatabase } from './support/database';
import { RoomClient, RoomEvent, SocketAck } from './support/evaluation';
import { AppName, RunningService, startService } from './support/processes';
import { randomCreditCode } from './support/users';

/**
 * The whole life of a challenge, told once through the public interfaces only (HTTP with fetch,
 * the room over the real socket.io-client), and run twice:
 *
 *   1. against the one-process platform (`npm start`), and
 *   2. against the challenges, bidding and evaluation services as three separate processes on one
 *      database, each call going to the service that owns it (deploy/nginx.conf's table). There the
 *      challenge becomes EVALUATING and AWARDED, and the bids AWARDED / NOT_AWARDED, only because the
 *      evaluation service's events crossed process boundaries through the outbox.
 *
 * The one thing not done through the API is the passing of time: publication needs a bidding
 * window of at least 24 hours, so the story moves the challenge's window in SQL (a direct nudge of
 * the clock in the database) instead of waiting a day. Everything that follows it, the services
 * notice by the database clock on their own.
 */

// --- where each API lives -----------------------------------------------------------------------

/** Base URLs of the services, and the database they share (for the clock nudge only). */
interface Endpoints {
  /** /api/auth, /api/orgs, /api/challenges */
  challenges: string;
  /** /api/teams, /api/bids, /api/challenges/:id/bids, /api/invitations, /api/me/invitations */
  bidding: string;
  /** /api/experts, /api/rooms, /api/bids/:id/feedback, socket.io namespace /rooms */
  evaluation: string;
  databaseUrl: string;
}

/** The routing table of deploy/nginx.conf: which service answers a path. */
function serviceFor(path: string): 'challenges' | 'bidding' | 'evaluation' {
  if (/^\/api\/bids\/[^/]+\/feedback/.test(path)) return 'evaluation';
  if (/^\/api\/(experts|rooms)\b/.test(path)) return 'evaluation';
  if (/^\/api\/challenges\/[^/]+\/bids/.test(path)) return 'bidding';
  if (/^\/api\/(teams|bids|invitations|me\/invitations)\b/.test(path)) return 'bidding';
  return 'challenges';
}

// --- a small HTTP client ------------------------------------------------------------------------

interface Person {
  id: string;
  email: string;
  token: string;
}

interface CallOptions {
  as?: Person;
  body?: unknown;
  /** Expected status (200 unless given). */
  expect?: number;
}

class Api {
  constructor(readonly endpoints: Endpoints) {}

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const url = `${this.endpoints[serviceFor(path)]}${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.as ? { authorization: `Bearer ${options.as.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const expected = options.expect ?? 200;
    if (res.status !== expected) throw new Error(`${method} ${url}: expected ${expected}, got ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string, options?: CallOptions): Promise<T> {
    return this.call<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options: CallOptions = {}): Promise<T> {
    return this.call<T>('POST', path, { expect: 201, ...options, body });
  }

  /** POST for the actions that answer 200 (submit, publish, verify, shortlist, declarations). */
  act<T>(path: string, body: unknown, as: Person): Promise<T> {
    return this.call<T>('POST', path, { expect: 200, as, body });
  }
}

interface Session {
  accessToken: string;
  user: { id: string; email: string };
}

const asPerson = (session: Session): Person => ({ id: session.user.id, email: session.user.email, token: session.accessToken });

async function register(api: Api, name: string, displayName: string): Promise<Person> {
  const email = `${name}.${randomBytes(4).toString('hex')}@story.example.org`;
  return asPerson(await api.post<Session>('/api/auth/register', { email, password: 'a-long-story-password', displayName }));
}

async function login(api: Api, email: string, password: string): Promise<Person> {
  return asPerson(await api.post<Session>('/api/auth/login', { email, password }, { expect: 200 }));
}

/** Polls `read` until `done` holds (another service is catching up through the outbox). */
async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// --- the answers the story reads ----------------------------------------------------------------

interface Challenge {
  id: string;
  status: string;
  biddingOpen: boolean;
}

interface Bid {
  id: string;
  status: string;
  teamName: string;
  receipt: { bidId: string; revision: number; contentHash: string };
}

interface ChallengeBids {
  count: number;
  opened: boolean;
  bids: { id: string }[];
}

interface Ranked {
  rank: number;
  bidId: string;
  panelScore: number | null;
  panelPoints: string | null;
  eligible: boolean;
  awarded: boolean;
}

interface Report {
  final: boolean;
  ranking: Ranked[];
  recusals: { judgeId: string; bidId: string; automatic: boolean; reason: string | null }[];
  record: { verification: { valid: boolean } };
}

interface Feedback {
  rank: number;
  of: number;
  panelPoints: string;
  awarded: boolean;
  judges: number;
  criteria: { key: string; average: number }[];
  comments: string[];
}

interface Declaration {
  judgeId: string;
  bidId: string;
  conflict: boolean;
  automatic: boolean;
  reason: string | null;
}

// --- the scores ---------------------------------------------------------------------------------

/**
 * The rubric of challengeInput(): technical 40 / team 30 / price 30, each out of 10, so a judge's
 * total in points is 4·technical + 3·team + 3·price. J5 works for team A's university and is
 * recused from bid A automatically. The panel score is the trimmed mean (drop the single highest
 * and lowest total) when at least 5 judges scored, else the plain mean.
 *
 * | bid               | J1          | J2          | J3          | J4           | J5            | panel                                   |
 * |-------------------|-------------|-------------|-------------|--------------|---------------|-----------------------------------------|
 * | A 昆明 (480k CNY) | 8/8/7 = 77  | 9/8/8 = 84  | 7/7/8 = 73  | 8/9/8 = 83   | recused       | 4 totals, no trim: 317/4 = **79.25**    |
 * | B Fraunhofer (DE) | 9/9/8 = 87  | 9/8/9 = 87  | 9/7/8 = 81  | 10/9/9 = 94  | 5/6/5 = 53    | drop 53, 94: 255/3 = **85.00**          |
 * | C 深圳 (420k CNY) | 8/8/8 = 80  | 8/8/8 = 80  | 9/7/8 = 81  | 7/9/10 = 85  | 10/10/10 = 100| drop 80, 100: 246/3 = **82.00**         |
 *
 * Ranking B 85.00, C 82.00, A 79.25; all pass the mark of 60, one winner: the team from Germany,
 * B, wins (不求所在，但求所用). With a plain mean C would have won (426/5 = 85.20 against B's
 * 402/5 = 80.40): J5's 100 for C and 53 for B are exactly what the trimming drops.
 */
type Sheet = { technical: number; team: number; price: number };
const sheet = (technical: number, team: number, price: number): Sheet => ({ technical, team, price });

type Team = 'A' | 'B' | 'C';
const JUDGES = ['J1', 'J2', 'J3', 'J4', 'J5'] as const;
type Judge = (typeof JUDGES)[number];

const SCORES: Record<Team, Partial<Record<Judge, Sheet>>> = {
  A: { J1: sheet(8, 8, 7), J2: sheet(9, 8, 8), J3: sheet(7, 7, 8), J4: sheet(8, 9, 8) },
  B: { J1: sheet(9, 9, 8), J2: sheet(9, 8, 9), J3: sheet(9, 7, 8), J4: sheet(10, 9, 9), J5: sheet(5, 6, 5) },
  C: { J1: sheet(8, 8, 8), J2: sheet(8, 8, 8), J3: sheet(9, 7, 8), J4: sheet(7, 9, 10), J5: sheet(10, 10, 10) },
};
/** Each judge's total in centi-points, from the table above. */
const TOTALS: Record<Team, Partial<Record<Judge, number>>> = {
  A: { J1: 7700, J2: 8400, J3: 7300, J4: 8300 },
  B: { J1: 8700, J2: 8700, J3: 8100, J4: 9400, J5: 5300 },
  C: { J1: 8000, J2: 8000, J3: 8100, J4: 8500, J5: 10000 },
};
const PANEL: Record<Team, { centi: number; points: string }> = {
  A: { centi: 7925, points: '79.25' },
  B: { centi: 8500, points: '85.00' },
  C: { centi: 8200, points: '82.00' },
};

/** Any sign of a score value in what a client received. */
const SCORE_KEYS = /"(scores|total|totalPoints|aggregate|aggregates|panelScore|panelPoints|myScores|ranking)"/;

// --- the chapters -------------------------------------------------------------------------------

/** An enterprise user whose CN enterprise (with its unified social credit code) the bureau verified. */
async function enterpriseJoins(api: Api, admin: Person): Promise<Person> {
  const enterprise = await register(api, 'enterprise', '昆明高新传感科技 张经理');
  const org = await api.post<{ id: string; verified: boolean }>(
    '/api/orgs',
    { name: '昆明高新传感科技有限公司', kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() },
    { as: enterprise },
  );
  expect(org.verified).toBe(false);
  const verified = await api.act<{ verified: boolean }>(`/api/orgs/${org.id}/verify`, {}, admin);
  expect(verified.verified).toBe(true);
  return enterprise;
}

/** The enterprise drafts and submits the challenge, the bureau publishes it. */
async function postChallenge(api: Api, enterprise: Person, admin: Person): Promise<Challenge> {
  const draft = await api.post<Challenge>('/api/challenges', challengeInput({ title: '高精度传感器芯片国产化 揭榜挂帅' }), { as: enterprise });
  expect(draft.status).toBe('DRAFT');
  expect((await api.act<Challenge>(`/api/challenges/${draft.id}/submit`, undefined, enterprise)).status).toBe('SUBMITTED');
  expect((await api.act<Challenge>(`/api/challenges/${draft.id}/publish`, undefined, admin)).status).toBe('PUBLISHED');
  const published = await api.get<Challenge>(`/api/challenges/${draft.id}`);
  expect(published).toMatchObject({ status: 'PUBLISHED', biddingOpen: true });
  return published;
}

interface BiddingTeam {
  key: Team;
  lead: Person;
  teamId: string;
  orgId: string | null;
  bid: Bid;
}

/** A lead builds a team (in an organisation of theirs, or none) and submits the team's sealed bid. */
async function teamBids(
  api: Api,
  challengeId: string,
  key: Team,
  team: { lead: string; name: string; kind: string; country: string; quotedPriceFen: number; org?: { name: string; kind: string; country: string } },
): Promise<BiddingTeam> {
  const lead = await register(api, `lead-${key.toLowerCase()}`, team.lead);
  const orgId = team.org ? (await api.post<{ id: string }>('/api/orgs', team.org, { as: lead })).id : null;
  const created = await api.post<{ id: string; country: string }>(
    '/api/teams',
    { name: team.name, kind: team.kind, country: team.country, ...(orgId ? { orgId } : {}) },
    { as: lead },
  );
  expect(created.country).toBe(team.country);
  const bid = await api.post<Bid>(`/api/challenges/${challengeId}/bids`, bidInput(created.id, lead, { quotedPriceFen: team.quotedPriceFen }), { as: lead });
  expect(bid).toMatchObject({ status: 'SUBMITTED', teamName: team.name, receipt: { bidId: bid.id, revision: 1 } });
  expect(bid.receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
  return { key, lead, teamId: created.id, orgId, bid };
}

async function threeTeamsBid(api: Api, challengeId: string): Promise<Record<Team, BiddingTeam>> {
  const A = await teamBids(api, challengeId, 'A', {
    lead: '李教授',
    name: '昆明理工大学 智能传感实验室',
    kind: 'UNIVERSITY_LAB',
    country: 'CN',
    quotedPriceFen: 48_000_000,
    org: { name: '昆明理工大学', kind: 'UNIVERSITY', country: 'CN' },
  });
  const B = await teamBids(api, challengeId, 'B', {
    lead: 'Dr. Anna Schmidt',
    name: 'Fraunhofer MEMS-Sensorik Gruppe',
    kind: 'RESEARCH_GROUP',
    country: 'DE',
    quotedPriceFen: 45_000_000,
  });
  const C = await teamBids(api, challengeId, 'C', {
    lead: '王工',
    name: '深圳微纳传感 研发部',
    kind: 'COMPANY',
    country: 'CN',
    quotedPriceFen: 42_000_000,
  });
  return { A, B, C };
}

/**
 * The week of bidding passes. Publication needs a window of ≥ 24 h, so instead of waiting the story
 * moves the window in the database (a direct nudge of the clock, the only write outside the API):
 * the bidding opened a week ago and closes one second from now, by the database clock. The
 * deadline then passes on its own, and every service decides on it by that clock alone.
 */
async function deadlinePasses(api: Api, challengeId: string): Promise<void> {
  const db = new Client({ connectionString: api.endpoints.databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE challenge SET opens_at = now() - interval '7 days', closes_at = now() + interval '1 second' WHERE id = $1`, [challengeId]);
  } finally {
    await db.end();
  }
  await eventually(
    'the challenge closes',
    () => api.get<Challenge>(`/api/challenges/${challengeId}`),
    (c) => c.status === 'CLOSED',
  );
}

/** Experts join the pool (J5 affiliated with team A's university), and sign in again to hold JUDGE. */
async function expertsJoin(api: Api, admin: Person, affiliationOfJ5: string): Promise<Record<Judge, Person>> {
  const judges = {} as Record<Judge, Person>;
  for (const [i, name] of JUDGES.entries()) {
    const person = await register(api, name.toLowerCase(), `评审专家 ${name}`);
    const expert = await api.post<{ userId: string; affiliation: { orgId: string } | null }>(
      '/api/experts',
      {
        userId: person.id,
        title: '教授级高级工程师',
        fields: ['传感器', 'MEMS'],
        bio: `微机电系统方向专家 ${i + 1}`,
        ...(name === 'J5' ? { affiliationOrgId: affiliationOfJ5 } : {}),
      },
      { as: admin },
    );
    expect(expert.affiliation?.orgId ?? null).toBe(name === 'J5' ? affiliationOfJ5 : null);
    judges[name] = await login(api, person.email, 'a-long-story-password');
  }
  return judges;
}

/** Every judge declares on every bid; J5's recusal from A is already on record and stays. */
async function judgesDeclare(
  api: Api,
  roomId: string,
  admin: Person,
  judges: Record<Judge, Person>,
  teams: Record<Team, BiddingTeam>,
): Promise<void> {
  for (const name of JUDGES) {
    const mine = await api.get<Declaration[]>(`/api/rooms/${roomId}/declarations`, { as: judges[name] });
    const recused = new Set(mine.filter((d) => d.conflict).map((d) => d.bidId));
    const declarations = Object.values(teams)
      .filter((team) => !recused.has(team.bid.id))
      .map((team) => ({ bidId: team.bid.id, conflict: false }));
    const answer = await api.act<{ complete: boolean }>(`/api/rooms/${roomId}/declarations`, { declarations }, judges[name]);
    expect(answer.complete).toBe(name === 'J5');
  }
  const all = await api.get<Declaration[]>(`/api/rooms/${roomId}/declarations`, { as: admin });
  expect(all.filter((d) => d.conflict)).toEqual([
    expect.objectContaining({ judgeId: judges.J5.id, bidId: teams.A.bid.id, automatic: true, reason: 'SAME_ORGANISATION' }),
  ]);
}

/** The live session: the chair puts each bid on stage, runs its countdown, the judges score, the chair locks it. */
async function scoreBid(
  roomId: string,
  team: BiddingTeam,
  chair: RoomClient,
  judgeSockets: Record<Judge, RoomClient>,
): Promise<void> {
  const bidId = team.bid.id;
  await chair.ok('room:present', { roomId, bidId });
  const timer = await chair.ok('timer:start', { roomId, phase: 'PRESENTATION' });
  expect(timer.timer).toMatchObject({ bidId, phase: 'PRESENTATION', running: true });
  const sheets = Object.entries(SCORES[team.key]) as [Judge, Sheet][];
  const acks = await Promise.all(
    sheets.map(([judge, scores]) =>
      judgeSockets[judge].ok('score:submit', { roomId, bidId, scores, comment: `${judge} 对 ${team.key} 的意见`, opId: `${bidId}:${judge}:1` }),
    ),
  );
  expect(acks.map((ack) => (ack.score as { total: number }).total)).toEqual(sheets.map(([judge]) => TOTALS[team.key][judge]));
  if (team.key === 'A') {
    // the recused judge cannot score the bid of their own university
    expect(await judgeSockets.J5.send('score:submit', { roomId, bidId, scores: sheet(10, 10, 10), opId: `${bidId}:J5:1` })).toMatchObject({
      ok: false,
      code: 'JUDGE_RECUSED',
    });
  }
  const locked = await chair.ok('bid:lock', { roomId, bidId });
  expect(locked.notScoredBy).toEqual([]);
  // the chair watched the panel score live; it is the hand-computed one
  const lockedEvent = await chair.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === bidId);
  expect(lockedEvent.data.aggregate).toMatchObject({ panelScore: PANEL[team.key].centi, scoredBy: sheets.length });
}

// --- the story ----------------------------------------------------------------------------------

async function runStory(endpoints: Endpoints): Promise<void> {
  const api = new Api(endpoints);
  const sockets: RoomClient[] = [];
  const connect = async (person: Person): Promise<RoomClient> => {
    const client = await RoomClient.connect(endpoints.evaluation, person.token);
    sockets.push(client);
    return client;
  };
  try {
    // 1. The enterprise posts a challenge, the bureau verifies the enterprise and publishes it.
    const admin = await login(api, TEST_ADMIN.email, TEST_ADMIN.password);
    const enterprise = await enterpriseJoins(api, admin);
    const challenge = await postChallenge(api, enterprise, admin);

    // 2. Three teams bid, one of them from Germany. The bids are sealed: the enterprise sees a count.
    const teams = await threeTeamsBid(api, challenge.id);
    const sealed = await api.get<ChallengeBids>(`/api/challenges/${challenge.id}/bids`, { as: enterprise });
    expect(sealed).toMatchObject({ count: 3, opened: false, bids: [] });
    await api.get(`/api/bids/${teams.B.bid.id}`, { as: enterprise, expect: 404 });

    // 3. The deadline passes by the database clock: bids are frozen, then opened to the owner.
    await deadlinePasses(api, challenge.id);
    const { teamId: _teamId, ...terms } = bidInput(teams.A.teamId, teams.A.lead, { quotedPriceFen: 40_000_000 });
    expect(await api.call<{ code: string }>('PUT', `/api/bids/${teams.A.bid.id}`, { as: teams.A.lead, body: terms, expect: 409 })).toMatchObject({
      code: 'BID_WINDOW_CLOSED',
    });
    const opened = await api.get<ChallengeBids>(`/api/challenges/${challenge.id}/bids`, { as: enterprise });
    expect(opened).toMatchObject({ count: 3, opened: true });
    expect(opened.bids.map((b) => b.id).sort()).toEqual(Object.values(teams).map((t) => t.bid.id).sort());

    // 4. The bureau shortlists all three bids and builds the panel.
    for (const team of Object.values(teams)) {
      const shortlisted = await api.act<Bid>(`/api/bids/${team.bid.id}/shortlist`, { decision: 'SHORTLISTED' }, admin);
      expect(shortlisted.status).toBe('SHORTLISTED');
    }
    const university = teams.A.orgId;
    if (!university) throw new Error('team A belongs to its university');
    const judges = await expertsJoin(api, admin, university);

    // The bureau verifies the university team A bids from, then checks the panel: the two independent teams are for information only.
    expect(await api.act<{ verified: boolean }>(`/api/orgs/${university}/verify`, {}, admin)).toMatchObject({ verified: true });
    const check = await api.get<{ warnings: { kind: string; bidId: string }[]; acknowledgementRequired: boolean }>(
      `/api/rooms/convening-check?challengeId=${challenge.id}&judgeIds=${JUDGES.map((name) => judges[name].id).join(',')}`,
      { as: admin },
    );
    expect(check.acknowledgementRequired).toBe(false);
    expect(check.warnings.map((w) => [w.kind, w.bidId]).sort()).toEqual([teams.B, teams.C].map((team) => ['TEAM_WITHOUT_ORGANISATION', team.bid.id]).sort());

    // 5. The bureau convenes the room and chairs it; the challenge follows to EVALUATING (evaluation.started).
    const { roomId } = await api.post<{ roomId: string }>(
      '/api/rooms',
      {
        challengeId: challenge.id,
        judgeIds: JUDGES.map((name) => judges[name].id),
        handPickedReason: '专家库中该领域专家不足，经局务会同意指定',
        chairUserId: admin.id,
        bids: [teams.A, teams.B, teams.C].map((team) => ({ bidId: team.bid.id, presentationMinutes: 15, qaMinutes: 10 })),
        objectionWindowMinutes: 0,
      },
      { as: admin },
    );
    await eventually(
      'the challenge is under evaluation',
      () => api.get<Challenge>(`/api/challenges/${challenge.id}`),
      (c) => c.status === 'EVALUATING',
    );

    // 6. Conflicts of interest: J5 was recused from A at convening; everyone declares the rest.
    await judgesDeclare(api, roomId, admin, judges, teams);

    // 7. Everyone joins the room over socket.io: the chair, the five judges, the enterprise as observer.
    const chair = await connect(admin);
    const judgeSockets = {} as Record<Judge, RoomClient>;
    for (const name of JUDGES) judgeSockets[name] = await connect(judges[name]);
    const observer = await connect(enterprise);
    const joined = await Promise.all([chair, ...JUDGES.map((name) => judgeSockets[name]), observer].map((c) => c.ok('room:join', { roomId })));
    expect(joined.map((ack) => (ack.snapshot as { audience: string }).audience)).toEqual(['CHAIR', 'JUDGE', 'JUDGE', 'JUDGE', 'JUDGE', 'JUDGE', 'OBSERVER']);
    expect((joined[5].snapshot as { myRecusals: string[] }).myRecusals).toEqual([teams.A.bid.id]);

    // 8. Live: open, then each bid presented, timed, scored and locked.
    await chair.ok('room:open', { roomId });
    for (const team of [teams.A, teams.B, teams.C]) await scoreBid(roomId, team, chair, judgeSockets);

    // Until the reveal the observer saw who scored and the timers, never a score.
    const lastLock = await observer.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === teams.C.bid.id);
    const beforeReveal = observer.received.slice();
    expect(observer.events.filter((e) => e.type === 'score.submitted')).toHaveLength(14);
    expect(observer.events.some((e) => e.type === 'timer.started')).toBe(true);
    for (const message of beforeReveal) expect(JSON.stringify(message.payload)).not.toMatch(SCORE_KEYS);
    expect(JSON.stringify(await api.get(`/api/rooms/${roomId}`, { as: enterprise }))).not.toMatch(SCORE_KEYS);

    // 9. The reveal: B 85.00, C 82.00, A 79.25, as computed by hand above.
    const revealed = await chair.ok('room:reveal', { roomId });
    const expectedRanking = (['B', 'C', 'A'] as const).map((key, i) => ({
      rank: i + 1,
      bidId: teams[key].bid.id,
      panelScore: PANEL[key].centi,
      panelPoints: PANEL[key].points,
      eligible: true,
    }));
    expect(revealed.ranking).toEqual(expectedRanking.map((r) => expect.objectContaining(r)));
    const revealEvent: RoomEvent = await observer.waitForEvent((e) => e.type === 'room.revealed');
    expect(revealEvent.version).toBe(lastLock.version + 1);
    expect(revealEvent.data.ranking).toEqual(expectedRanking.map((r) => expect.objectContaining(r)));

    // 10. The objection window (zero minutes here) is over: the chair finalises.
    const finalized: SocketAck = await chair.ok('room:finalize', { roomId });
    expect(finalized.awardedBidIds).toEqual([teams.B.bid.id]);
    expect((finalized.notAwardedBidIds as string[]).sort()).toEqual([teams.A.bid.id, teams.C.bid.id].sort());
    await observer.waitForEvent((e) => e.type === 'room.finalized');

    // 11. evaluation.finalized crosses to the challenges service (AWARDED) and to bidding (the bids).
    await eventually(
      'the challenge is awarded',
      () => api.get<Challenge>(`/api/challenges/${challenge.id}`),
      (c) => c.status === 'AWARDED',
    );
    const expectedStatus: Record<Team, string> = { A: 'NOT_AWARDED', B: 'AWARDED', C: 'NOT_AWARDED' };
    for (const team of Object.values(teams)) {
      const own = await eventually(
        `bid ${team.key} follows`,
        () => api.get<Bid>(`/api/bids/${team.bid.id}`, { as: team.lead }),
        (b) => b.status === expectedStatus[team.key],
      );
      expect(own.receipt.contentHash).toBe(team.bid.receipt.contentHash);
      expect((await api.get<Bid>(`/api/bids/${team.bid.id}`, { as: admin })).status).toBe(expectedStatus[team.key]);
    }

    // 12. The record: the report, a chain anyone can re-verify, the winner's feedback.
    const report = await api.get<Report>(`/api/rooms/${roomId}/report?format=json`, { as: admin });
    expect(report.final).toBe(true);
    expect(report.ranking).toEqual(expectedRanking.map((r) => expect.objectContaining({ ...r, awarded: r.bidId === teams.B.bid.id })));
    expect(report.recusals).toEqual([expect.objectContaining({ judgeId: judges.J5.id, bidId: teams.A.bid.id, automatic: true, reason: 'SAME_ORGANISATION' })]);
    expect(report.record.verification.valid).toBe(true);
    expect(await api.get(`/api/rooms/${roomId}/audit/verify`)).toMatchObject({ valid: true, brokenAtSeq: null });

    const feedback = await api.get<Feedback>(`/api/bids/${teams.B.bid.id}/feedback`, { as: teams.B.lead });
    // averages over the five judges: technical (9+9+9+10+5)/5 = 8.4, team (9+8+7+9+6)/5 = 7.8, price (8+9+8+9+5)/5 = 7.8
    expect(feedback).toMatchObject({ rank: 1, of: 3, panelPoints: '85.00', awarded: true, judges: 5 });
    expect(feedback.criteria.map((c) => [c.key, c.average])).toEqual([
      ['technical', 8.4],
      ['team', 7.8],
      ['price', 7.8],
    ]);
    expect(feedback.comments).toHaveLength(5);
    await api.get(`/api/bids/${teams.B.bid.id}/feedback`, { as: teams.A.lead, expect: 404 });
  } finally {
    for (const socket of sockets) socket.close();
  }
}

// --- the two deployments ------------------------------------------------------------------------

describe('a challenge from posting to award (cross-service story)', () => {
  let database: TestDatabase;
  const services: RunningService[] = [];

  /**
   * Starts the apps one after the other on the story's database (in parallel they compete for the CPU while
   * loading, and on a busy machine one can miss startService's 30 s readiness limit); whatever started is
   * stopped after the test, even if a later one failed.
   */
  const start = async (...names: AppName[]): Promise<RunningService[]> => {
    for (const name of names) services.push(await startService(name, { DATABASE_URL: database.url }));
    return services;
  };

  /** Runs the story; on failure, says what the services logged. */
  const tell = async (endpoints: Endpoints): Promise<void> => {
    try {
      await runStory(endpoints);
    } catch (error) {
      if (error instanceof Error) error.message += `\n${services.map((s) => `--- ${s.name} logged:\n${s.output().slice(-4000)}`).join('\n')}`;
      throw error;
    }
  };

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    const codes = await Promise.all(services.splice(0).map((service) => service.stop('SIGTERM')));
    await database.drop();
    expect(codes.every((code) => code === 0)).toBe(true);
  });

  it('in the one-process platform (npm start)', async () => {
    const [platform] = await start('platform');
    await tell({ challenges: platform.url, bidding: platform.url, evaluation: platform.url, databaseUrl: database.url });
  }, 120_000);

  it('with challenges, bidding and evaluation as three separate processes on one database', async () => {
    const [challenges, bidding, evaluation] = await start('challenges', 'bidding', 'evaluation');
    // the split is real: no service answers another's routes, so whatever follows across them went through the outbox
    expect((await fetch(`${challenges.url}/api/rooms`)).status).toBe(404);
    expect((await fetch(`${evaluation.url}/api/teams`)).status).toBe(404);
    expect((await fetch(`${bidding.url}/api/challenges`)).status).toBe(404);
    await tell({ challenges: challenges.url, bidding: bidding.url, evaluation: evaluation.url, databaseUrl: database.url });
  }, 120_000);
});
