import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { BenchContext, PartResult } from './support/context';
import { insertEnterprise, insertUsers } from './support/fixtures';
import { HEAP_PROBE, type Server, startPlatform, startServer } from './support/processes';
import type { Row } from './support/report';
import { percentile, sleep } from './support/stats';
import { accessToken } from './support/tokens';

/** The panel must be odd (3..15): 11 judges, of whom 10 score; the chair is an admin, as the rules allow. */
const PANEL = 11;
const SCORING = 10;
const RUBRIC = [
  { key: 'tech', name: '技术方案', description: 'Soundness of the technical approach', weight: 40, maxScore: 10 },
  { key: 'team', name: '团队能力', description: 'Track record of the team', weight: 30, maxScore: 10 },
  { key: 'price', name: '报价合理性', description: 'Value for the quoted price', weight: 30, maxScore: 10 },
];

interface Ack {
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
}

interface RoomEvent {
  version: number;
}

interface Cast {
  adminId: string;
  adminToken: string;
  judges: { id: string; token: string }[];
  observerTokens: string[];
}

/** Connects one socket.io client to /rooms over websocket (as the web client does). */
function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/rooms`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
}

async function command(socket: Socket, event: string, payload: object): Promise<Ack> {
  const ack = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack;
  if (!ack.ok) throw new Error(`${event}: ${ack.code} ${ack.message}`);
  return ack;
}

async function api(url: string, token: string, path: string, body: object): Promise<{ roomId?: string }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { roomId?: string };
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * The room's surroundings as the other services would have left them: the owner enterprise (its
 * members are the observers), a CLOSED challenge with a rubric, two teams with SHORTLISTED bids,
 * eleven experts holding JUDGE, and an admin to chair.
 */
async function prepareCast(ctx: BenchContext, observers: number): Promise<Cast & { challengeId: string; bidIds: string[]; judgeIds: string[] }> {
  const { pool } = ctx.db;
  const [admin] = await insertUsers(pool, 1, 'p2-admin', ['ADMIN']);
  const members = await insertUsers(pool, observers, 'p2-observer');
  const orgId = await insertEnterprise(pool, members);
  const judges = await insertUsers(pool, PANEL, 'p2-judge', ['JUDGE']);
  await pool.query(
    `INSERT INTO expert (user_id, title, fields, bio, created_by)
     SELECT u.id, '教授级高级工程师', '{智能制造}', '长期从事工业传感器研究。', $2 FROM unnest($1::uuid[]) AS u(id)`,
    [judges.map((j) => j.id), admin.id],
  );
  const { rows: challenge } = await pool.query<{ id: string }>(
    `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators, reward_fen,
                            opens_at, closes_at, ip_terms, rubric, published_at, closed_at)
     VALUES ($1, $2, 'CLOSED', '工业传感器揭榜 (bench)', '高精度工业传感器国产化', 'Confidential detail', 'ADVANCED_MANUFACTURING',
             '{传感器}', '[]', 100000000, now() - interval '30 days', now() - interval '1 hour', 'TRANSFER', $3,
             now() - interval '29 days', now() - interval '1 hour')
     RETURNING id`,
    [orgId, members[0].id, JSON.stringify(RUBRIC)],
  );
  const leads = await insertUsers(pool, 2, 'p2-lead');
  const { rows: bids } = await pool.query<{ id: string }>(
    `WITH t AS (
       INSERT INTO team (name, kind, country, created_by)
       SELECT '揭榜团队 ' || l.n, 'RESEARCH_GROUP', 'CN', l.id FROM unnest($2::uuid[]) WITH ORDINALITY AS l(id, n)
       RETURNING id, created_by),
     m AS (INSERT INTO team_member (team_id, user_id, role) SELECT id, created_by, 'LEAD' FROM t)
     INSERT INTO bid (challenge_id, team_id, status, technical_approach, proposal, quoted_price_fen, duration_days, milestones,
                      key_personnel_user_ids, pledged_by, pledged_at, content_hash, received_at)
     SELECT $1, t.id, 'SHORTLISTED', 'MEMS 工艺 + 温漂补偿算法', '# 方案', 50000000, 180,
            '[{"title":"样机","dueDay":90,"deliverable":"样机与测试报告","paymentBasisPoints":10000}]',
            ARRAY[t.created_by], t.created_by, now() - interval '2 days', md5(t.id::text) || md5(t.created_by::text), now() - interval '2 days'
       FROM t
     RETURNING id`,
    [challenge[0].id, leads.map((l) => l.id)],
  );
  return {
    challengeId: challenge[0].id,
    bidIds: bids.map((b) => b.id),
    judgeIds: judges.map((j) => j.id),
    adminId: admin.id,
    adminToken: accessToken(admin.id, ['ADMIN']),
    judges: judges.map((j) => ({ id: j.id, token: accessToken(j.id, ['JUDGE']) })),
    observerTokens: members.map((m) => accessToken(m.id)),
  };
}

interface RoomRun {
  /** Per event, submit → arrival at the last observer (ms). */
  toEveryObserver: number[];
  /** Per event, submit → arrival at the first observer (ms): the server's part, before the fan-out. */
  toFirstObserver: number[];
  /** Every single delivery, submit → arrival at one observer (ms). */
  deliveries: number[];
  burstToEveryObserver: number[];
  lost: number;
  heapPerSocket: number;
  eventBytes: number;
}

/**
 * Connects the judges and then `observerTokens.length` observers to one room, weighing the
 * server's heap before and after the observers; then the judges submit scores, first one at a time
 * (each event measured alone) and then in bursts of all ten at once, while every observer records
 * when each room:event version arrives. One process, one clock (performance.now()).
 */
async function measureRoom(ctx: BenchContext, server: Server, roomId: string, bidId: string, cast: Cast, sequential: number, bursts: number): Promise<RoomRun> {
  const sockets: Socket[] = [];
  try {
    const judges = await Promise.all(cast.judges.map((j) => connect(server.url, j.token)));
    sockets.push(...judges);
    for (const judge of judges) await command(judge, 'room:join', { roomId });
    const heapBefore = await server.heapUsed();
    const arrivals = new Map<number, number[]>();
    let eventBytes = 0;
    const observers: Socket[] = [];
    for (let i = 0; i < cast.observerTokens.length; i += 100) {
      const batch = await Promise.all(cast.observerTokens.slice(i, i + 100).map((token) => connect(server.url, token)));
      sockets.push(...batch);
      await Promise.all(batch.map((socket) => command(socket, 'room:join', { roomId })));
      observers.push(...batch);
    }
    for (const socket of observers) {
      socket.on('room:event', (event: RoomEvent) => {
        const at = performance.now();
        if (eventBytes === 0) eventBytes = Buffer.byteLength(JSON.stringify(event));
        const list = arrivals.get(event.version);
        if (list) list.push(at);
        else arrivals.set(event.version, [at]);
      });
    }
    const heapAfter = await server.heapUsed();
    ctx.log(`P2: ${observers.length} observers in the room; heap ${((heapAfter - heapBefore) / observers.length / 1024).toFixed(1)} KiB per socket`);

    const sentAt = new Map<number, number>();
    let op = 0;
    const submit = async (judge: number): Promise<void> => {
      op += 1;
      const scores = { tech: 5 + (op % 5), team: 6 + (op % 4), price: 7 + (op % 3) };
      const started = performance.now();
      const ack = await command(judges[judge], 'score:submit', { roomId, bidId, scores, opId: `bench-${op}-${randomUUID()}` });
      sentAt.set(ack.version ?? -1, started);
    };
    const delivered = async (versions: number[]): Promise<void> => {
      const deadline = performance.now() + 30_000;
      while (versions.some((v) => (arrivals.get(v)?.length ?? 0) < observers.length) && performance.now() < deadline) await sleep(2);
    };
    const run = async (steps: number[][]): Promise<number[]> => {
      const versions: number[] = [];
      for (const step of steps) {
        const from = sentAt.size;
        await Promise.all(step.map((judge) => submit(judge)));
        const stepVersions = [...sentAt.keys()].slice(from);
        await delivered(stepVersions);
        versions.push(...stepVersions);
      }
      return versions;
    };
    const oneAtATime = (count: number) => Array.from({ length: count }, (_, i) => [i % SCORING]);
    const allAtOnce = (count: number) => Array.from({ length: count }, () => Array.from({ length: SCORING }, (_, j) => j));

    await run(oneAtATime(SCORING));
    const measured = await run(oneAtATime(sequential));
    const burst = await run(allAtOnce(bursts));
    const lateness = (version: number) => (arrivals.get(version) ?? []).map((at) => at - (sentAt.get(version) ?? at));
    const lost = [...measured, ...burst].reduce((sum, v) => sum + observers.length - (arrivals.get(v)?.length ?? 0), 0);
    return {
      toEveryObserver: measured.map((v) => Math.max(...lateness(v))),
      toFirstObserver: measured.map((v) => Math.min(...lateness(v))),
      deliveries: measured.flatMap(lateness),
      burstToEveryObserver: burst.map((v) => Math.max(...lateness(v))),
      lost,
      heapPerSocket: (heapAfter - heapBefore) / observers.length,
      eventBytes,
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

/**
 * P2: one room, 10 judges scoring, observers watching: how long a score takes to reach every
 * observer through the platform (command transaction, record, fan-out) against a bare socket.io
 * server broadcasting an event of the same shape to the same sockets; lost events; heap per socket.
 */
export async function benchRoom(ctx: BenchContext): Promise<PartResult> {
  const observers = ctx.smoke ? 20 : 1_000;
  const sequential = ctx.smoke ? 10 : 100;
  const bursts = ctx.smoke ? 2 : 10;
  const cast = await prepareCast(ctx, observers);
  ctx.log(`P2: ${observers} observers, ${PANEL} judges (${SCORING} scoring), ${sequential} single scores and ${bursts} bursts of ${SCORING}`);

  const platform = await startPlatform(ctx.db.url, { logLevel: 'warn', nodeArgs: HEAP_PROBE });
  let ours: RoomRun;
  try {
    const { roomId } = await api(platform.url, cast.adminToken, '/api/rooms', {
      challengeId: cast.challengeId,
      judgeIds: cast.judgeIds,
      handPickedReason: 'Benchmark: a fixed panel',
      chairUserId: cast.adminId,
      bids: cast.bidIds.map((bidId) => ({ bidId, presentationMinutes: 15, qaMinutes: 10 })),
      objectionWindowMinutes: 0,
    });
    if (!roomId) throw new Error('P2: convening answered no roomId');
    for (const judge of cast.judges) {
      await api(platform.url, judge.token, `/api/rooms/${roomId}/declarations`, { declarations: cast.bidIds.map((bidId) => ({ bidId, conflict: false })) });
    }
    const chair = await connect(platform.url, cast.adminToken);
    try {
      await command(chair, 'room:join', { roomId });
      await command(chair, 'room:open', { roomId });
      await command(chair, 'room:present', { roomId, bidId: cast.bidIds[0] });
      ours = await measureRoom(ctx, platform, roomId, cast.bidIds[0], cast, sequential, bursts);
    } finally {
      chair.close();
    }
  } finally {
    await platform.stop();
  }
  const baseline = await startServer(join('bench', 'baseline', 'room-server.js'), { nodeArgs: HEAP_PROBE, readyPath: '/api/health/ready', env: { NODE_ENV: 'production' } });
  let bare: RoomRun;
  try {
    bare = await measureRoom(ctx, baseline, randomUUID(), cast.bidIds[0], cast, sequential, bursts);
  } finally {
    await baseline.stop();
  }
  for (const [name, run] of [['ours', ours], ['baseline', bare]] as const) {
    ctx.log(`P2 ${name}: to every observer p50 ${percentile(run.toEveryObserver, 50).toFixed(1)} ms, p99 ${percentile(run.toEveryObserver, 99).toFixed(1)} ms, lost ${run.lost}`);
  }

  const row = (metric: string, unit: string, o: number, b: number, target?: { text: string; max: number }): Row => ({
    part: 'P2 room',
    metric,
    unit,
    ours: o,
    baseline: b,
    ratio: o / b,
    ...(target ? { target: target.text, pass: o / b <= target.max } : {}),
  });
  const rows: Row[] = [
    row('to every observer p50', 'ms', percentile(ours.toEveryObserver, 50), percentile(bare.toEveryObserver, 50)),
    row('to every observer p99', 'ms', percentile(ours.toEveryObserver, 99), percentile(bare.toEveryObserver, 99), { text: '≤ 1.5', max: 1.5 }),
    row('to the first observer p50', 'ms', percentile(ours.toFirstObserver, 50), percentile(bare.toFirstObserver, 50)),
    row('one delivery p50', 'ms', percentile(ours.deliveries, 50), percentile(bare.deliveries, 50)),
    row('one delivery p99', 'ms', percentile(ours.deliveries, 99), percentile(bare.deliveries, 99)),
    row(`burst of ${SCORING}: to every observer p99`, 'ms', percentile(ours.burstToEveryObserver, 99), percentile(bare.burstToEveryObserver, 99)),
    row('heap per socket', 'KiB', ours.heapPerSocket / 1024, bare.heapPerSocket / 1024, { text: '≤ 1.3', max: 1.3 }),
    { part: 'P2 room', metric: 'lost events', unit: '', ours: ours.lost, baseline: bare.lost, target: '= 0', pass: ours.lost === 0 && bare.lost === 0 },
  ];
  return {
    rows,
    notes: {
      observers,
      panel: PANEL,
      scoringJudges: SCORING,
      sequentialScores: sequential,
      bursts,
      eventBytes: { ours: ours.eventBytes, baseline: bare.eventBytes },
      heapPerSocketBytes: { ours: ours.heapPerSocket, baseline: bare.heapPerSocket },
    },
  };
}
