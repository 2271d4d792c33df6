import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp, TestAppOptions } from '../../../../test/support/app';
import { declaredRoom, RoomClient, sheet } from '../../../../test/support/evaluation';
import { itWithRedisServer, OwnRedis, startOwnRedis } from '../../../../test/support/redis';
import { until } from '../../../../test/support/wait';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from './rooms-io.adapter';

/**
 * Redis is an accelerator, never a single point of failure: two evaluation instances on a Redis
 * of the test's own, which the test kills (-9) and restarts mid-room. Nothing crashes, the
 * instances keep serving their own sockets, readiness says Redis is down (200, degraded), and
 * every client on every instance converges to the room's state, through the heartbeat while
 * Redis is away and through the adapter again once it is back.
 */

const HEARTBEAT_MS = 500;
/** A client behind the heartbeat resyncs after a second's grace: converging takes at most about this. */
const CONVERGE_WITHIN_MS = HEARTBEAT_MS + 1000 + 2500;

const appModule: TestAppOptions['module'] = (context) => EvaluationAppModule.forRoot(context);

interface Readiness {
  status: string;
  dependencies: Record<string, { state: string; critical: boolean }>;
}

const readiness = async (t: TestApp): Promise<{ status: number; body: Readiness }> => {
  const res = await t.http().get('/api/health/ready');
  return { status: res.status, body: res.body as Readiness };
};

const roomVersion = async (t: TestApp, roomId: string): Promise<number> =>
  (await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [roomId]))[0].version;

describe('Redis outages (integration)', () => {
  let own: OwnRedis | undefined;
  /** One redis-server for the file, started by the first test that runs. */
  const ownRedis = async (): Promise<OwnRedis> => (own ??= await startOwnRedis());
  const apps: TestApp[] = [];
  const clients: RoomClient[] = [];
  const env = (url: string) => ({ REDIS_URL: url, REDIS_PREFIX: `jiebang-fault-${randomBytes(6).toString('hex')}`, ROOM_HEARTBEAT_MS: String(HEARTBEAT_MS) });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const app of apps.splice(0).reverse()) await app.close();
  });

  afterAll(async () => {
    await own?.kill();
  });

  itWithRedisServer('keeps both instances serving through a kill -9 and restart of Redis, and every client converges', async () => {
    const redis = await ownRedis();
    const shared = env(redis.url);
    const a = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, env: shared, serviceName: 'evaluation-a' });
    apps.push(a);
    const b = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, env: shared, serviceName: 'evaluation-b', database: a.database });
    apps.push(b);
    const { roomId, admin, judges, teams, owner } = await declaredRoom(a, 3);
    const connect = async (app: TestApp, token: string) => {
      const client = await RoomClient.connect(app.url, token, { resync: true });
      clients.push(client);
      await client.ok('room:join', { roomId });
      return client;
    };
    const chairOnB = await connect(b, admin.token);
    const ownerOnB = await connect(b, owner.token);
    const judgeOnB = await connect(b, judges[1].token);
    const judgesOnA = [await connect(a, judges[0].token), await connect(a, judges[2].token)];
    const everyone = [chairOnB, ownerOnB, judgeOnB, ...judgesOnA];
    const allHold = async (version: number) => {
      for (const client of everyone) await client.waitForHeld(version, CONVERGE_WITHIN_MS);
    };

    await chairOnB.ok('room:open', { roomId });
    const presented = await chairOnB.ok('room:present', { roomId, bidId: teams[0].bidId });
    await allHold(presented.version as number);
    expect((await readiness(a)).body).toMatchObject({ status: 'ok', dependencies: { redis: { state: 'up', critical: false } } });

    // Redis dies. Commands are acknowledged on both instances; neither crashes.
    await redis.kill();
    const downStatus = await until(async () => (await readiness(a)).body.dependencies.redis?.state === 'down', 5000, 'readiness to report Redis down');
    expect(downStatus).toBeLessThan(5000);
    const down = await readiness(b);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', dependencies: { database: { state: 'up' }, redis: { state: 'down', critical: false } } });

    const onA = await judgesOnA[0].ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(9, 8, 7), opId: 'outage-a' });
    // the instance's own sockets get the event at once, without Redis
    await judgesOnA[1].waitForEvent((event) => event.version === onA.version, 2000);
    const onB = await judgeOnB.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(7, 7, 7), opId: 'outage-b' });
    const versionInOutage = await roomVersion(a, roomId);
    expect(versionInOutage).toBe(Math.max(onA.version as number, onB.version as number));
    // the other instance's clients missed an event each and catch up from the heartbeat, Redis still down
    const startedConverging = Date.now();
    await allHold(versionInOutage);
    const convergedInOutageMs = Date.now() - startedConverging;
    expect(chairOnB.resyncs + judgesOnA[0].resyncs + judgesOnA[1].resyncs).toBeGreaterThan(0);

    // Redis comes back (empty): the adapter re-subscribes and events cross instances again.
    const restartedAt = Date.now();
    await redis.start();
    await until(async () => (await readiness(a)).body.status === 'ok' && (await readiness(b)).body.status === 'ok', 10_000, 'both instances to see Redis again');
    const readyAgainMs = Date.now() - restartedAt;
    const resyncsBefore = everyone.map((client) => client.resyncs);
    const after = await judgesOnA[1].ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(8, 8, 8), opId: 'after-a' });
    await chairOnB.waitForEvent((event) => event.version === after.version, 5000);
    await allHold(after.version as number);
    // delivered as events through Redis, not by resyncing
    expect(everyone.map((client) => client.resyncs)).toEqual(resyncsBefore);

    // A quick restart (500 ms) while the judges keep scoring: still no crash, still converging.
    await redis.kill();
    const scoring = judges.map((judge, i) =>
      (i === 1 ? judgeOnB : judgesOnA[i === 0 ? 0 : 1]).ok('score:submit', { roomId, bidId: teams[0].bidId, scores: sheet(6 + i, 6, 6), opId: `blip-${judge.id}` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.start();
    await Promise.all(scoring);
    await allHold(await roomVersion(a, roomId));
    for (const app of [a, b]) expect((await app.http().get('/api/health')).status).toBe(200);
    console.log(`Redis outage: readiness saw it in ${downStatus} ms; clients converged in ${convergedInOutageMs} ms without Redis; both instances ready ${readyAgainMs} ms after its restart`);
  });

  itWithRedisServer('starts an instance while Redis is unreachable and joins Redis when it appears', async () => {
    const redis = await ownRedis();
    await redis.kill();
    const c = await startTestApp({ module: appModule, configure: configureEvaluation, listen: true, env: env(redis.url), serviceName: 'evaluation-c' });
    apps.push(c);
    const cold = await readiness(c);
    expect(cold.status).toBe(200);
    expect(cold.body).toMatchObject({ status: 'degraded', dependencies: { redis: { state: 'down' } } });
    // it serves its own sockets meanwhile
    const { roomId, admin } = await declaredRoom(c, 3);
    const chair = await RoomClient.connect(c.url, admin.token);
    clients.push(chair);
    await chair.ok('room:join', { roomId });
    await chair.ok('room:open', { roomId });
    await redis.start();
    await until(async () => (await readiness(c)).body.status === 'ok', 10_000, 'the instance to join Redis');
  });
});
