import { createHmac } from 'node:crypto';
import { authOnlyModule, startTestApp, TestApp } from '../../../test/support/app';
import { login, loginAdmin, randomCreditCode, register, uniqueEmail } from '../../../test/support/users';


const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Hand-made JWTs for the negative cases. */
function jwt(header: object, claims: object, secret = SECRET, algorithm = 'sha256'): string {
  const head = `${b64(header)}.${b64(claims)}`;
  return `${head}.${createHmac(algorithm, secret).update(head).digest('base64url')}`;
}

describe('auth (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule });
  });
  afterAll(() => t.close());

  const userCount = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM user_account'))[0].n);

  it('registers, signs in and answers /me', async () => {
    const user = await register(t, 'Li.Wei', '李伟');
    const again = await login(t, user.email.toUpperCase(), user.password);
    const me = await t.http().get('/api/auth/me').set(again.auth).expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, displayName: '李伟', locale: 'zh-CN', roles: [], organisations: [] });
    const stored = await t.dataSource.query('SELECT password_hash FROM user_account WHERE id = $1', [user.id]);
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('rotates refresh tokens and revokes the whole family when a spent one is reused', async () => {
    const user = await register(t);
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    // the token issued by the legitimate rotation is revoked with its family
    const after = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(after.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('logs out by revoking the sign-in; other sign-ins live on', async () => {
    const user = await register(t);
    const other = await login(t, user.email, user.password);
    await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('refuses forged, tampered, expired and misaddressed access tokens', async () => {
    const user = await register(t);
    const now = Math.floor(Date.now() / 1000);
    const good = { sub: user.id, roles: [], iat: now, exp: now + 600, aud: 'jiebang-api', iss: 'jiebang' };
    const cases: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`,
      'another algorithm (HS512)': jwt({ alg: 'HS512', typ: 'JWT' }, good, SECRET, 'sha512'),
      'wrong audience': jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, aud: 'someone-else' }),
      'wrong issuer': jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, iss: 'evil' }),
      expired: jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, iat: now - 3600, exp: now - 60 }),
      'bad signature': jwt({ alg: 'HS256', typ: 'JWT' }, good, 'another-secret-that-is-long-enough-000000000'),
      'admin role smuggled in': `${user.token.split('.')[0]}.${b64({ ...good, roles: ['ADMIN'] })}.${user.token.split('.')[2]}`,
    };
    // the control: a correctly signed token is accepted
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, good)}`).expect(200);
    for (const [name, token] of Object.entries(cases)) {
      const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.body.code).toMatch(/^TOKEN_(INVALID|EXPIRED)$/);
    }
    await t.http().get('/api/auth/me').expect(401);
  });

  it('refuses a second account for the same email in any case', async () => {
    const user = await register(t);
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: user.email.toUpperCase(), password: 'another-password', displayName: 'Dup' })
      .expect(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it('rejects weak, oversized and unknown input field by field, writing nothing', async () => {
    const before = await userCount();
    const weak = await t.http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'short', displayName: 'A' }).expect(400);
    expect(weak.body.details).toEqual([{ field: 'password', messages: ['password must be at least 8 characters'] }]);
    const huge = await t.http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'x'.repeat(129), displayName: 'A' }).expect(400);
    expect(huge.body.details[0].field).toBe('password');
    const unknown = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'long-enough-pw', displayName: 'A', roles: ['ADMIN'] })
      .expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'roles']);
    expect(await userCount()).toBe(before);
  });

  it('answers a 400, not a 500, to malformed JSON', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('throttles failed sign-ins per account: the 101st within the hour is 429 with Retry-After', async () => {
    const user = await register(t);
    for (let i = 0; i < 100; i += 1) {
      await t.http().post('/api/auth/login').send({ email: user.email, password: `wrong-${i}-password` }).expect(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(3000);
    // another account is unaffected
    const other = await register(t);
    await login(t, other.email, other.password);
  }, 120_000);

  it('lets only an admin verify an organisation, which makes its members enterprises', async () => {
    const admin = await loginAdmin(t);
    const owner = await register(t, 'owner');
    const outsider = await register(t, 'outsider');
    const org = await t
      .http()
      .post('/api/orgs')
      .set(owner.auth)
      .send({ name: '云南高原农业科技有限公司', kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() })
      .expect(201);
    expect(org.body.verified).toBe(false);
    let me = await t.http().get('/api/auth/me').set(owner.auth).expect(200);
    expect(me.body.enterpriseOrgIds).toEqual([]);

    const denied = await t.http().post(`/api/orgs/${org.body.id}/verify`).set(owner.auth).expect(403);
    expect(denied.body.code).toBe('ROLE_REQUIRED');
    await t.http().post(`/api/orgs/${org.body.id}/verify`).set(outsider.auth).expect(403);
    await t.http().post(`/api/orgs/${org.body.id}/verify`).expect(401);
    await t.http().post(`/api/orgs/${org.body.id}/verify`).set(admin.auth).expect(200);
    const twice = await t.http().post(`/api/orgs/${org.body.id}/verify`).set(admin.auth).expect(409);
    expect(twice.body.code).toBe('ORG_ALREADY_VERIFIED');

    me = await t.http().get('/api/auth/me').set(owner.auth).expect(200);
    expect(me.body.enterpriseOrgIds).toEqual([org.body.id]);
    expect(me.body.organisations[0]).toMatchObject({ orgId: org.body.id, role: 'OWNER', verified: true });

    await t.http().post(`/api/orgs/${org.body.id}/members`).set(outsider.auth).send({ email: owner.email }).expect(403);
    await t.http().post(`/api/orgs/${org.body.id}/members`).set(owner.auth).send({ email: outsider.email }).expect(204);
    const members = await t.http().get(`/api/orgs/${org.body.id}/members`).set(outsider.auth).expect(200);
    expect(members.body.map((m: { role: string }) => m.role)).toEqual(['OWNER', 'MEMBER']);
  });

  it('validates organisations: country code, credit code check character, uniqueness', async () => {
    const user = await register(t);
    const bad = await t
      .http()
      .post('/api/orgs')
      .set(user.auth)
      .send({ name: '坏代码公司', kind: 'ENTERPRISE', country: 'CN', creditCode: '91350100M000100Y44' })
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'creditCode', messages: [expect.stringContaining('not a valid')] }]);
    const missing = await t.http().post('/api/orgs').set(user.auth).send({ name: '无代码公司', kind: 'COMPANY', country: 'CN' }).expect(400);
    expect(missing.body.details[0].field).toBe('creditCode');
    const country = await t.http().post('/api/orgs').set(user.auth).send({ name: 'Nowhere Lab', kind: 'INSTITUTE', country: 'QQ' }).expect(400);
    expect(country.body.details[0].field).toBe('country');
    const code = randomCreditCode();
    await t.http().post('/api/orgs').set(user.auth).send({ name: '甲公司', kind: 'ENTERPRISE', country: 'CN', creditCode: code }).expect(201);
    const dup = await t.http().post('/api/orgs').set(user.auth).send({ name: '乙公司', kind: 'ENTERPRISE', country: 'CN', creditCode: code }).expect(409);
    expect(dup.body.code).toBe('CREDIT_CODE_TAKEN');
    await t.http().post('/api/orgs').set(user.auth).send({ name: 'TU Delft Sensors Lab', kind: 'UNIVERSITY', country: 'NL' }).expect(201);
  });
});

describe('auth throttling per IP (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule, env: { THROTTLE_AUTH_PER_IP_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address exceeds its attempts per minute', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.http().post('/api/auth/login').send({ email: uniqueEmail(), password: 'whatever-password' }).expect(401);
    }
    const res = await t.http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'whatever-password', displayName: 'x' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
