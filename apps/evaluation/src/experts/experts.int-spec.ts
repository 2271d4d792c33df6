import { startTestApp, TestApp } from '../../../../test/support/app';
import { addExpert } from '../../../../test/support/evaluation';
import { login, loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

describe('expert pool (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('adds an expert with an affiliation, grants the JUDGE role and shows the entry', async () => {
    const org = await registerEnterprise(t, admin, '昆明理工大学传感器实验室');
    const user = await register(t, 'expert', '王教授');
    const res = await t
      .http()
      .post('/api/experts')
      .set(admin.auth)
      .send({ userId: user.id, title: ' 教授 ', fields: ['智能制造', ' MEMS sensors '], affiliationOrgId: org.orgId, bio: '二十年传感器研究。' })
      .expect(201);
    expect(res.body).toMatchObject({
      userId: user.id,
      displayName: '王教授',
      title: '教授',
      fields: ['智能制造', 'MEMS sensors'],
      affiliation: { orgId: org.orgId },
      bio: '二十年传感器研究。',
    });
    const again = await login(t, user.email, user.password);
    const me = await t.http().get('/api/auth/me').set(again.auth).expect(200);
    expect(me.body.roles).toEqual(['JUDGE']);
    // the expert sees their own entry; another user does not
    await t.http().get(`/api/experts/${user.id}`).set(again.auth).expect(200);
    const other = await register(t);
    expect((await t.http().get(`/api/experts/${user.id}`).set(other.auth).expect(403)).body.code).toBe('EXPERTS_ADMIN_ONLY');
  });

  it('searches by field (whole field, any case) and by substring in Chinese and English', async () => {
    const a = await addExpert(t, admin, { fields: ['Industrial IoT', '工业互联网'], title: '研究员 alpha-search' });
    const b = await addExpert(t, admin, { fields: ['新材料'], title: '高级工程师 beta-search' });
    const byField = await t.http().get('/api/experts').query({ field: 'industrial iot' }).set(admin.auth).expect(200);
    expect(byField.body.map((e: { userId: string }) => e.userId)).toContain(a.id);
    expect(byField.body.map((e: { userId: string }) => e.userId)).not.toContain(b.id);
    const byChinese = await t.http().get('/api/experts').query({ q: '新材' }).set(admin.auth).expect(200);
    expect(byChinese.body.map((e: { userId: string }) => e.userId)).toEqual([b.id]);
    const byTitle = await t.http().get('/api/experts').query({ q: 'ALPHA-SEARCH' }).set(admin.auth).expect(200);
    expect(byTitle.body.map((e: { userId: string }) => e.userId)).toEqual([a.id]);
    // LIKE wildcards in the query are literal characters
    expect((await t.http().get('/api/experts').query({ q: '%' }).set(admin.auth).expect(200)).body).toEqual([]);
  });

  it('is for admins; refuses duplicates, unknown users and bad input field by field', async () => {
    const user = await register(t);
    await t.http().post('/api/experts').set(user.auth).send({ userId: user.id, title: 'x', fields: ['a'] }).expect(403);
    await t.http().get('/api/experts').set(user.auth).expect(403);
    const expert = await addExpert(t, admin);
    const dup = await t.http().post('/api/experts').set(admin.auth).send({ userId: expert.id, title: 'x', fields: ['a'] }).expect(409);
    expect(dup.body.code).toBe('EXPERT_EXISTS');
    const unknown = await t
      .http()
      .post('/api/experts')
      .set(admin.auth)
      .send({ userId: '00000000-0000-4000-8000-000000000000', title: 'x', fields: ['a'] })
      .expect(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    const bad = await t
      .http()
      .post('/api/experts')
      .set(admin.auth)
      .send({ userId: 'nope', title: '', fields: [], roles: ['ADMIN'], bio: 'x'.repeat(4001) })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['bio', 'fields', 'roles', 'title', 'userId']);
    // Text PostgreSQL cannot store is refused before the DTO's rules, at each field holding it.
    const nul = await t.http().post('/api/experts').set(admin.auth).send({ userId: 'nope', title: 'a\u0000b', fields: ['\u0000'] }).expect(400);
    expect(nul.body.details.map((d: { field: string }) => d.field)).toEqual(['title', 'fields.0']);
  });
});
