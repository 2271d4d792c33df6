import { publishEvent } from '@app/database';
import { CHALLENGE_STATUSES, ChallengeStatus, DomainEvents, DomainEventType } from '@app/domain';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { TestDatabase } from '../../../../test/support/database';
import {
  challengeEvents,
  challengeInput,
  createChallenge,
  createPublishedChallenge,
  createSubmittedChallenge,
  expireChallenge,
  insertTeam,
  waitForChallengeStatus,
} from '../../../../test/support/challenges';
import { loginAdmin, randomCreditCode, register, registerEnterprise, registerJudge, TestUser } from '../../../../test/support/users';
import { ChallengesAppModule } from '../challenges-app.module';

type Enterprise = TestUser & { orgId: string };

const DAY_MS = 24 * 3_600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

// Some tests walk many challenges through the API; under a loaded `npm test` they need more than 5 s.
jest.setTimeout(30_000);

describe('challenges (integration)', () => {
  let t: TestApp & { database: TestDatabase };
  let admin: TestUser;
  let owner: Enterprise;
  let rival: Enterprise;
  let solver: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
    rival = await registerEnterprise(t, admin, '曲靖另一家制造企业');
    solver = await register(t, 'solver', '解题人');
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const challengeCount = async (): Promise<number> => (await t.dataSource.query('SELECT count(*)::int AS n FROM challenge'))[0].n;
  const emit = <T extends DomainEventType>(type: T, payload: DomainEvents[T]) =>
    t.dataSource.transaction((manager) => publishEvent(manager, type, payload));

  describe('lifecycle', () => {
    it('goes from draft through review, publication, amendment and closing to award', async () => {
      const created = await http().post('/api/challenges').set(owner.auth).send(challengeInput()).expect(201);
      const id: string = created.body.id;
      expect(created.body).toMatchObject({
        status: 'DRAFT',
        version: 1,
        orgId: owner.orgId,
        title: '高精度传感器芯片国产化',
        rewardFen: 50_000_000,
        passMark: 60,
        detailVisible: true,
        publishedAt: null,
      });

      const edited = await http().patch(`/api/challenges/${id}`).set(owner.auth).send({ title: '高精度 MEMS 传感器芯片国产化', winners: 2 }).expect(200);
      expect(edited.body).toMatchObject({ title: '高精度 MEMS 传感器芯片国产化', winners: 2, status: 'DRAFT' });

      const submitted = await http().post(`/api/challenges/${id}/submit`).set(owner.auth).expect(200);
      expect(submitted.body.status).toBe('SUBMITTED');
      expect(submitted.body.submittedAt).not.toBeNull();

      // The bureau rejects with a reason; the enterprise sees it, edits (back to DRAFT) and submits again.
      const noReason = await http().post(`/api/challenges/${id}/reject`).set(admin.auth).send({}).expect(400);
      expect(noReason.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
      await http().post(`/api/challenges/${id}/reject`).set(admin.auth).send({ reason: '技术指标缺少检测方法' }).expect(200);
      const rejected = await http().get(`/api/challenges/${id}`).set(owner.auth).expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: '技术指标缺少检测方法' });
      const resubmitUnchanged = await http().post(`/api/challenges/${id}/submit`).set(owner.auth).expect(409);
      expect(resubmitUnchanged.body).toMatchObject({ code: 'CHALLENGE_TRANSITION_FORBIDDEN', details: { from: 'REJECTED', action: 'submit' } });
      const reopened = await http().patch(`/api/challenges/${id}`).set(owner.auth).send({ indicators: challengeInput().indicators.slice(0, 2) }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'DRAFT', rejectionReason: '技术指标缺少检测方法' });
      await http().post(`/api/challenges/${id}/submit`).set(owner.auth).expect(200);

      const queue = await http().get('/api/challenges?status=SUBMITTED').set(admin.auth).expect(200);
      expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);

      const published = await http().post(`/api/challenges/${id}/publish`).set(admin.auth).expect(200);
      expect(published.body).toMatchObject({ status: 'PUBLISHED', version: 1, biddingOpen: true, rejectionReason: null });
      expect(await challengeEvents(t, id, 'challenge.published')).toEqual([
        { type: 'challenge.published', payload: { challengeId: id, orgId: owner.orgId, version: 1, closesAt: published.body.closesAt } },
      ]);

      // Anonymous readers see the published challenge without its detail; signed-in readers read it (no NDA).
      const anonymous = await http().get(`/api/challenges/${id}`).expect(200);
      expect(anonymous.body).toMatchObject({ status: 'PUBLISHED', detail: null, detailVisible: false, invitedTeamIds: null });
      const bySolver = await http().get(`/api/challenges/${id}`).set(solver.auth).expect(200);
      expect(bySolver.body).toMatchObject({ detailVisible: true, detail: challengeInput().detail });

      const closesAt = inDays(10);
      const amended = await http()
        .post(`/api/challenges/${id}/amendments`)
        .set(owner.auth)
        .send({ changeNote: '延长揭榜期限并提高奖励上限', closesAt, rewardFen: 60_000_000 })
        .expect(201);
      expect(amended.body).toMatchObject({ version: 2, closesAt, rewardFen: 60_000_000, status: 'PUBLISHED' });
      expect((await challengeEvents(t, id, 'challenge.amended')).map((e) => e.payload)).toEqual([
        { challengeId: id, version: 2, changeNote: '延长揭榜期限并提高奖励上限', closesAt },
      ]);
      const versions = await http().get(`/api/challenges/${id}/versions`).expect(200);
      expect(versions.body.map((v: { version: number; changeNote: string | null }) => [v.version, v.changeNote])).toEqual([
        [1, null],
        [2, '延长揭榜期限并提高奖励上限'],
      ]);
      expect(versions.body[0].terms).toMatchObject({ rewardFen: 50_000_000, detail: null });
      expect(versions.body[1].terms).toMatchObject({ rewardFen: 60_000_000, closesAt });

      // The deadline passes: CLOSED for every reader, then persisted by the close job with one challenge.closed.
      await expireChallenge(t, id);
      expect((await http().get(`/api/challenges/${id}`).expect(200)).body).toMatchObject({ status: 'CLOSED', biddingOpen: false });
      await waitForChallengeStatus(t, id, 'CLOSED');
      expect(await challengeEvents(t, id, 'challenge.closed')).toHaveLength(1);

      // The evaluation service's events (hand-written here) move it on.
      await emit('evaluation.started', { roomId: '0b7c3f3e-0000-4000-8000-000000000001', challengeId: id });
      await waitForChallengeStatus(t, id, 'EVALUATING');
      await emit('evaluation.finalized', {
        roomId: '0b7c3f3e-0000-4000-8000-000000000001',
        challengeId: id,
        awardedBidIds: [],
        notAwardedBidIds: [],
      });
      await waitForChallengeStatus(t, id, 'AWARDED');
      expect((await http().get(`/api/challenges/${id}`).expect(200)).body.status).toBe('AWARDED');
    });

    it('cancels a published challenge only with a reason, and tells the bidders through challenge.cancelled', async () => {
      const challenge = await createPublishedChallenge(t, owner, admin);
      const bare = await http().post(`/api/challenges/${challenge.id}/cancel`).set(owner.auth).send({}).expect(400);
      expect(bare.body.details).toEqual([{ field: 'reason', messages: ['is required to cancel a PUBLISHED challenge'] }]);
      const cancelled = await http().post(`/api/challenges/${challenge.id}/cancel`).set(owner.auth).send({ reason: '企业已自主攻克' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancellationReason: '企业已自主攻克' });
      expect((await challengeEvents(t, challenge.id, 'challenge.cancelled')).map((e) => e.payload)).toEqual([
        { challengeId: challenge.id, reason: '企业已自主攻克' },
      ]);
      // Still on the list, marked CANCELLED, so that bidders learn of it.
      expect((await http().get(`/api/challenges/${challenge.id}`).expect(200)).body.status).toBe('CANCELLED');

      const draft = await createChallenge(t, owner);
      await http().post(`/api/challenges/${draft.id}/cancel`).set(owner.auth).send({}).expect(200);
      await http().get(`/api/challenges/${draft.id}`).set(solver.auth).expect(404);
    });
  });

  describe('forbidden transitions', () => {
    /** A challenge of `owner` put straight into `status` (PUBLISHED_PAST: published, deadline passed, not yet persisted). */
    async function challengeIn(status: ChallengeStatus | 'PUBLISHED_PAST'): Promise<string> {
      const draft = await createChallenge(t, owner);
      const stored = status === 'PUBLISHED_PAST' ? 'PUBLISHED' : status;
      const wasPublished = !['DRAFT', 'SUBMITTED', 'REJECTED'].includes(stored);
      await t.dataSource.query(
        `UPDATE challenge SET status = $2, published_at = CASE WHEN $3 THEN now() END, rejection_reason = CASE WHEN $2 = 'REJECTED' THEN 'x' END WHERE id = $1`,
        [draft.id, stored, wasPublished],
      );
      if (status === 'PUBLISHED_PAST' || status === 'CLOSED') await expireChallenge(t, draft.id);
      return draft.id;
    }

    const STATES = [...CHALLENGE_STATUSES, 'PUBLISHED_PAST'] as const;
    const ALLOWED: Record<string, string[]> = {
      DRAFT: ['submit', 'cancel', 'PATCH'],
      SUBMITTED: ['publish', 'reject', 'cancel'],
      REJECTED: ['PATCH'],
      PUBLISHED: ['cancel', 'amend'],
    };
    const request = (action: string, id: string) => {
      switch (action) {
        case 'submit':
          return http().post(`/api/challenges/${id}/submit`).set(owner.auth);
        case 'publish':
          return http().post(`/api/challenges/${id}/publish`).set(admin.auth);
        case 'reject':
          return http().post(`/api/challenges/${id}/reject`).set(admin.auth).send({ reason: '不符合申报条件' });
        case 'cancel':
          return http().post(`/api/challenges/${id}/cancel`).set(owner.auth).send({ reason: '项目终止' });
        case 'PATCH':
          return http().patch(`/api/challenges/${id}`).set(owner.auth).send({ title: '新的标题' });
        default:
          return http().post(`/api/challenges/${id}/amendments`).set(owner.auth).send({ changeNote: '补充说明', title: '新的标题' });
      }
    };
    const forbiddenCode = (action: string, state: string): string => {
      if (action === 'PATCH') return 'CHALLENGE_NOT_EDITABLE';
      if (action === 'amend') return state === 'CLOSED' || state === 'PUBLISHED_PAST' ? 'BIDDING_CLOSED' : 'CHALLENGE_NOT_AMENDABLE';
      return 'CHALLENGE_TRANSITION_FORBIDDEN';
    };

    it.each(['submit', 'publish', 'reject', 'cancel', 'PATCH', 'amend'])('%s: allowed where the lifecycle says, 409 with a domain code everywhere else', async (action) => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const state of STATES) {
        const id = await challengeIn(state);
        const res = await request(action, id);
        outcomes[state] = res.status >= 400 ? `${res.status} ${res.body.code}` : 'ok';
        expected[state] = ALLOWED[state]?.includes(action) ? 'ok' : `409 ${forbiddenCode(action, state)}`;
      }
      expect(outcomes).toEqual(expected);
    });
  });

  describe('the bidding window counts from publication', () => {
    const HOUR_MS = 3_600_000;
    const at = (ms: number) => new Date(ms).toISOString();
    /** What publishing writes: the stored status and publication time, the versions and the challenge.published events. */
    const published = async (id: string) => {
      const [row] = await t.dataSource.query('SELECT status, published_at FROM challenge WHERE id = $1', [id]);
      const [versions] = await t.dataSource.query('SELECT count(*)::int AS n FROM challenge_version WHERE challenge_id = $1', [id]);
      return { status: row.status, publishedAt: row.published_at, versions: versions.n, events: (await challengeEvents(t, id, 'challenge.published')).length };
    };

    it('refuses to publish a challenge that opened long ago and closes 50 s after publication (409, nothing changes)', async () => {
      const now = Date.now();
      // 48 hours from opensAt to closesAt: the opensAt-based check alone would let it through.
      const submitted = await createSubmittedChallenge(t, owner, { opensAt: at(now - 48 * HOUR_MS + 50_000), closesAt: at(now + 50_000) });
      const before = Date.now();
      const res = await http().post(`/api/challenges/${submitted.id}/publish`).set(admin.auth).expect(409);
      const after = Date.now();
      expect(res.body).toMatchObject({ code: 'BIDDING_WINDOW_TOO_SHORT', details: { closesAt: submitted.closesAt, minWindowHours: 24 } });
      // earliestClosesAt is the database clock at publication plus 24 hours (the database runs on this machine's clock).
      const earliest = Date.parse(res.body.details.earliestClosesAt);
      expect(earliest).toBeGreaterThanOrEqual(before + 24 * HOUR_MS - 1000);
      expect(earliest).toBeLessThanOrEqual(after + 24 * HOUR_MS + 1000);
      expect(await published(submitted.id)).toEqual({ status: 'SUBMITTED', publishedAt: null, versions: 0, events: 0 });
      expect((await http().get(`/api/challenges/${submitted.id}`).set(owner.auth).expect(200)).body).toMatchObject({
        status: 'SUBMITTED',
        closesAt: submitted.closesAt,
      });
    });

    it('publishes one that opened in the past and closes a little over 24 hours after publication, recording the moment checked', async () => {
      const now = Date.now();
      const submitted = await createSubmittedChallenge(t, owner, { opensAt: at(now - 10 * 24 * HOUR_MS), closesAt: at(now + 24 * HOUR_MS + 60_000) });
      const res = await http().post(`/api/challenges/${submitted.id}/publish`).set(admin.auth).expect(200);
      expect(res.body).toMatchObject({ status: 'PUBLISHED', biddingOpen: true });
      const after = await published(submitted.id);
      expect(after).toMatchObject({ status: 'PUBLISHED', versions: 1, events: 1 });
      expect(new Date(after.publishedAt).getTime() + 24 * HOUR_MS).toBeLessThanOrEqual(Date.parse(submitted.closesAt));
    });

    it('counts the deployment’s MIN_BIDDING_WINDOW_HOURS from publication as well as from opensAt', async () => {
      const strict = await startTestApp({
        module: (context) => ChallengesAppModule.forRoot(context),
        database: t.database,
        env: { MIN_BIDDING_WINDOW_HOURS: '200' },
      });
      try {
        const now = Date.now();
        // 37 days from opensAt, but only 7 days (168 h) left after publication.
        const submitted = await createSubmittedChallenge(t, owner, { opensAt: at(now - 30 * 24 * HOUR_MS), closesAt: at(now + 7 * 24 * HOUR_MS) });
        const strictAdmin = await loginAdmin(strict);
        const refused = await strict.http().post(`/api/challenges/${submitted.id}/publish`).set(strictAdmin.auth).expect(409);
        expect(refused.body).toMatchObject({ code: 'BIDDING_WINDOW_TOO_SHORT', details: { closesAt: submitted.closesAt, minWindowHours: 200 } });
        expect(await published(submitted.id)).toMatchObject({ status: 'SUBMITTED', versions: 0 });
        // From opensAt too: a window of 7 days from a future opensAt is not submitted there.
        const draft = await createChallenge(t, owner, { opensAt: inDays(1), closesAt: inDays(8) });
        const short = await strict.http().post(`/api/challenges/${draft.id}/submit`).set(owner.auth).expect(400);
        expect(short.body.details).toEqual([{ field: 'closesAt', messages: ['must be at least 200 hours after opensAt'] }]);
        // The default deployment (24 hours) publishes the first one.
        await http().post(`/api/challenges/${submitted.id}/publish`).set(admin.auth).expect(200);
      } finally {
        await strict.close();
      }
    });
  });

  describe('who may see and change what', () => {
    it('hides a draft from other enterprises, solvers and anonymous readers (404), and refuses their changes', async () => {
      const draft = await createChallenge(t, owner);
      const url = `/api/challenges/${draft.id}`;
      await http().get(url).set(owner.auth).expect(200);
      await http().get(url).set(admin.auth).expect(200);
      for (const other of [rival, solver]) {
        expect((await http().get(url).set(other.auth).expect(404)).body.code).toBe('CHALLENGE_NOT_FOUND');
        await http().patch(url).set(other.auth).send({ title: '篡改' }).expect(404);
        await http().post(`${url}/submit`).set(other.auth).expect(404);
        await http().post(`${url}/cancel`).set(other.auth).send({}).expect(404);
        await http().get(`${url}/versions`).set(other.auth).expect(404);
      }
      await http().get(url).expect(404);
      await http().patch(url).send({ title: '篡改' }).expect(401);
      expect((await http().post(`${url}/publish`).set(owner.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
      await http().get(`/api/challenges/${'0'.repeat(8)}-0000-4000-8000-000000000000`).set(admin.auth).expect(404);
      expect((await http().get('/api/challenges/not-a-uuid').expect(400)).body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
      expect((await http().get(url).set(owner.auth)).body.title).toBe(draft.title);
    });

    it('lets only the owner organisation edit, amend and cancel a published challenge (403 for others)', async () => {
      const challenge = await createPublishedChallenge(t, owner, admin);
      const url = `/api/challenges/${challenge.id}`;
      for (const other of [rival, solver]) {
        expect((await http().patch(url).set(other.auth).send({ title: '篡改' }).expect(403)).body.code).toBe('NOT_CHALLENGE_OWNER');
        await http().post(`${url}/amendments`).set(other.auth).send({ changeNote: '篡改', title: '篡改' }).expect(403);
        await http().post(`${url}/cancel`).set(other.auth).send({ reason: '篡改' }).expect(403);
        await http().post(`${url}/submit`).set(other.auth).expect(403);
      }
      await http().post(`${url}/amendments`).send({ changeNote: '篡改', title: '篡改' }).expect(401);
      // The bureau may withdraw it.
      await http().post(`${url}/cancel`).set(admin.auth).send({ reason: '违反申报规定' }).expect(200);
    });

    it('shows the confidential detail of an NDA challenge to the owner, the bureau and teams whose lead accepted it only', async () => {
      const challenge = await createPublishedChallenge(t, owner, admin, { ndaRequired: true });
      const url = `/api/challenges/${challenge.id}`;
      const lead = await register(t, 'lead');
      const member = await register(t, 'member');
      const teamId = await insertTeam(t, lead, { members: [member] });

      const detailOf = async (user?: TestUser) => {
        const res = await (user ? http().get(url).set(user.auth) : http().get(url)).expect(200);
        return [res.body.detailVisible, res.body.detail];
      };
      const hidden = [false, null];
      const shown = [true, challengeInput().detail];
      expect(await detailOf()).toEqual(hidden);
      expect(await detailOf(solver)).toEqual(hidden);
      expect(await detailOf(rival)).toEqual(hidden);
      expect(await detailOf(member)).toEqual(hidden);
      expect(await detailOf(owner)).toEqual(shown);
      expect(await detailOf(admin)).toEqual(shown);
      expect((await http().get(`${url}/versions`).set(solver.auth).expect(200)).body[0].terms.detail).toBeNull();

      await http().post(`${url}/nda`).set(lead.auth).send({ teamId }).expect(201);
      expect(await detailOf(lead)).toEqual(shown);
      expect(await detailOf(member)).toEqual(shown);
      expect(await detailOf(solver)).toEqual(hidden);
      expect((await http().get(`${url}/versions`).set(member.auth).expect(200)).body[0].terms.detail).toBe(challengeInput().detail);
      expect((await http().get(url).set(member.auth)).body.ndaAcceptances).toEqual([expect.objectContaining({ teamId, userId: lead.id, version: 1 })]);
    });

    it("shows the detail of an NDA, invite-only challenge to the judges of its evaluation room, not to other judges", async () => {
      const team = await insertTeam(t, await register(t, 'invited'));
      const challenge = await createPublishedChallenge(t, owner, admin, { ndaRequired: true, eligibility: 'INVITE_ONLY', invitedTeamIds: [team] });
      const panelJudge = await registerJudge(t);
      const otherJudge = await registerJudge(t);
      // The evaluation service's room and panel, written as it would (this service only reads them).
      const [room]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO evaluation_room (challenge_id, chair_user_id, objection_window_minutes, rubric, pass_mark, winners, chain_head, created_by)
         VALUES ($1, $2, 0, '[]', 60, 1, 'genesis', $3) RETURNING id`,
        [challenge.id, panelJudge.id, admin.id],
      );
      await t.dataSource.query('INSERT INTO room_panel_member (room_id, user_id, position) VALUES ($1, $2, 1)', [room.id, panelJudge.id]);

      const seen = await http().get(`/api/challenges/${challenge.id}`).set(panelJudge.auth).expect(200);
      expect(seen.body).toMatchObject({ detailVisible: true, detail: challengeInput().detail });
      await http().get(`/api/challenges/${challenge.id}`).set(otherJudge.auth).expect(404);
    });

    it('shows an invite-only challenge to invited teams and organisations only', async () => {
      const lead = await register(t, 'invited-lead');
      const teamId = await insertTeam(t, lead);
      const universityMember = await register(t, 'university');
      const university = await http()
        .post('/api/orgs')
        .set(universityMember.auth)
        .send({ name: '昆明理工大学传感器实验室', kind: 'UNIVERSITY', country: 'CN' })
        .expect(201);
      const challenge = await createPublishedChallenge(t, owner, admin, {
        eligibility: 'INVITE_ONLY',
        invitedTeamIds: [teamId],
        invitedOrgIds: [university.body.id],
      });
      const url = `/api/challenges/${challenge.id}`;
      const listed = async (user?: TestUser) => {
        const res = await (user ? http().get('/api/challenges?limit=100').set(user.auth) : http().get('/api/challenges?limit=100')).expect(200);
        return res.body.items.some((c: { id: string }) => c.id === challenge.id);
      };
      for (const reader of [lead, universityMember, owner, admin]) {
        await http().get(url).set(reader.auth).expect(200);
        expect(await listed(reader)).toBe(true);
      }
      for (const reader of [solver, rival]) {
        await http().get(url).set(reader.auth).expect(404);
        expect(await listed(reader)).toBe(false);
      }
      await http().get(url).expect(404);
      expect(await listed()).toBe(false);
      expect((await http().get(url).set(lead.auth)).body.invitedTeamIds).toBeNull();
      expect((await http().get(url).set(owner.auth)).body.invitedTeamIds).toEqual([teamId]);
    });

    it('refuses to post for users who do not act for a verified enterprise', async () => {
      const unverified = await register(t, 'unverified');
      await http()
        .post('/api/orgs')
        .set(unverified.auth)
        .send({ name: '未认证企业', kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() })
        .expect(201);
      const before = await challengeCount();
      expect((await http().post('/api/challenges').set(solver.auth).send(challengeInput()).expect(403)).body.code).toBe('ENTERPRISE_REQUIRED');
      expect((await http().post('/api/challenges').set(unverified.auth).send(challengeInput()).expect(403)).body.code).toBe('ENTERPRISE_REQUIRED');
      const foreign = await http().post('/api/challenges').set(owner.auth).send(challengeInput({ orgId: rival.orgId })).expect(403);
      expect(foreign.body.code).toBe('NOT_ORG_ENTERPRISE');
      await http().post('/api/challenges').send(challengeInput()).expect(401);
      expect(await challengeCount()).toBe(before);
    });
  });

  describe('validation', () => {
    const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

    it('names every bad field at once and writes nothing', async () => {
      const before = await challengeCount();
      const input = challengeInput();
      const res = await http()
        .post('/api/challenges')
        .set(owner.auth)
        .send({
          ...input,
          rewardFen: -100,
          opensAt: inDays(5),
          closesAt: inDays(4),
          rubric: [{ ...input.rubric[0], weight: 40 }, { ...input.rubric[1], weight: 30 }, { ...input.rubric[2], weight: 29 }],
          status: 'PUBLISHED',
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'status', messages: ['status is not an accepted field'] },
          { field: 'rewardFen', messages: ['rewardFen must be positive'] },
          { field: 'closesAt', messages: ['closesAt must be after opensAt'] },
          { field: 'rubric', messages: ['rubric weights must sum to 100, not 99'] },
        ]),
      );
      expect(fields(res.body)).toEqual(['closesAt', 'rewardFen', 'rubric', 'status']);
      expect(await challengeCount()).toBe(before);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['weights summing to 110', { rubric: challengeInput().rubric.map((c, i) => ({ ...c, weight: i === 0 ? 50 : c.weight })) }, ['rubric']],
      ['opensAt after closesAt', { opensAt: inDays(3), closesAt: inDays(2) }, ['closesAt']],
      ['a negative reward', { rewardFen: -1 }, ['rewardFen']],
      ['a fractional reward', { rewardFen: 100.5 }, ['rewardFen']],
      ['a reward as a string', { rewardFen: '5000' }, ['rewardFen']],
      ['an unknown field', { orgName: 'x' }, ['orgName']],
      ['an unknown nested field', { indicators: [{ ...challengeInput().indicators[0], weight: 1 }] }, ['indicators.0.weight']],
      ['a criterion weighing 0', { rubric: [{ ...challengeInput().rubric[0], weight: 0 }, { ...challengeInput().rubric[1], weight: 100 }] }, ['rubric.0.weight']],
      ['no indicator', { indicators: [] }, ['indicators']],
      ['a title over 200 characters', { title: '长'.repeat(201) }, ['title']],
      ['an unknown industry field', { industryField: 'SPACE' }, ['industryField']],
      ['a date without time zone', { opensAt: '2030-01-01T00:00:00' }, ['opensAt']],
      ['no winner', { winners: 0 }, ['winners']],
      ['a pass mark over 100', { passMark: 101 }, ['passMark']],
      ['repeated criterion keys', { rubric: challengeInput().rubric.map((c) => ({ ...c, key: 'same' })) }, ['rubric.1.key', 'rubric.2.key']],
      ['an invite-only challenge that invites nobody', { eligibility: 'INVITE_ONLY' }, ['invitedTeamIds']],
      ['an open challenge with invitations', { invitedOrgIds: ['0b7c3f3e-0000-4000-8000-000000000009'] }, ['invitedOrgIds']],
    ])('refuses %s (400, the field named, nothing written)', async (_, change, expectedFields) => {
      const before = await challengeCount();
      const res = await http().post('/api/challenges').set(owner.auth).send({ ...challengeInput(), ...change }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toEqual(expectedFields);
      expect(await challengeCount()).toBe(before);
    });

    it('edits with the same rules, refuses null for a required field, and changes nothing on error', async () => {
      const draft = await createChallenge(t, owner);
      const url = `/api/challenges/${draft.id}`;
      expect(fields((await http().patch(url).set(owner.auth).send({ title: null }).expect(400)).body)).toEqual(['title']);
      expect(fields((await http().patch(url).set(owner.auth).send({ closesAt: inDays(-30) }).expect(400)).body)).toEqual(['closesAt']);
      const rubric = challengeInput().rubric.slice(0, 2);
      expect(fields((await http().patch(url).set(owner.auth).send({ rubric, title: '新标题' }).expect(400)).body)).toEqual(['rubric']);
      const after = await http().get(url).set(owner.auth).expect(200);
      expect(after.body).toMatchObject({ title: draft.title, closesAt: draft.closesAt, rubric: draft.rubric });
    });

    it('submits only a window that can be published: at least 24 hours, closing in the future', async () => {
      const now = Date.now();
      const short = await createChallenge(t, owner, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 23 * 3_600_000).toISOString() });
      const res = await http().post(`/api/challenges/${short.id}/submit`).set(owner.auth).expect(400);
      expect(res.body.details).toEqual([{ field: 'closesAt', messages: ['must be at least 24 hours after opensAt'] }]);
      expect((await http().get(`/api/challenges/${short.id}`).set(owner.auth)).body.status).toBe('DRAFT');
    });

    it('rejects unknown and malformed list parameters', async () => {
      expect(fields((await http().get('/api/challenges?limit=101').expect(400)).body)).toEqual(['limit']);
      expect(fields((await http().get('/api/challenges?sort=title').expect(400)).body)).toEqual(['sort']);
      expect(fields((await http().get('/api/challenges?rewardMin=1.5').expect(400)).body)).toEqual(['rewardMin']);
      expect(fields((await http().get('/api/challenges?rewardMin=9&rewardMax=3').expect(400)).body)).toEqual(['rewardMax']);
      expect(fields((await http().get('/api/challenges?cursor=bm90LWEtY3Vyc29y').expect(400)).body)).toEqual(['cursor']);
      expect(fields((await http().get('/api/challenges?status=OPEN').expect(400)).body)).toEqual(['status']);
      expect((await http().get('/api/challenges?mine=true').expect(401)).body.code).toBe('TOKEN_MISSING');
    });
  });

  describe('amendments', () => {
    const amend = (id: string, body: Record<string, unknown>, user: TestUser = owner) =>
      http().post(`/api/challenges/${id}/amendments`).set(user.auth).send({ changeNote: '修改', ...body });

    it.each<[string, (c: { closesAt: string; rubric: { weight: number }[] }) => Record<string, unknown>, string]>([
      ['moves closesAt earlier', (c) => ({ closesAt: new Date(Date.parse(c.closesAt) - 60_000).toISOString() }), 'CLOSES_AT_EARLIER'],
      ['changes the rubric', () => ({ rubric: challengeInput().rubric.map((r, i) => ({ ...r, weight: [50, 25, 25][i] })) }), 'RUBRIC_FROZEN'],
      ['rewords a criterion', () => ({ rubric: challengeInput().rubric.map((r) => ({ ...r, description: '随便写' })) }), 'RUBRIC_FROZEN'],
      ['changes the pass mark', () => ({ passMark: 50 }), 'PASS_MARK_FROZEN'],
      ['lowers the reward', () => ({ rewardFen: 49_999_999 }), 'REWARD_DECREASED'],
      ['changes the number of winners', () => ({ winners: 3 }), 'WINNERS_FROZEN'],
      ['moves opensAt', () => ({ opensAt: new Date().toISOString() }), 'OPENS_AT_FROZEN'],
      ['changes the NDA requirement', () => ({ ndaRequired: true }), 'NDA_FROZEN'],
    ])('is 409 when it %s, and writes nothing', async (_, change, code) => {
      const challenge = await createPublishedChallenge(t, owner, admin);
      const res = await amend(challenge.id, { title: '顺便改个标题', ...change(challenge) }).expect(409);
      expect(res.body.code).toBe(code);
      const after = await http().get(`/api/challenges/${challenge.id}`).set(owner.auth).expect(200);
      expect(after.body).toMatchObject({ version: 1, title: challenge.title, closesAt: challenge.closesAt, rewardFen: challenge.rewardFen });
      expect(await challengeEvents(t, challenge.id, 'challenge.amended')).toEqual([]);
      expect((await http().get(`/api/challenges/${challenge.id}/versions`).expect(200)).body).toHaveLength(1);
    });

    it('accepts an identical copy of the rubric, refuses an amendment that changes nothing (422)', async () => {
      const challenge = await createPublishedChallenge(t, owner, admin);
      await amend(challenge.id, { rubric: challenge.rubric, passMark: 60, summary: '更新后的摘要' }).expect(201);
      const empty = await amend(challenge.id, { summary: '更新后的摘要' }).expect(422);
      expect(empty.body.code).toBe('AMENDMENT_EMPTY');
    });

    it('adds invitations to an invite-only challenge but never withdraws one', async () => {
      const teamA = await insertTeam(t, await register(t, 'lead-a'));
      const teamB = await insertTeam(t, await register(t, 'lead-b'));
      const challenge = await createPublishedChallenge(t, owner, admin, { eligibility: 'INVITE_ONLY', invitedTeamIds: [teamA] });
      const added = await amend(challenge.id, { invitedTeamIds: [teamA, teamB] }).expect(201);
      expect(added.body.invitedTeamIds).toEqual([teamA, teamB]);
      expect((await amend(challenge.id, { invitedTeamIds: [teamB] }).expect(409)).body.code).toBe('INVITATION_WITHDRAWN');
      expect((await amend(challenge.id, { eligibility: 'OPEN', invitedTeamIds: [] }).expect(409)).body.code).toBe('ELIGIBILITY_FROZEN');
    });
  });
});
