import { authOnlyModule, startTestApp, TestApp } from '../../../test/support/app';
import { loginAdmin, TestUser, uniqueEmail } from '../../../test/support/users';
import { INPUT_LIMITS } from './input-bounds';

/** The bounds of every app's HTTP inputs (createApp), before any guard or validation runs. */
describe('bounds on HTTP inputs (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const users = async (): Promise<number> => (await t.dataSource.query('SELECT count(*)::int AS n FROM user_account'))[0].n;
  const post = (path: string, body: string, type = 'application/json') => t.http().post(path).set('content-type', type).send(body);
  const register = (fields: Record<string, unknown>) =>
    JSON.stringify({ email: uniqueEmail(), password: 'correct-horse-battery', displayName: '李伟', ...fields });

  it('answers half a million nested arrays to the anonymous sign-in at once, naming the path', async () => {
    const started = Date.now();
    const res = await post('/api/auth/login', `{"email":${'['.repeat(500_000)}${']'.repeat(500_000)},"password":"x"}`).expect(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.body).toMatchObject({ code: 'INPUT_TOO_DEEP', details: [{ field: `email${'.0'.repeat(INPUT_LIMITS.depth - 1)}` }] });
  });

  it('answers 100,000 array elements with a small 400 at the array', async () => {
    const res = await post('/api/auth/register', register({ displayName: Array.from({ length: 100_000 }, () => 1) })).expect(400);
    expect(res.body).toMatchObject({ code: 'ARRAY_TOO_LONG', details: [{ field: 'displayName' }] });
    expect(res.text.length).toBeLessThan(1024);
  });

  it('refuses U+0000 and lone surrogates at their fields, in JSON and form bodies alike, and stores nothing', async () => {
    const before = await users();
    const fields = async (body: string, type?: string) => {
      const res = await post('/api/auth/register', body, type).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return (res.body.details as { field: string }[]).map((d) => d.field);
    };
    expect(await fields(register({ displayName: '李\u0000伟' }))).toEqual(['displayName']);
    expect(await fields(register({ email: 'li\ud800@example.cn' }))).toEqual(['email']);
    expect(await fields(`email=${uniqueEmail()}&password=correct-horse-battery&displayName=%00`, 'application/x-www-form-urlencoded')).toEqual([
      'displayName',
    ]);
    const org = await post('/api/orgs', JSON.stringify({ name: '昆明\u0000高新', kind: 'COMPANY', country: 'CN' })).set(admin.auth).expect(400);
    expect(org.body.details).toEqual([{ field: 'name', messages: ['name must not contain the character U+0000'] }]);
    expect(await users()).toBe(before);
  });

  it('refuses them in query strings and route parameters too', async () => {
    const query = await t.http().get('/api/users?q=li%00&limit=5').set(admin.auth).expect(400);
    expect(query.body.details).toEqual([{ field: 'q', messages: ['q must not contain the character U+0000'] }]);
    // A surrogate has no UTF-8 of its own: percent-encoded as if it had, it stays that text (no 500).
    await t.http().get('/api/users?q=li%ED%A0%80').set(admin.auth).expect(200);
    const param = await t.http().post('/api/orgs/%00/verify').set(admin.auth).expect(400);
    expect(param.body.details).toEqual([{ field: 'id', messages: ['id must not contain the character U+0000'] }]);
  });

  it('answers malformed JSON, an empty JSON body and prototype keys with a coded 400 at the body', async () => {
    expect((await post('/api/auth/login', '{"email": ').expect(400)).body).toMatchObject({ code: 'INVALID_JSON', details: [{ field: 'body' }] });
    expect((await post('/api/auth/login', '').expect(400)).body).toMatchObject({ code: 'INVALID_JSON', details: [{ field: 'body' }] });
    const proto = await post('/api/auth/login', '{"email":"a@b.cn","password":"x","__proto__":{"roles":["ADMIN"]}}').expect(400);
    expect(proto.body).toMatchObject({ code: 'FORBIDDEN_KEY', details: [{ field: '__proto__' }] });
  });

  it('validates a DTO from a JSON object only, takes no plain text, and answers an undecodable path in the same error body', async () => {
    for (const body of ['null', '[]', '"li.wei@example.cn"', '42']) {
      const res = await post('/api/auth/login', body).expect(400);
      expect(res.body.details).toEqual([{ field: 'body', messages: ['body must be a JSON object'] }]);
    }
    await post('/api/auth/login', '{"email":"a@b.cn","password":"x"}', 'text/plain').expect(415);
    const url = await t.http().get('/api/orgs/%ED%A0%80').set(admin.auth).expect(400);
    expect(url.body).toMatchObject({ code: 'BAD_URL', details: [{ field: 'url' }], requestId: expect.any(String) });
  });
});
