import { startTestApp, TestApp } from '../../../../test/support/app';
import { createChallenge, createPublishedChallenge, expireChallenge } from '../../../../test/support/challenges';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { ChallengesAppModule } from '../challenges-app.module';

jest.setTimeout(30_000);

describe('clarification questions (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };
  let rival: TestUser & { orgId: string };
  let asker: TestUser;
  let otherSolver: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
    rival = await registerEnterprise(t, admin, '另一家企业');
    asker = await register(t, 'asker');
    otherSolver = await register(t, 'other');
  });
  afterAll(() => t.close());

  const questionsOf = async (challengeId: string, user?: TestUser) => {
    const req = t.http().get(`/api/challenges/${challengeId}/questions`);
    return (await (user ? req.set(user.auth) : req).expect(200)).body as { id: string; question: string; answer: string | null; mine: boolean }[];
  };

  it('keeps an unanswered question between the asker and the owner, then shows the answer to everyone, anonymously', async () => {
    const challenge = await createPublishedChallenge(t, owner, admin);
    const url = `/api/challenges/${challenge.id}/questions`;
    const asked = await t.http().post(url).set(asker.auth).send({ question: '  测量精度是否要求在全温区内满足？ ' }).expect(201);
    expect(asked.body).toMatchObject({ question: '测量精度是否要求在全温区内满足？', answer: null, mine: true });
    expect(asked.body).not.toHaveProperty('askedBy');

    expect((await questionsOf(challenge.id, owner)).map((q) => [q.id, q.mine])).toEqual([[asked.body.id, false]]);
    expect((await questionsOf(challenge.id, asker)).map((q) => q.id)).toEqual([asked.body.id]);
    expect(await questionsOf(challenge.id, otherSolver)).toEqual([]);
    expect(await questionsOf(challenge.id, rival)).toEqual([]);
    expect(await questionsOf(challenge.id)).toEqual([]);

    const denied = await t.http().post(`${url}/${asked.body.id}/answer`).set(rival.auth).send({ answer: '随便' }).expect(403);
    expect(denied.body.code).toBe('NOT_CHALLENGE_OWNER');
    await t.http().post(`${url}/${asked.body.id}/answer`).set(asker.auth).send({ answer: '自问自答' }).expect(403);
    const answered = await t.http().post(`${url}/${asked.body.id}/answer`).set(owner.auth).send({ answer: '是，-40 ~ 125 °C 全温区。' }).expect(200);
    expect(answered.body).toMatchObject({ answer: '是，-40 ~ 125 °C 全温区。', answeredAt: expect.any(String) });

    for (const reader of [otherSolver, rival, undefined]) {
      const seen = await questionsOf(challenge.id, reader);
      expect(seen).toEqual([
        { id: asked.body.id, question: '测量精度是否要求在全温区内满足？', answer: '是，-40 ~ 125 °C 全温区。', askedAt: expect.any(String), answeredAt: expect.any(String), mine: false },
      ]);
    }
    expect((await t.http().get(`/api/challenges/${challenge.id}`).expect(200)).body.answeredQuestions).toBe(1);
    const twice = await t.http().post(`${url}/${asked.body.id}/answer`).set(owner.auth).send({ answer: '改口' }).expect(409);
    expect(twice.body.code).toBe('QUESTION_ALREADY_ANSWERED');
  });

  it('takes questions only on a published challenge before its deadline, from signed-in solvers other than the owner', async () => {
    const draft = await createChallenge(t, owner);
    await t.http().post(`/api/challenges/${draft.id}/questions`).set(asker.auth).send({ question: '草稿能问吗？' }).expect(404);
    expect((await t.http().post(`/api/challenges/${draft.id}/questions`).set(owner.auth).send({ question: '自己问？' }).expect(403)).body.code).toBe(
      'OWNER_CANNOT_ASK',
    );

    const challenge = await createPublishedChallenge(t, owner, admin);
    const url = `/api/challenges/${challenge.id}/questions`;
    await t.http().post(url).send({ question: '匿名能问吗？' }).expect(401);
    const bad = await t.http().post(url).set(asker.auth).send({ question: '', extra: 1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'question']);
    const pending = await t.http().post(url).set(asker.auth).send({ question: '截止后还能回答吗？' }).expect(201);

    await expireChallenge(t, challenge.id);
    expect((await t.http().post(url).set(asker.auth).send({ question: '截止了还能问吗？' }).expect(409)).body.code).toBe('QUESTIONS_CLOSED');
    expect((await t.http().post(`${url}/${pending.body.id}/answer`).set(owner.auth).send({ answer: '晚了' }).expect(409)).body.code).toBe(
      'QUESTIONS_CLOSED',
    );
    await t.http().post(`${url}/0b7c3f3e-0000-4000-8000-000000000000/answer`).set(owner.auth).send({ answer: 'x' }).expect(404);
    expect((await t.http().post(`${url}/not-a-uuid/answer`).set(owner.auth).send({ answer: 'x' }).expect(400)).body.details[0].field).toBe('qid');
  });
});

describe('clarification questions: a cap per user and challenge (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context), env: { MAX_QUESTIONS_PER_USER_PER_CHALLENGE: '2' } });
  });
  afterAll(() => t.close());

  it('refuses the question after the cap with QUESTION_LIMIT_REACHED; other challenges and other askers are not affected', async () => {
    const admin = await loginAdmin(t);
    const owner = await registerEnterprise(t, admin);
    const [first, second] = [await createPublishedChallenge(t, owner, admin), await createPublishedChallenge(t, owner, admin)];
    const asker = await register(t, 'asker');
    const ask = (user: TestUser, challengeId: string, i: number) =>
      t.http().post(`/api/challenges/${challengeId}/questions`).set(user.auth).send({ question: `第${i}个问题：测量精度？` });
    await ask(asker, first.id, 1).expect(201);
    await ask(asker, first.id, 2).expect(201);
    const refused = await ask(asker, first.id, 3).expect(409);
    expect(refused.body).toMatchObject({ code: 'QUESTION_LIMIT_REACHED', details: { limit: 2 } });
    await ask(asker, second.id, 1).expect(201);
    await ask(await register(t, 'other'), first.id, 1).expect(201);
    const stored = await t.dataSource.query('SELECT count(*)::int AS n FROM challenge_question WHERE challenge_id = $1 AND asked_by = $2', [first.id, asker.id]);
    expect(stored[0].n).toBe(2);
  });
});
