import { authOnlyModule, startTestApp, TestApp } from '../../../test/support/app';
import { register, TestUser } from '../../../test/support/users';

const createOrg = (t: TestApp, user: TestUser, name: string) => t.http().post('/api/orgs').set(user.auth).send({ name, kind: 'INSTITUTE', country: 'NL' });

describe('per-user rate limit on writes (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule, env: { RATE_LIMIT_WRITES_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('refuses the writes past the bucket with 429 RATE_LIMITED and Retry-After; reads and other users go on', async () => {
    const user = await register(t);
    for (let i = 1; i <= 3; i += 1) await createOrg(t, user, `Write ${i} Lab`).expect(201);
    const refused = await createOrg(t, user, 'Write 4 Lab').expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    // one token every 20 s
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(15);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(20);
    const stored = await t.dataSource.query('SELECT count(*)::int AS n FROM organisation WHERE created_by = $1', [user.id]);
    expect(stored[0].n).toBe(3);
    await t.http().get('/api/orgs').set(user.auth).expect(200);
    await createOrg(t, await register(t), 'Another user Lab').expect(201);
  });
});

describe('organisations: a cap per user and adds by email counted (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: authOnlyModule, env: { MAX_ORGS_PER_USER: '2', THROTTLE_MEMBER_LOOKUPS_PER_HOUR: '2' } });
  });
  afterAll(() => t.close());

  it('refuses a third organisation of one creator with 409 ORG_LIMIT_REACHED', async () => {
    const user = await register(t);
    await createOrg(t, user, 'First Lab').expect(201);
    await createOrg(t, user, 'Second Lab').expect(201);
    const refused = await createOrg(t, user, 'Third Lab').expect(409);
    expect(refused.body).toMatchObject({ code: 'ORG_LIMIT_REACHED', details: { limit: 2 } });
  });

  it('counts invitations by email per user, whether the account exists or not', async () => {
    const owner = await register(t, 'owner');
    const known = await register(t, 'known');
    const org = await createOrg(t, owner, 'Lookup Lab').expect(201);
    const add = (email: string) => t.http().post(`/api/orgs/${org.body.id}/members`).set(owner.auth).send({ email });
    await add(`nobody.${known.email}`).expect(404);
    await add(known.email).expect(201);
    const refused = await add((await register(t)).email).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
  });
});
