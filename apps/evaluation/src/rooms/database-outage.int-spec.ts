import { startTestApp, TestApp } from '../../../../test/support/app';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { declaredRoom, RoomClient } from '../../../../test/support/evaluation';
import { TcpProxy } from '../../../../test/support/tcp-proxy';
import { until } from '../../../../test/support/wait';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

/**
 * The database behind a TCP proxy the test controls: a network stall and a cut connection answer
 * 503 DATABASE_UNAVAILABLE with Retry-After on HTTP and the same code on socket acks within the
 * configured timeouts, readiness answers within about a second, and the service recovers by
 * itself when the network does.
 */

const QUERY_TIMEOUT_MS = 2000;
const TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
  DATABASE_STATEMENT_TIMEOUT_MS: '1500',
};
/** A statement in a transaction waits once for its answer and once for the rollback's. */
const REFUSED_WITHIN_MS = 2 * QUERY_TIMEOUT_MS + 1000;

describe('database outages (integration)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let chair: RoomClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    t = await startTestApp({
      module: (context) => EvaluationAppModule.forRoot(context),
      configure: configureEvaluation,
      listen: true,
      env: TIMEOUTS,
      database: { url: proxy.route(database.url), drop: () => database.drop() },
    });
  });

  afterAll(async () => {
    chair?.close();
    proxy.set('forward');
    await t?.close();
    await proxy?.close();
  });

  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  it('answers 503 within the timeouts during a stall and a cut, and recovers without a restart', async () => {
    const { roomId, admin, teams } = await declaredRoom(t, 3);
    chair = await RoomClient.connect(t.url, admin.token);
    await chair.ok('room:join', { roomId });
    const readRoom = () => t.http().get(`/api/rooms/${roomId}`).set(admin.auth);
    expect((await readRoom()).status).toBe(200);

    // After each fault, a write that must now succeed: the room opens, then its first bid is presented.
    const afterwards = { stall: ['room:open', { roomId }], cut: ['room:present', { roomId, bidId: teams[0].bidId }] } as const;
    for (const fault of ['stall', 'cut'] as const) {
      proxy.set(fault);
      const refused = await timed(() => readRoom());
      expect(refused.value.status).toBe(503);
      expect(refused.value.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(Number(refused.value.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.ms).toBeLessThan(REFUSED_WITHIN_MS);

      const ack = await timed(() => chair.send('timer:pause', { roomId }));
      expect(ack.value).toMatchObject({ ok: false, code: 'DATABASE_UNAVAILABLE' });
      expect(ack.ms).toBeLessThan(REFUSED_WITHIN_MS);

      const ready = await timed(() => t.http().get('/api/health/ready'));
      expect(ready.value.status).toBe(503);
      expect(ready.value.headers['retry-after']).toBeDefined();
      expect(ready.value.body).toMatchObject({ status: 'unavailable', dependencies: { database: { state: 'down', critical: true } } });
      expect(ready.ms).toBeLessThan(1200);
      // the process itself still answers what needs no database
      expect((await t.http().get('/api/health')).status).toBe(200);

      proxy.set('forward');
      const recoveredMs = await until(async () => (await readRoom()).status === 200, 10_000, `recovery after the ${fault}`);
      expect((await t.http().get('/api/health/ready')).status).toBe(200);
      const [command, payload] = afterwards[fault];
      await chair.ok(command, payload);
      console.log(`database ${fault}: 503 after ${refused.ms} ms (HTTP), ${ack.ms} ms (socket ack); readiness ${ready.ms} ms; recovered ${recoveredMs} ms after the network`);
    }
  });
});
