import { randomBytes } from 'node:crypto';
import { authOnlyModule, startTestApp, TestApp, TEST_ADMIN } from '../../../../test/support/app';
import { loginAdmin, randomCreditCode, register, registerJudge, TestUser } from '../../../../test/support/users';


interface Summary {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  organisations: { id: string; name: string; kind: string; verified: boolean }[];
}

/** A marker no other test of this file uses, so each test finds only its own users. */
const tag = (): string => randomBytes(4).toString('hex');

describe('user search for the bureau (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const search = (query: Record<string, string | number | string[]>, caller: TestUser | null = admin) => {
    const request = t.http().get('/api/users').query(query);
    return caller ? request.set(caller.auth) : request;
  };
  const ids = (body: Summary[]) => body.map((user) => user.id);

  it('finds a Chinese and an English display name by a substring, in any case', async () => {
    const kongming = await register(t, 'kongming', '诸葛孔明');
    const jin = await register(t, 'jin', '诸葛瑾');
    const margaret = await register(t, 'margaret', 'Margaret Hamilton');

    expect(ids((await search({ q: '孔明' }).expect(200)).body)).toEqual([kongming.id]);
    expect(ids((await search({ q: ' 诸葛 ' }).expect(200)).body).sort()).toEqual([kongming.id, jin.id].sort());
    expect(ids((await search({ q: 'ET HAMIL' }).expect(200)).body)).toEqual([margaret.id]);
    const found = (await search({ q: 'hamilton' }).expect(200)).body as Summary[];
    expect(found).toEqual([{ id: margaret.id, email: margaret.email, displayName: 'Margaret Hamilton', roles: [], organisations: [] }]);
  });

  it('finds an email by a substring in any case, and the admins and judges with their roles', async () => {
    const marker = tag();
    const grace = await register(t, `Grace.Hopper.${marker}`, 'G. H.');
    expect(grace.email).toMatch(/^Grace\.Hopper\./);
    const byLower = (await search({ q: `grace.hopper.${marker}` }).expect(200)).body as Summary[];
    expect(ids(byLower)).toEqual([grace.id]);
    expect(byLower[0].email).toBe(grace.email);
    expect(ids((await search({ q: `HOPPER.${marker.toUpperCase()}.` }).expect(200)).body)).toEqual([grace.id]);

    const judge = await registerJudge(t, `judge-${marker}`);
    expect((await search({ q: `judge-${marker}` }).expect(200)).body).toMatchObject([{ id: judge.id, roles: ['JUDGE'] }]);
    expect((await search({ q: TEST_ADMIN.email.toUpperCase() }).expect(200)).body).toMatchObject([{ id: admin.id, roles: ['ADMIN'] }]);
  });

  it('takes %, _ and \\ literally', async () => {
    const marker = tag();
    const percent = await register(t, 'percent', `off-${marker}-50%`);
    await register(t, 'fifty', `off-${marker}-50x`);
    const underscore = await register(t, 'underscore', `us-${marker}_a`);
    await register(t, 'letter', `us-${marker}Za`);
    const backslash = await register(t, 'backslash', `bs-${marker}\\n`);
    await register(t, 'plain', `bs-${marker}n`);

    // unescaped, each pattern would match the second user of its pair (or, for \n, only that one)
    expect(ids((await search({ q: `${marker}-50%` }).expect(200)).body)).toEqual([percent.id]);
    expect(ids((await search({ q: `${marker}_a` }).expect(200)).body)).toEqual([underscore.id]);
    expect(ids((await search({ q: `${marker}\\n` }).expect(200)).body)).toEqual([backslash.id]);
    // a lone wildcard is a character like any other: only the names holding it
    expect(ids((await search({ q: '%' }).expect(200)).body)).toEqual([percent.id]);
    expect(ids((await search({ q: '_' }).expect(200)).body)).toEqual([underscore.id]);
  });

  it('orders by display name then email and honours the limit (default 20, at most 50)', async () => {
    const marker = tag();
    const c = await register(t, 'c', `order-${marker} C`);
    const b2 = await register(t, 'b2', `order-${marker} B`);
    const a = await register(t, 'a', `order-${marker} A`);
    const b1 = await register(t, 'b1', `order-${marker} B`);
    expect(ids((await search({ q: `order-${marker}` }).expect(200)).body)).toEqual([a.id, b1.id, b2.id, c.id]);
    expect(ids((await search({ q: `order-${marker}`, limit: 2 }).expect(200)).body)).toEqual([a.id, b1.id]);

    const many = `many-${marker}`;
    for (let i = 0; i < 22; i += 1) await register(t, 'many', `${many} ${String(i).padStart(2, '0')}`);
    const byDefault = (await search({ q: many }).expect(200)).body as Summary[];
    expect(byDefault.map((user) => user.displayName)).toEqual(Array.from({ length: 20 }, (_, i) => `${many} ${String(i).padStart(2, '0')}`));
    expect((await search({ q: many, limit: 50 }).expect(200)).body).toHaveLength(22);
  });

  it("includes the user's organisations with their kind and verification", async () => {
    const owner = await register(t, 'owner', `org-owner-${tag()}`);
    const enterprise = await t
      .http()
      .post('/api/orgs')
      .set(owner.auth)
      .send({ name: '昆明滇池光电有限公司', kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() })
      .expect(201);
    await t.http().post(`/api/orgs/${enterprise.body.id}/verify`).set(admin.auth).expect(200);
    const lab = await t.http().post('/api/orgs').set(owner.auth).send({ name: 'Aalto Photonics Lab', kind: 'UNIVERSITY', country: 'FI' }).expect(201);

    const [found] = (await search({ q: owner.email }).expect(200)).body as Summary[];
    expect(found.organisations).toEqual([
      { id: lab.body.id, name: 'Aalto Photonics Lab', kind: 'UNIVERSITY', verified: false },
      { id: enterprise.body.id, name: '昆明滇池光电有限公司', kind: 'ENTERPRISE', verified: true },
    ]);
  });

  it('is for admins only: 403 for other users and judges, 401 without a token', async () => {
    const user = await register(t);
    const judge = await registerJudge(t);
    const denied = await search({ q: 'a' }, user).expect(403);
    expect(denied.body.code).toBe('ROLE_REQUIRED');
    await search({ q: 'a' }, judge).expect(403);
    const anonymous = await search({ q: 'a' }, null).expect(401);
    expect(anonymous.body.code).toBe('TOKEN_MISSING');
  });

  it('refuses a missing, empty, blank or too long q, a bad limit and unknown fields, field by field', async () => {
    const fieldsOf = async (query: Record<string, string | number | string[]>) => {
      const res = await search(query).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return (res.body.details as { field: string; messages: string[] }[]).map((d) => d.field).sort();
    };
    expect(await fieldsOf({})).toEqual(['q']);
    expect(await fieldsOf({ q: '' })).toEqual(['q']);
    expect(await fieldsOf({ q: '   ' })).toEqual(['q']);
    expect(await fieldsOf({ q: 'x'.repeat(101) })).toEqual(['q']);
    expect(await fieldsOf({ q: '孔'.repeat(101) })).toEqual(['q']);
    expect(await fieldsOf({ q: 'a\u0000b' })).toEqual(['q']);
    expect(await fieldsOf({ q: ['a', 'b'] })).toEqual(['q']);
    for (const limit of ['0', '51', '2.5', 'ten', '']) expect(await fieldsOf({ q: 'a', limit })).toEqual(['limit']);
    expect(await fieldsOf({ q: 'a', role: 'ADMIN' })).toEqual(['role']);
    const unknown = await search({ q: 'a', offset: 10 }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'offset', messages: ['offset is not an accepted field'] }]);
    // the bounds themselves are accepted
    await search({ q: 'x'.repeat(100), limit: 50 }).expect(200);
    await search({ q: '孔'.repeat(100), limit: 1 }).expect(200);
  });

  it('never answers a password hash, or any field beyond the summary', async () => {
    const user = await register(t, 'summary', `summary-${tag()}`);
    const res = await search({ q: user.email }).expect(200);
    expect(res.body).toHaveLength(1);
    expect(Object.keys(res.body[0]).sort()).toEqual(['displayName', 'email', 'id', 'organisations', 'roles']);
    const everyone = await search({ q: '@', limit: 50 }).expect(200);
    expect(everyone.body.length).toBeGreaterThan(1);
    for (const found of everyone.body as Record<string, unknown>[]) {
      expect(Object.keys(found).sort()).toEqual(['displayName', 'email', 'id', 'organisations', 'roles']);
    }
    expect(everyone.text).not.toMatch(/password|hash|\$argon2/i);
  });

  it('is described in the OpenAPI document under the users tag', async () => {
    const docs = await t.http().get('/api/docs/openapi.json').expect(200);
    const operation = docs.body.paths['/api/users'].get;
    expect(operation.tags).toEqual(['users']);
    expect(operation.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
      ['q', true],
      ['limit', false],
    ]);
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403']);
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/UserSummaryView' } });
    expect(Object.keys(docs.body.components.schemas.UserSummaryView.properties).sort()).toEqual(['displayName', 'email', 'id', 'organisations', 'roles']);
  });
});
