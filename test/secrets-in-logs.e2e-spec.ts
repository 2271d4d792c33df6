import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { createTestDatabase, TestDatabase } from './support/database';
import { RunningService, startService } from './support/processes';

/** A display name the test's own CHECK constraint refuses: the insert of a new user fails in PostgreSQL (a 500). */
const FAILING_NAME = 'this name fails the insert';
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const ADMIN_PASSWORD = 'admin-password-1';

/**
 * The platform as a process at the most verbose level, through sign-up, sign-in (right and wrong),
 * refresh, sign-out, a socket handshake and message, and a 500 whose SQL carries a new user's
 * password hash: its whole output must hold no password, hash, token or secret.
 */
describe('the log holds no secret (platform process, LOG_LEVEL=trace)', () => {
  let database: TestDatabase;
  let service: RunningService;
  const secrets: string[] = [ADMIN_PASSWORD, JWT_SECRET];

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`ALTER TABLE user_account ADD CONSTRAINT ck_test_failing_name CHECK (display_name <> '${FAILING_NAME}')`);
    await client.end();
    service = await startService('platform', { DATABASE_URL: database.url, LOG_LEVEL: 'trace', ADMIN_PASSWORD });
  }, 90_000);
  afterAll(async () => {
    await service?.stop();
    await database.drop();
  });

  const post = async (path: string, body: object, token?: string) => {
    const res = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Record<string, string>) };
  };

  it('after register, login, refresh, logout, sockets and a database error with parameters', async () => {
    const email = `log.${randomBytes(4).toString('hex')}@example.org`;
    const password = `pw-${randomBytes(9).toString('base64url')}`;
    const wrong = `wrong-${randomBytes(9).toString('base64url')}`;
    const failingPassword = `fail-${randomBytes(9).toString('base64url')}`;
    secrets.push(password, wrong, failingPassword);

    const registered = await post('/api/auth/register', { email, password, displayName: '日志测试' });
    expect(registered.status).toBe(201);
    expect((await post('/api/auth/login', { email, password: wrong })).status).toBe(401);
    const signedIn = await post('/api/auth/login', { email, password });
    expect(signedIn.status).toBe(200);
    const refreshed = await post('/api/auth/refresh', { refreshToken: signedIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    for (const session of [registered.body, signedIn.body, refreshed.body]) {
      secrets.push(session.accessToken, session.refreshToken, session.refreshToken.split('.')[1]);
    }
    expect((await fetch(`${service.url}/api/auth/me`, { headers: { authorization: `Bearer ${refreshed.body.accessToken}` } })).status).toBe(200);

    const socket = io(`${service.url}/rooms`, { auth: { token: refreshed.body.accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(5000).emitWithAck('room:join', { roomId: '00000000-0000-4000-8000-000000000000' })) as { ok: boolean };
    expect(ack.ok).toBe(false);
    socket.close();

    expect((await post('/api/auth/logout', { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
    // a stale refresh token replayed: the reuse path
    expect((await post('/api/auth/refresh', { refreshToken: signedIn.body.refreshToken })).status).toBe(401);

    const failed = await post('/api/auth/register', { email: `fail.${email}`, password: failingPassword, displayName: FAILING_NAME });
    expect(failed).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });

    await service.stop();
    const log = service.output();
    // the failure was logged, with what an operator needs: the request id, the SQLSTATE, the constraint
    expect(log).toContain('unhandled error');
    expect(log).toContain(failed.body.requestId);
    expect(log).toContain('"code":"23514"');
    expect(log).toContain('ck_test_failing_name');
    for (const secret of secrets) expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    expect(log).not.toMatch(/\$argon2/);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
