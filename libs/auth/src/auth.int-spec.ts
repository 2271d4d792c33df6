import { createHmac } from 'node:crypto';
import { authOnlyModule, startTestApp, TestApp } from '../../../test/support/app';
import { login, loginAdmin, randomCreditCode, register, uniqueEmail } from '../../../test/support/users';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The claims of a JWT, unverified. */
const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

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

  it('refuses forged, tampered, expired, never-expiring and misaddressed access tokens', async () => {
    const user = await register(t);
    const now = Math.floor(Date.now() / 1000);
    const { sid } = claimsOf(user.token);
    const good = { sub: user.id, roles: [], sid, iat: now, exp: now + 600, aud: 'jiebang-api', iss: 'jiebang' };
    const without = (claim: keyof typeof good) => Object.fromEntries(Object.entries(good).filter(([key]) => key !== claim));
    const cases: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`,
      'another algorithm (HS512)': jwt({ alg: 'HS512', typ: 'JWT' }, good, SECRET, 'sha512'),
      'wrong audience': jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, aud: 'someone-else' }),
      'no audience': jwt({ alg: 'HS256', typ: 'JWT' }, without('aud')),
      'wrong issuer': jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, iss: 'evil' }),
      'no issuer': jwt({ alg: 'HS256', typ: 'JWT' }, without('iss')),
      expired: jwt({ alg: 'HS256', typ: 'JWT' }, { ...good, iat: now - 3600, exp: now - 60 }),
      'no exp (never expires)': jwt({ alg: 'HS256', typ: 'JWT' }, without('exp')),
      'no session': jwt({ alg: 'HS256', typ: 'JWT' }, without('sid')),
      'bad signature (wrong key)': jwt({ alg: 'HS256', typ: 'JWT' }, good, 'another-secret-that-is-long-enough-000000000'),
      'admin role smuggled in': `${user.token.split('.')[0]}.${b64({ ...good, roles: ['ADMIN'] })}.${user.token.split('.')[2]}`,
    };
    // the control: a correctly signed token is accepted
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, good)}`).expect(200);
    for (const [name, token] of Object.entries(cases)) {
      const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 401, code: name === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' });
    }
    await t.http().get('/api/auth/me').expect(401);
  });

  it('stops an access token at once when its session ends: after logout and after a refresh-token reuse', async () => {
    const user = await register(t);
    const elsewhere = await login(t, user.email, user.password);
    await t.http().get('/api/auth/me').set(user.auth).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    const afterLogout = await t.http().get('/api/auth/me').set(user.auth).expect(401);
    expect(afterLogout.body.code).toBe('TOKEN_REVOKED');
    // a write too, and the other sign-in lives on
    await t.http().post('/api/orgs').set(user.auth).send({ name: 'After logout Lab', kind: 'INSTITUTE', country: 'NL' }).expect(401);
    await t.http().get('/api/auth/me').set(elsewhere.auth).expect(200);

    // a stolen refresh token replayed after the owner rotated it: every access token of the sign-in stops
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(200);
    const rotatedAuth = { Authorization: `Bearer ${rotated.body.accessToken}` };
    await t.http().get('/api/auth/me').set(rotatedAuth).expect(200);
    expect(claimsOf(rotated.body.accessToken).sid).toBe(claimsOf(elsewhere.token).sid);
    await t.http().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    for (const auth of [elsewhere.auth, rotatedAuth]) {
      const res = await t.http().get('/api/auth/me').set(auth).expect(401);
      expect(res.body.code).toBe('TOKEN_REVOKED');
    }
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
    expect(huge.body.details).toEqual([{ field: 'password', messages: ['password must be at most 128 characters'] }]);
    const unknown = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'long-enough-pw', displayName: 'A', roles: ['ADMIN'] })
      .expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'roles']);
    expect(await userCount()).toBe(before);
  });

  it('refuses common passwords and passwords made of the email or the name (ASVS), one message each', async () => {
    const before = await userCount();
    const email = uniqueEmail('wang.fang');
    const local = email.split('@')[0];
    const common = 'password is one of the most common passwords; choose another';
    const own = 'password must not contain your email address or name';
    const cases: [string, string, string[]][] = [
      ['password', '王芳', [common]],
      ['12345678', '王芳', [common]],
      ['PassWord1', '王芳', [common]],
      ['woaini1314', '王芳', [common]],
      [email, '王芳', [own]],
      [`${local.toUpperCase()}!2026`, '王芳', [own]],
      ['王芳的安全密码是这个', '王芳', [own]],
      ['x-Fang Wang-x', 'Fang Wang', [own]],
      ['my fangwang key', 'Fang Wang', [own]],
    ];
    for (const [password, displayName, messages] of cases) {
      const res = await t.http().post('/api/auth/register').send({ email, password, displayName }).expect(400);
      expect({ password, details: res.body.details }).toEqual({ password, details: [{ field: 'password', messages }] });
    }
    expect(await userCount()).toBe(before);
    // no composition rules: a long passphrase of any characters is fine, up to 128
    await t.http().post('/api/auth/register').send({ email, password: `一二三 四五六 ${'ü'.repeat(110)}`, displayName: '王芳' }).expect(201);
  });

  it('answers a 400, not a 500, to malformed JSON', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(res.body.statusCode).toBe(400);
  });

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
    // an invitation, not a membership: the outsider joins only by accepting (apps/bidding/src/teams/invitations.int-spec.ts)
    const invited = await t.http().post(`/api/orgs/${org.body.id}/members`).set(owner.auth).send({ email: outsider.email }).expect(201);
    expect(invited.body).toMatchObject({ kind: 'ORGANISATION', orgId: org.body.id, inviteeId: outsider.id, status: 'PENDING' });
    await t.http().get(`/api/orgs/${org.body.id}/members`).set(outsider.auth).expect(403);
    const members = await t.http().get(`/api/orgs/${org.body.id}/members`).set(owner.auth).expect(200);
    expect(members.body.map((m: { role: string }) => m.role)).toEqual(['OWNER']);
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
