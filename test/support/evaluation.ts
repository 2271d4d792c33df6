import { randomBytes } from 'node:crypto';
import { Aggregation, DEFAULT_PASS_MARK } from '@app/domain';
import { io, Socket } from 'socket.io-client';
import type { TestApp } from './app';
import { loginAdmin, register, registerEnterprise, TestUser } from './users';

/**
 * Fixtures for the evaluation room. The challenge and bidding routes are other services', so a
 * room's surroundings are real rows written straight into the test's database: a verified
 * enterprise's CLOSED challenge with a rubric, teams with their membership history, and
 * SHORTLISTED bids with prices and receipt times. Experts are added through POST /api/experts.
 */

export interface Criterion {
  key: string;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

/** 40/30/30, each out of 10: a judge's total in points is 4·tech + 3·team + 3·price. */
export const RUBRIC: Criterion[] = [
  { key: 'tech', name: '技术方案', description: 'Soundness of the technical approach', weight: 40, maxScore: 10 },
  { key: 'team', name: '团队能力', description: 'Track record of the team', weight: 30, maxScore: 10 },
  { key: 'price', name: '报价合理性', description: 'Value for the quoted price', weight: 30, maxScore: 10 },
];

export const sheet = (tech: number, team: number, price: number) => ({ tech, team, price });

export interface ChallengeOptions {
  rubric?: Criterion[];
  passMark?: number;
  winners?: number;
  /** CLOSED by default; PUBLISHED with `closesInPast` reads as closed too. */
  status?: string;
  closesInPast?: boolean;
}

/** A challenge of the owner's verified enterprise, inserted as the challenges service would have left it. */
export async function createChallenge(t: TestApp, owner: TestUser & { orgId: string }, options: ChallengeOptions = {}): Promise<string> {
  const closesInPast = options.closesInPast ?? true;
  const rows: { id: string }[] = await t.dataSource.query(
    `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators, reward_fen,
                            winners, opens_at, closes_at, ip_terms, pass_mark, rubric, published_at, closed_at)
     VALUES ($1, $2, $3, $4, '高精度工业传感器国产化', 'Confidential detail', 'ADVANCED_MANUFACTURING', '{传感器}', '[]', 100000000,
             $5, now() - interval '30 days', now() + ($6 || ' hours')::interval, 'TRANSFER', $7, $8, now() - interval '29 days',
             CASE WHEN $3 = 'CLOSED' THEN now() - interval '1 hour' END)
     RETURNING id`,
    [
      owner.orgId,
      owner.id,
      options.status ?? 'CLOSED',
      `工业传感器揭榜 ${randomBytes(3).toString('hex')}`,
      options.winners ?? 1,
      closesInPast ? '-1' : '72',
      options.passMark ?? DEFAULT_PASS_MARK,
      JSON.stringify(options.rubric ?? RUBRIC),
    ],
  );
  return rows[0].id;
}

export interface TeamBidOptions {
  name?: string;
  /** Current members; the first is the lead. */
  members: TestUser[];
  /** People who were on the team and left (membership history). */
  formerMembers?: TestUser[];
  orgId?: string | null;
  /** Whom the bid names as key personnel (else its lead). */
  keyPersonnel?: TestUser[];
  quotedPriceFen: number;
  /** Seconds before now of the final receipt (earlier receipt wins a tie on score and price). */
  receivedSecondsAgo?: number;
  status?: string;
}

export interface TeamBid {
  teamId: string;
  bidId: string;
  name: string;
  members: TestUser[];
}

/** A team with its membership history and its bid on the challenge, as the bidding service would have left them. */
export async function createTeamBid(t: TestApp, challengeId: string, options: TeamBidOptions): Promise<TeamBid> {
  const lead = options.members[0];
  const name = options.name ?? `揭榜团队 ${randomBytes(2).toString('hex')}`;
  const [{ id: teamId }]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO team (name, kind, country, org_id, created_by) VALUES ($1, 'RESEARCH_GROUP', 'CN', $2, $3) RETURNING id`,
    [name, options.orgId ?? null, lead.id],
  );
  for (const [i, member] of options.members.entries()) {
    await t.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, $3)`, [teamId, member.id, i === 0 ? 'LEAD' : 'MEMBER']);
  }
  for (const former of options.formerMembers ?? []) {
    await t.dataSource.query(
      `INSERT INTO team_member (team_id, user_id, role, joined_at, left_at) VALUES ($1, $2, 'MEMBER', now() - interval '60 days', now() - interval '40 days')`,
      [teamId, former.id],
    );
  }
  const [{ id: bidId }]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO bid (challenge_id, team_id, status, technical_approach, proposal, quoted_price_fen, duration_days, milestones,
                      key_personnel_user_ids, pledged_by, pledged_at, content_hash, received_at)
     VALUES ($1, $2, $3, 'MEMS 工艺 + 温漂补偿算法', $4, $5, 180, $6, $7, $8, now() - interval '2 days', $9,
             now() - interval '2 days' - ($10 || ' seconds')::interval)
     RETURNING id`,
    [
      challengeId,
      teamId,
      options.status ?? 'SHORTLISTED',
      `# ${name} 的方案\n\n完整的技术方案正文。`,
      options.quotedPriceFen,
      JSON.stringify([{ title: '样机', dueDay: 90, deliverable: '样机与测试报告', paymentBasisPoints: 10_000 }]),
      (options.keyPersonnel ?? [lead]).map((person) => person.id),
      lead.id,
      randomBytes(32).toString('hex'),
      String(options.receivedSecondsAgo ?? 0),
    ],
  );
  return { teamId, bidId, name, members: options.members };
}

/** Adds a registered user to the expert pool through the API (which grants JUDGE), and signs them in again for a token with the role. */
export async function addExpert(
  t: TestApp,
  admin: TestUser,
  options: { affiliationOrgId?: string; fields?: string[]; title?: string; prefix?: string; user?: TestUser } = {},
): Promise<TestUser> {
  const user = options.user ?? (await register(t, options.prefix ?? 'expert', '评审专家'));
  const res = await t
    .http()
    .post('/api/experts')
    .set(admin.auth)
    .send({
      userId: user.id,
      title: options.title ?? '教授级高级工程师',
      fields: options.fields ?? ['智能制造'],
      ...(options.affiliationOrgId ? { affiliationOrgId: options.affiliationOrgId } : {}),
      bio: '长期从事工业传感器研究。',
    });
  if (res.status !== 201) throw new Error(`add expert failed: ${res.status} ${JSON.stringify(res.body)}`);
  const again = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password });
  return { ...user, token: again.body.accessToken, refreshToken: again.body.refreshToken, auth: { Authorization: `Bearer ${again.body.accessToken}` } };
}

export interface ConveneInput {
  challengeId: string;
  judgeIds: string[];
  /** Hand-picking needs a reason; conveneRoom gives HAND_PICKED_REASON unless told otherwise. */
  handPickedReason?: string;
  chairUserId: string;
  bids: { bidId: string; presentationMinutes: number; qaMinutes: number }[];
  aggregation?: Aggregation;
  objectionWindowMinutes: number;
  envelopes?: 'SINGLE' | 'TWO';
  priceCriterionKey?: string;
  priceScoring?: 'FORMULA' | 'JUDGES';
  /** The bureau's reason for convening despite warnings (teams on unverified organisations, near matches of affiliations). */
  warningsAcknowledged?: string;
}

/** The reason the fixtures give for a hand-picked panel. */
export const HAND_PICKED_REASON = '测试：指定评审专家';

export async function conveneRoom(t: TestApp, admin: TestUser, input: ConveneInput): Promise<{ roomId: string; body: Record<string, unknown> }> {
  const res = await t.http().post('/api/rooms').set(admin.auth).send({ handPickedReason: HAND_PICKED_REASON, ...input });
  if (res.status !== 201) throw new Error(`convene failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { roomId: res.body.roomId as string, body: res.body };
}

/** Every judge declares "no conflict" on every bid they are not already recused from. */
export async function declareNoConflicts(t: TestApp, roomId: string, judges: TestUser[], bidIds: string[]): Promise<void> {
  for (const judge of judges) {
    const mine = await t.http().get(`/api/rooms/${roomId}/declarations`).set(judge.auth);
    // a judge who chairs reads every judge's declarations
    const recused = new Set(
      (mine.body as { judgeId: string; bidId: string; conflict: boolean }[]).filter((d) => d.judgeId === judge.id && d.conflict).map((d) => d.bidId),
    );
    const declarations = bidIds.filter((bidId) => !recused.has(bidId)).map((bidId) => ({ bidId, conflict: false }));
    if (declarations.length === 0) continue;
    const res = await t.http().post(`/api/rooms/${roomId}/declarations`).set(judge.auth).send({ declarations });
    if (res.status !== 200) throw new Error(`declare failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A whole cast: admin, owner enterprise with a closed challenge, `judges` experts, and teams with shortlisted bids. */
export interface RoomCast {
  admin: TestUser;
  owner: TestUser & { orgId: string };
  challengeId: string;
  judges: TestUser[];
  teams: TeamBid[];
}

export async function createCast(
  t: TestApp,
  options: {
    judges: number;
    /** Display names of the judges, in order (else every judge is 评审专家). */
    judgeNames?: string[];
    teams: { name: string; quotedPriceFen: number; receivedSecondsAgo?: number }[];
    challenge?: ChallengeOptions;
  },
): Promise<RoomCast> {
  const admin = await loginAdmin(t);
  const owner = await registerEnterprise(t, admin);
  const challengeId = await createChallenge(t, owner, options.challenge);
  const judges: TestUser[] = [];
  for (let i = 0; i < options.judges; i += 1) {
    const name = options.judgeNames?.[i];
    judges.push(await addExpert(t, admin, { prefix: `judge${i + 1}`, user: name === undefined ? undefined : await register(t, `judge${i + 1}`, name) }));
  }
  const teams: TeamBid[] = [];
  for (const team of options.teams) {
    const lead = await register(t, 'solver', `${team.name} 负责人`);
    teams.push(await createTeamBid(t, challengeId, { name: team.name, members: [lead], quotedPriceFen: team.quotedPriceFen, receivedSecondsAgo: team.receivedSecondsAgo }));
  }
  return { admin, owner, challengeId, judges, teams };
}

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });

/** A convened room with every declaration made; the admin chairs. */
export async function declaredRoom(t: TestApp, judges: number): Promise<RoomCast & { roomId: string }> {
  const cast = await createCast(t, { judges, teams: [{ name: 'A', quotedPriceFen: 10 }, { name: 'B', quotedPriceFen: 20 }] });
  const { roomId } = await conveneRoom(t, cast.admin, {
    challengeId: cast.challengeId,
    judgeIds: cast.judges.map((j) => j.id),
    chairUserId: cast.admin.id,
    bids: cast.teams.map((team) => slot(team.bidId)),
    objectionWindowMinutes: 0,
  });
  await declareNoConflicts(t, roomId, cast.judges, cast.teams.map((team) => team.bidId));
  return { ...cast, roomId };
}

// --- socket.io clients ----------------------------------------------------------------------------

export interface SocketAck {
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
  details?: unknown;
  [key: string]: unknown;
}

export interface RoomEvent {
  roomId: string;
  version: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** A real socket.io-client on /rooms that records everything it receives. */
/** The room clients a spec opens, closed together after each test (`afterEach(() => clients.closeAll())`). */
export class RoomClients {
  private readonly open: RoomClient[] = [];

  constructor(private readonly url: () => string) {}

  /** Connects as `user`, and joins `roomId` when given. */
  async connect(user: { token: string }, roomId?: string): Promise<RoomClient> {
    const client = this.track(await RoomClient.connect(this.url(), user.token));
    if (roomId !== undefined) await client.ok('room:join', { roomId });
    return client;
  }

  /** A client opened otherwise, closed with the others. */
  track(client: RoomClient): RoomClient {
    this.open.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.open.splice(0)) client.close();
  }
}

export class RoomClient {
  readonly events: RoomEvent[] = [];
  readonly snapshots: Record<string, unknown>[] = [];
  readonly ownScores: Record<string, unknown>[] = [];
  /** Every message received, in order, whatever its name (for "never saw a score" checks). */
  readonly received: { event: string; payload: unknown }[] = [];

  /** The room version this client holds, by the web client's rules (snapshot, then contiguous events); -1 before the snapshot. */
  version = -1;
  /** How many times the client resynced because a heartbeat showed it behind. */
  resyncs = 0;

  private constructor(
    readonly socket: Socket,
    resync: boolean,
  ) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      if (event === 'room:event') {
        this.events.push(payload as RoomEvent);
        if ((payload as RoomEvent).version === this.version + 1) this.version += 1;
      }
      if (event === 'room:snapshot') {
        this.snapshots.push(payload as Record<string, unknown>);
        this.version = (payload as { version: number }).version;
      }
      if (event === 'room:own-score') this.ownScores.push(payload as Record<string, unknown>);
      if (event === 'room:heartbeat' && resync) this.onHeartbeat(payload as { roomId: string; version: number });
    });
  }

  /** As apps/web's useRoom: behind a heartbeat for a second (not just ahead of an event in flight), resync. */
  private onHeartbeat(beat: { roomId: string; version: number }): void {
    if (this.version < 0 || beat.version <= this.version) return;
    setTimeout(() => {
      if (beat.version <= this.version || !this.socket.connected) return;
      this.resyncs += 1;
      void this.send('room:sync', { roomId: beat.roomId }).catch(() => undefined);
    }, 1000);
  }

  /** Waits until the client holds at least this version (from events or a resync). */
  async waitForHeld(version: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.version < version) {
      if (Date.now() > deadline) throw new Error(`still at v${this.version} after ${timeoutMs} ms, expected v${version}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Connects (websocket transport, as the web client does) and waits for the handshake to be accepted. */
  static async connect(
    url: string,
    token: string | undefined,
    options: { origin?: string; reconnection?: boolean; resync?: boolean } = {},
  ): Promise<RoomClient> {
    const socket = io(`${url}/rooms`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
      ...(options.origin ? { extraHeaders: { Origin: options.origin } } : {}),
    });
    const client = new RoomClient(socket, options.resync ?? false);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error & { data?: unknown }) => {
        socket.close();
        reject(Object.assign(new Error(error.message), { data: error.data }));
      });
    });
    return client;
  }

  /** Sends a command and waits for its acknowledgement. */
  send(event: string, payload: unknown): Promise<SocketAck> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<SocketAck>;
  }

  /** Sends a command that must succeed; returns its acknowledgement. */
  async ok(event: string, payload: unknown): Promise<SocketAck> {
    const ack = await this.send(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    return ack;
  }

  /** The first recorded room:event (past or future) matching the predicate. */
  async waitForEvent(predicate: (event: RoomEvent) => boolean, timeoutMs = 10_000): Promise<RoomEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching room:event within ${timeoutMs} ms; got ${this.events.map((e) => `${e.version}:${e.type}`).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until an event of at least this version has arrived. */
  waitForVersion(version: number, timeoutMs = 10_000): Promise<RoomEvent> {
    return this.waitForEvent((e) => e.version >= version, timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}
