import { performance } from 'node:perf_hooks';
import { authOnlyModule, startTestApp, TestApp } from '../../../test/support/app';
import { register, TestUser, uniqueEmail } from '../../../test/support/users';
import { ThrottleService } from './throttle.service';
import { sleep } from '../../../test/support/wait';

const ATTACKER_A = '203.0.113.1';
const ATTACKER_B = '203.0.113.2';
const OWNER_ELSEWHERE = '198.51.100.7';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** An answer without what differs on every request. */
const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('sign-in throttles: per account and address, with a short per-account back-off (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      module: authOnlyModule,
      // The client address comes from X-Forwarded-For, so one test plays several addresses.
      env: { TRUST_PROXY: 'true', THROTTLE_FAILED_LOGINS_PER_HOUR: '10', THROTTLE_LOGIN_BACKOFF_MAX_SECONDS: '2' },
    });
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, address: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  /** Three failures from A (now suspect) and two from B: five in a row, so the back-off has begun. */
  async function underAttack(owner: TestUser): Promise<void> {
    for (const address of [ATTACKER_A, ATTACKER_B, ATTACKER_A, ATTACKER_B, ATTACKER_A]) {
      await attempt(owner.email, 'a-wrong-guess-123', address).expect(401);
    }
  }

  it('throttles an attacker at two addresses without locking the owner out from a third', async () => {
    const owner = await register(t);
    const statuses: Record<string, number[]> = { [ATTACKER_A]: [], [ATTACKER_B]: [] };
    for (let i = 0; i < 25; i += 1) {
      for (const address of [ATTACKER_A, ATTACKER_B]) statuses[address].push((await attempt(owner.email, `guess-${i}-password`, address)).status);
    }
    for (const seen of Object.values(statuses)) {
      // a few guesses each are answered, then every attempt is refused: at most the per-address limit
      expect(seen.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(seen.slice(0, 3)).toEqual([401, 401, 401]);
      expect(seen.slice(-15)).toEqual(Array(15).fill(429));
    }
    // the right password does not help the attacker's addresses: the hour's limit for them is spent
    const refused = await attempt(owner.email, owner.password, ATTACKER_A).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    // the owner, elsewhere, signs in at once, a typo first included
    await attempt(owner.email, 'a-typo-password', OWNER_ELSEWHERE).expect(401);
    await attempt(owner.email, owner.password, OWNER_ELSEWHERE).expect(200);
  }, 60_000);

  it('makes a suspect address wait 1 s, then 2 s (the ceiling), after five failures in a row; a sign-in ends it', async () => {
    const owner = await register(t);
    await underAttack(owner);
    const first = await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(429);
    expect(first.headers['retry-after']).toBe('1');
    await sleep(1100);
    await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(401);
    const second = await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(429);
    expect(second.headers['retry-after']).toBe('2');
    // B has failed only twice: it is not held back, but its failure counts for the account
    await attempt(owner.email, 'another-wrong-guess', ATTACKER_B).expect(401);
    await sleep(2100);
    await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(401);
    const capped = await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(429);
    expect(capped.headers['retry-after']).toBe('2');
    // the owner signs in from elsewhere: the account's run of failures is over
    await attempt(owner.email, owner.password, OWNER_ELSEWHERE).expect(200);
    await attempt(owner.email, 'another-wrong-guess', ATTACKER_A).expect(401);
  }, 30_000);

  it('lets one of many parallel guesses from a suspect address through when the wait is over, not all', async () => {
    const owner = await register(t);
    await underAttack(owner);
    await sleep(1100);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(owner.email, `parallel-guess-${i}`, ATTACKER_A)));
    expect(answers.map((res) => res.status).sort()).toEqual([401, 429, 429, 429, 429, 429]);
  });

  it('forgets counters untouched for longer than any window, so sprayed emails do not pile up', async () => {
    await attempt(uniqueEmail('sprayed'), 'a-wrong-guess-123', ATTACKER_A).expect(401);
    await t.dataSource.query(`UPDATE auth_throttle SET window_started_at = now() - interval '61 minutes' WHERE key LIKE '%sprayed.%'`);
    await attempt(uniqueEmail('recent'), 'a-wrong-guess-123', ATTACKER_A).expect(401);
    // the sprayed email's two counters (its address's and its back-off), not the recent ones
    expect(await t.app.get(ThrottleService).prune()).toBe(2);
    const keys: { key: string }[] = await t.dataSource.query(`SELECT key FROM auth_throttle WHERE key LIKE '%sprayed.%' OR key LIKE '%recent.%'`);
    expect(keys.map((row) => row.key).every((key) => key.includes('recent.'))).toBe(true);
    expect(keys).toHaveLength(2);
  });

  it('answers a sign-in to an unknown email exactly as a wrong password, in about the same time', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 9; i += 1) users.push(await register(t));
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (email: string, into: number[]) => {
      const started = performance.now();
      const res = await attempt(email, 'not-the-password', OWNER_ELSEWHERE);
      into.push(performance.now() - started);
      return res;
    };
    for (const user of users) {
      const wrongPassword = await timed(user.email, known);
      const noAccount = await timed(uniqueEmail(), unknown);
      expect([wrongPassword.status, noAccount.status]).toEqual([401, 401]);
      expect(comparable(noAccount.body)).toEqual(comparable(wrongPassword.body));
    }
    // an argon2 verification either way (of a dummy hash when there is no account)
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it('spends about the same time on a sign-up whether the email is taken or not', async () => {
    const taken: number[] = [];
    const fresh: number[] = [];
    const existing = await register(t);
    for (let i = 0; i < 9; i += 1) {
      for (const [email, into, status] of [
        [existing.email, taken, 409],
        [uniqueEmail(), fresh, 201],
      ] as const) {
        const started = performance.now();
        await t.http().post('/api/auth/register').send({ email, password: 'a-long-sign-up-password', displayName: '测试' }).expect(status);
        into.push(performance.now() - started);
      }
    }
    const ratio = median(taken) / median(fresh);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('revoked sessions reach every instance (integration)', () => {
  const env = { SESSION_REVOCATION_POLL_MS: '200' };
  let a: TestApp & { database: { url: string; drop(): Promise<void> } };
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ module: authOnlyModule, env });
    b = await startTestApp({ module: authOnlyModule, env, database: a.database });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('refuses the access token on the other instance within one poll, and on an instance started later at once', async () => {
    const user = await register(a);
    await b.http().get('/api/auth/me').set(user.auth).expect(200);
    await a.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    const loggedOut = performance.now();
    await a.http().get('/api/auth/me').set(user.auth).expect(401);
    let status = 200;
    while (status === 200 && performance.now() - loggedOut < 5000) {
      status = (await b.http().get('/api/auth/me').set(user.auth)).status;
    }
    const elapsed = performance.now() - loggedOut;
    expect(status).toBe(401);
    expect(elapsed).toBeLessThan(1000);
    const later = await startTestApp({ module: authOnlyModule, env, database: a.database });
    try {
      const res = await later.http().get('/api/auth/me').set(user.auth).expect(401);
      expect(res.body.code).toBe('TOKEN_REVOKED');
    } finally {
      await later.close();
    }
  });
});
