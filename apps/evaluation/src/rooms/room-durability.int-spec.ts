import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp, TestAppOptions } from '../../../../test/support/app';
import { createTestDatabase } from '../../../../test/support/database';
import { declaredRoom, RoomClient, sheet } from '../../../../test/support/evaluation';
import { itWithRedisServer, startOwnRedis } from '../../../../test/support/redis';
import { loginAdmin } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const appModule: TestAppOptions['module'] = (context) => EvaluationAppModule.forRoot(context);
describe('nothing lost (integration)', () => {
  it('keeps every acknowledged score and the room state across a restart of the service', async () => {
    const database = await createTestDatabase();
    const clients: RoomClient[] = [];
    let second: TestApp | undefined;
    try {
      const first = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, database });
      const room = await declaredRoom(first, 3);
      const { roomId, admin, judges, teams } = room;
      const chair = await RoomClient.connect(first.url, admin.token);
      clients.push(chair);
      await chair.ok('room:join', { roomId });
      await chair.ok('room:open', { roomId });
      await chair.ok('room:present', { roomId, bidId: teams[0].bidId });
      await chair.ok('timer:start', { roomId, phase: 'QA' });
      const judgeClients = await Promise.all(judges.map((j) => RoomClient.connect(first.url, j.token)));
      clients.push(...judgeClients);
      const acks = await Promise.all(
        judgeClients.map((client, i) => client.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(5 + i, 6, 7), opId: `before-${i}` })),
      );
      const lastVersion = Math.max(...acks.map((ack) => ack.version as number));
      // the service goes away mid-room, right after acknowledging
      const dropped = new Promise((resolve) => chair.socket.once('disconnect', resolve));
      await first.close();
      await dropped;

      second = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, database });
      const back = await RoomClient.connect(second.url, judges[1].token);
      clients.push(back);
      const snapshot = (await back.ok('room:join', { roomId })).snapshot as Record<string, unknown>;
      expect(snapshot).toMatchObject({
        version: lastVersion,
        status: 'OPEN',
        currentBidId: teams[0].bidId,
        timer: { bidId: teams[0].bidId, phase: 'QA', running: true, durationMs: 300_000 },
        myScores: [{ bidId: teams[0].bidId, scores: { tech: 6, team: 6, price: 7 } }],
      });
      const chairAgain = await RoomClient.connect(second.url, admin.token);
      clients.push(chairAgain);
      const chairView = (await chairAgain.ok('room:join', { roomId })).snapshot as { aggregates: { bidId: string; scoredBy: number; totals: { total: number }[] }[] };
      // 4·5+3·6+3·7 = 59, 4·6+18+21 = 63, 4·7+18+21 = 67
      expect(chairView.aggregates[0]).toMatchObject({ bidId: teams[0].bidId, scoredBy: 3, panelScore: 6300 });
      expect(chairView.aggregates[0].totals.map((x) => x.total).sort()).toEqual([5900, 6300, 6700]);
      // a retry of an operation acknowledged before the restart is still applied once
      const retry = await back.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(6, 6, 7), opId: 'before-1' });
      expect(retry).toMatchObject({ replayed: true });
      // and the room carries on, its record intact
      await chairAgain.ok('bid:lock', { roomId, bidId: teams[0].bidId });
      const verify = await second.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200);
      expect(verify.body).toMatchObject({ valid: true, entries: lastVersion + 1 });
    } finally {
      for (const client of clients) client.close();
      await second?.close();
      await database.drop();
    }
  });
});

describe('several instances joined by the Redis adapter (integration)', () => {
  itWithRedisServer('lets a judge on one instance update the chair on another', async () => {
    const redis = await startOwnRedis();
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: `jiebang-test-${randomBytes(6).toString('hex')}` };
    const a = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, env, serviceName: 'evaluation-a' });
    const b = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, env, serviceName: 'evaluation-b', database: a.database });
    const clients: RoomClient[] = [];
    try {
      const admin = await loginAdmin(a);
      const room = await declaredRoom(a, 3);
      const { roomId, judges, teams } = room;
      const judgeOnA = await RoomClient.connect(a.url, judges[0].token);
      const chairOnB = await RoomClient.connect(b.url, admin.token);
      const sameJudgeOnB = await RoomClient.connect(b.url, judges[0].token);
      const ownerOnB = await RoomClient.connect(b.url, room.owner.token);
      clients.push(judgeOnA, chairOnB, sameJudgeOnB, ownerOnB);
      for (const client of clients) await client.ok('room:join', { roomId });

      // commands on B reach A; commands on A reach B
      const opened = await chairOnB.ok('room:open', { roomId });
      await judgeOnA.waitForVersion(opened.version as number);
      const presented = await chairOnB.ok('room:present', { roomId, bidId: teams[0].bidId });
      expect((await judgeOnA.waitForEvent((e) => e.version === presented.version)).type).toBe('bid.presenting');
      const scored = await judgeOnA.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(9, 8, 7), opId: 'cross' });
      const seenByChair = await chairOnB.waitForEvent((e) => e.type === 'score.submitted');
      expect(seenByChair).toMatchObject({ version: scored.version, data: { judgeId: judges[0].id, aggregate: { scoredBy: 1, panelScore: 8100 } } });
      // the observer on B gets the progress, not the score; the judge's other tab on B gets their own score
      const seenByOwner = await ownerOnB.waitForEvent((e) => e.type === 'score.submitted');
      expect(seenByOwner.data).not.toHaveProperty('aggregate');
      await sameJudgeOnB.waitForEvent((e) => e.version === scored.version);
      const deadline = Date.now() + 5000;
      while (sameJudgeOnB.ownScores.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sameJudgeOnB.ownScores[0]).toMatchObject({ version: scored.version, score: { total: 8100 } });
      // both instances serve the same state
      const fromA = (await a.http().get(`/api/rooms/${roomId}`).set(admin.auth).expect(200)).body;
      const fromB = (await b.http().get(`/api/rooms/${roomId}`).set(admin.auth).expect(200)).body;
      expect({ ...fromA, serverTime: undefined }).toEqual({ ...fromB, serverTime: undefined });
    } finally {
      for (const client of clients) client.close();
      await b.close();
      await a.close();
      await redis.kill();
    }
  });
});
