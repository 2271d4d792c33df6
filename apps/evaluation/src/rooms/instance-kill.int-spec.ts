import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { declaredRoom, RoomClient, sheet, SocketAck } from '../../../../test/support/evaluation';
import { RunningService, startService } from '../../../../test/support/processes';
import { itWithRedisServer, OwnRedis, startOwnRedis } from '../../../../test/support/redis';
import { TcpProxy } from '../../../../test/support/tcp-proxy';
import { TestUser } from '../../../../test/support/users';
import { sleep, until } from '../../../../test/support/wait';
import { EvaluationAppModule } from '../evaluation-app.module';

/**
 * kill -9 of an evaluation instance mid-scoring. Two evaluation processes, A and B, on one Redis
 * of the test's own and one database; the chair and an observer on B, three judges on A (through
 * a TCP proxy, their balancer) scoring in a loop as the web client does. A dies in the middle of
 * their submissions; the judges come back on B and resend what was not acknowledged, with the same
 * operation ids. Then every acknowledged score is in the room's record exactly once, each judge's
 * standing score is their last revision, and every client converges to the database's room
 * version. Four rounds, A restarted each time.
 *
 * Each kill is made the worst one the issue saw (an instance dying between its commits and their
 * broadcast): just before it, Redis holds every write (CLIENT PAUSE WRITE) until A is dead, so the
 * broadcasts of A's last commits die with A's connection and B's clients miss them. Only the room
 * heartbeat can bring those clients back, and the test fails without it. In even rounds the proxy
 * also holds A's replies, so each judge's last submission is committed and never answered: only
 * the replay of its operation id keeps the resend from being applied twice.
 */

const HEARTBEAT_MS = 500;
/** A client behind the heartbeat resyncs after a second's grace: converging takes at most about this. */
const CONVERGE_WITHIN_MS = HEARTBEAT_MS + 1000 + 2500;
/** Even rounds also hold A's replies, so every judge's last submission there is committed and unanswered. */
const ROUNDS = 4;
/** Acknowledged submissions of each judge on A before its broadcasts are held, and on B after the kill. */
const ACKS_BEFORE_KILL = 3;
const ACKS_AFTER_KILL = 2;
/** As apps/web's useScoreSubmission: an unanswered submission is sent again every second, same opId. */
const RETRY_EVERY_MS = 1000;
const MAX_ATTEMPTS = 30;


interface Submission {
  opId: string;
  scores: Record<string, number>;
  ack?: SocketAck;
}

/**
 * A judge scoring one bid in a loop, each revision as apps/web's useScoreSubmission submits it:
 * one operation id per revision, sent on whatever connection the judge has now, again every
 * second until acknowledged; the next revision only after that.
 */
class ScoringJudge {
  client: RoomClient | null = null;
  readonly submissions: Submission[] = [];
  private running = false;
  private closed = false;
  private loop: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  constructor(
    readonly user: TestUser,
    private readonly roomId: string,
    private readonly bidId: string,
  ) {}

  /** Connects (and joins) on an instance, dropping the previous connection: what a reconnect through the balancer does. */
  async connectTo(url: string): Promise<void> {
    const next = await RoomClient.connect(url, this.user.token, { resync: true });
    await next.ok('room:join', { roomId: this.roomId });
    this.client?.close();
    this.client = next;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) await this.submitNext();
    })().catch((error: Error) => {
      this.failure = error;
    });
  }

  /** Lets the revision in progress be acknowledged, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.assertHealthy();
  }

  /** The acknowledged submissions so far; throws when the loop failed (a refusal, a submission never answered). */
  get acked(): Submission[] {
    this.assertHealthy();
    return this.submissions.filter((s) => s.ack);
  }

  /** Gives up at once, whatever is in progress (after a failed test). */
  close(): void {
    this.running = false;
    this.closed = true;
    this.client?.close();
  }

  private assertHealthy(): void {
    if (this.failure) throw this.failure;
  }

  private async submitNext(): Promise<void> {
    const n = this.submissions.length;
    const submission: Submission = { opId: randomUUID(), scores: sheet(n % 11, (n * 3) % 11, (n * 7) % 11) };
    this.submissions.push(submission);
    const payload = { roomId: this.roomId, bidId: this.bidId, scores: submission.scores, opId: submission.opId };
    let ack: SocketAck | null = null;
    for (let attempt = 1; !ack && !this.closed; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`score:submit ${submission.opId} unanswered after ${MAX_ATTEMPTS} attempts`);
      const client = this.client;
      ack = client?.socket.connected ? await client.send('score:submit', payload).catch(() => null) : null;
      if (!ack) await sleep(RETRY_EVERY_MS);
    }
    if (!ack) return;
    if (!ack.ok) throw new Error(`score:submit refused: ${ack.code} ${ack.message}`);
    submission.ack = ack;
  }
}

interface AuditedScore {
  opId: string;
  judgeId: string;
  scores: Record<string, number>;
}

/** Holds (or releases) every write command in Redis, PUBLISH included; reads go on. */
async function holdRedisWrites(url: string, hold: boolean): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 0 });
  try {
    await (hold ? client.call('CLIENT', 'PAUSE', '30000', 'WRITE') : client.call('CLIENT', 'UNPAUSE'));
  } finally {
    client.disconnect();
  }
}

describe('kill -9 of an evaluation instance mid-scoring (integration)', () => {
  let redis: OwnRedis | null = null;
  let database: TestDatabase | null = null;
  let fixtures: TestApp | null = null;
  const services: RunningService[] = [];
  const balancers: TcpProxy[] = [];
  const clients: RoomClient[] = [];
  const judges: ScoringJudge[] = [];

  afterAll(async () => {
    for (const judge of judges) judge.close();
    for (const client of clients) client.close();
    for (const balancer of balancers) await balancer.close();
    for (const service of services) await service.stop('SIGKILL');
    await fixtures?.close();
    await database?.drop();
    await redis?.kill();
  });

  itWithRedisServer('loses no acknowledged score, applies none twice, and every client converges', async () => {
    redis = await startOwnRedis();
    const redisUrl = redis.url;
    database = await createTestDatabase();
    fixtures = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), database });
    const t = fixtures;
    const { roomId, admin, owner, teams, judges: panel } = await declaredRoom(t, 3);
    const bidId = teams[0].bidId;
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `jiebang-kill-${randomBytes(6).toString('hex')}`,
      ROOM_HEARTBEAT_MS: String(HEARTBEAT_MS),
    };
    const startEvaluation = async () => {
      const service = await startService('evaluation', env);
      services.push(service);
      return service;
    };
    const roomVersion = async (): Promise<number> => (await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [roomId]))[0].version;

    const b = await startEvaluation();
    const onB = async (token: string) => {
      const client = await RoomClient.connect(b.url, token, { resync: true });
      clients.push(client);
      await client.ok('room:join', { roomId });
      return client;
    };
    const chair = await onB(admin.token);
    const observer = await onB(owner.token);
    await chair.ok('room:open', { roomId });
    await chair.ok('room:present', { roomId, bidId });
    judges.push(...panel.map((user) => new ScoringJudge(user, roomId, bidId)));
    const everyone = () => [chair, observer, ...judges.map((judge) => judge.client as RoomClient)];
    /** Milliseconds until every client holds at least this version. */
    const converge = (version: number) => until(() => everyone().every((client) => client.version >= version), CONVERGE_WITHIN_MS, `every client to hold v${version}`);

    /**
     * Whether every judge has a score committed on A that the kill will leave unbroadcast or
     * unanswered: one committed after this version (a score's audit entry has the room version it
     * made), or, in a round that holds A's answers, when a judge's last submission was committed
     * just before and its answer is now held, that submission (it will be answered on B as a
     * replay). At least one commit must come after the version, or B would miss nothing.
     */
    const eachJudgeCommittedSince = async (version: number, holdReplies: boolean): Promise<boolean> => {
      const rows: { judge_id: string; op_id: string; seq: number }[] = await t.dataSource.query(
        `SELECT payload->>'judgeId' AS judge_id, payload->>'opId' AS op_id, seq FROM room_audit WHERE room_id = $1 AND action = 'score.submitted'`,
        [roomId],
      );
      const after = new Set(rows.filter((row) => row.seq > version).map((row) => row.judge_id));
      const committed = new Set(rows.map((row) => row.op_id));
      const answerHeld = (judge: ScoringJudge) => holdReplies && judge.submissions.some((s) => !s.ack && committed.has(s.opId));
      return after.size > 0 && judges.every((judge) => after.has(judge.user.id) || answerHeld(judge));
    };

    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const holdReplies = round % 2 === 0;
      const a = await startEvaluation();
      // the judges reach A through a balancer of the test's own (a TCP proxy)
      const balancer = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(a.url).port) });
      balancers.push(balancer);
      await Promise.all(judges.map((judge) => judge.connectTo(`http://127.0.0.1:${balancer.port}`)));
      const ackedAtStart = judges.map((judge) => judge.acked.length);
      const resyncsAtStart = [chair.resyncs, observer.resyncs];
      for (const judge of judges) judge.start();
      await until(() => judges.every((judge, i) => judge.acked.length >= ackedAtStart[i] + ACKS_BEFORE_KILL), 20_000, 'the judges to score on A');

      // A's next commits are broadcast into a Redis that holds them (and, every other round, their
      // acks into a balancer that holds them): A dies before they go out.
      await holdRedisWrites(redisUrl, true);
      if (holdReplies) balancer.set('stall-replies');
      const heldAfter = await roomVersion();
      await until(() => eachJudgeCommittedSince(heldAfter, holdReplies), 10_000, 'a commit of each judge on A while its broadcasts are held');
      await a.stop('SIGKILL');
      const killedAt = Date.now();
      const inFlight = judges.flatMap((judge) => judge.submissions.filter((s) => !s.ack));
      await sleep(300);
      await holdRedisWrites(redisUrl, false);
      const versionAtKill = await roomVersion();
      // none of the commits made while Redis held writes reached B
      expect(chair.events.filter((event) => event.version > heldAfter && event.version <= versionAtKill)).toEqual([]);

      // The judges come back on B; their loops resend what A never answered, with the same opIds.
      await Promise.all(judges.map((judge) => judge.connectTo(b.url)));
      await converge(versionAtKill);
      const afterKillMs = Date.now() - killedAt;
      const ackedOnB = judges.map((judge) => judge.acked.length);
      await until(() => judges.every((judge, i) => judge.acked.length >= ackedOnB[i] + ACKS_AFTER_KILL), 20_000, 'the judges to score on B');
      await Promise.all(judges.map((judge) => judge.stop()));
      const finalMs = await converge(await roomVersion());
      // B's clients missed A's last broadcasts and caught up only by resyncing from the heartbeat.
      expect(chair.resyncs).toBeGreaterThan(resyncsAtStart[0]);
      expect(observer.resyncs).toBeGreaterThan(resyncsAtStart[1]);
      const replayed = inFlight.filter((s) => s.ack?.replayed).length;
      // with the acks held, judges' last submissions on A were committed and unanswered: B answers them
      // from the record (a judge whose next submission reached A just as it died gets it applied on B)
      if (holdReplies) expect(replayed).toBeGreaterThan(0);
      figures.push(
        `round ${round}${holdReplies ? ' (acks held)' : ''}: ${inFlight.length} unanswered at the kill, ${replayed} of them committed by A ` +
          `(answered on B as replays), ${versionAtKill - heldAfter} broadcasts lost with A; every client at the kill's v${versionAtKill} ` +
          `${afterKillMs} ms after it, at the final version ${finalMs} ms after the last ack`,
      );
    }

    const audited: AuditedScore[] = await t.dataSource.query(
      `SELECT payload->>'opId' AS "opId", payload->>'judgeId' AS "judgeId", payload->'scores' AS scores
         FROM room_audit WHERE room_id = $1 AND action = 'score.submitted' ORDER BY seq`,
      [roomId],
    );
    const times = new Map<string, number>();
    for (const entry of audited) times.set(entry.opId, (times.get(entry.opId) ?? 0) + 1);
    const acked = judges.flatMap((judge) => judge.acked);
    const lost = acked.filter((s) => !times.has(s.opId)).length;
    const duplicated = [...times.values()].filter((n) => n > 1).length;
    const unasked = [...times.keys()].filter((opId) => !acked.some((s) => s.opId === opId)).length;
    console.log(
      `kill -9 mid-scoring, ${ROUNDS} rounds: ${acked.length} scores acked, ${audited.length} stored, ${lost} lost, ${duplicated} applied twice, ` +
        `${unasked} stored unacked\n  ${figures.join('\n  ')}`,
    );
    expect({ lost, duplicated, unasked }).toEqual({ lost: 0, duplicated: 0, unasked: 0 });
    expect(audited).toHaveLength(acked.length);

    // Each judge's standing score is the last revision the record holds for them, and that is the last one they sent.
    const standing: { judgeId: string; scores: Record<string, number> }[] = await t.dataSource.query(
      'SELECT judge_id AS "judgeId", scores FROM room_score WHERE room_id = $1 AND bid_id = $2 AND withdrawn_at IS NULL',
      [roomId, bidId],
    );
    for (const judge of judges) {
      const last = audited.filter((entry) => entry.judgeId === judge.user.id).at(-1);
      expect(last?.opId).toBe(judge.submissions.at(-1)?.opId);
      expect(standing.find((row) => row.judgeId === judge.user.id)?.scores).toEqual(last?.scores);
    }
    const verify = await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, entries: await roomVersion() });
  }, 120_000);
});
