import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { RoomClient } from '../../../../test/support/evaluation';
import { register } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

describe('room sockets: a per-user message limit, and tokens that end with their session (integration)', () => {
  let t: TestApp;
  const clients: RoomClient[] = [];
  beforeAll(async () => {
    t = await startTestApp({
      module: (context) => EvaluationAppModule.forRoot(context),
      configure: configureEvaluation,
      listen: true,
      env: { RATE_LIMIT_ROOM_MESSAGES_PER_MINUTE: '5' },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await t.close();
  });

  const connect = async (token: string) => {
    const client = await RoomClient.connect(t.url, token);
    clients.push(client);
    return client;
  };
  const sync = (client: RoomClient) => client.send('room:sync', { roomId: randomUUID() });

  it('answers RATE_LIMITED in the ack past the limit, on every socket of that user, and not for others', async () => {
    const user = await register(t);
    const client = await connect(user.token);
    for (let i = 0; i < 5; i += 1) expect((await sync(client)).code).not.toBe('RATE_LIMITED');
    const limited = await sync(client);
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // five a minute: the next one in about 12 s
    const { retryAfterSeconds } = (limited as { details: { retryAfterSeconds: number } }).details;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(10);
    expect(retryAfterSeconds).toBeLessThanOrEqual(12);
    // unknown commands count too, and a second socket of the same user shares the limit
    expect((await client.send('room:flood', {})).code).toBe('RATE_LIMITED');
    expect((await sync(await connect(user.token))).code).toBe('RATE_LIMITED');
    const other = await connect((await register(t)).token);
    expect((await sync(other)).code).toBe('ROOM_NOT_FOUND');
  });

  it('refuses the next message and the next handshake once the session is signed out', async () => {
    const user = await register(t);
    const client = await connect(user.token);
    expect((await sync(client)).code).toBe('ROOM_NOT_FOUND');
    await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    expect(await sync(client)).toMatchObject({ ok: false, code: 'TOKEN_REVOKED' });
    await expect(RoomClient.connect(t.url, user.token)).rejects.toMatchObject({ data: { code: 'TOKEN_REVOKED' } });
  });
});
