import { publishEvent } from '@app/database';
import { DomainEvents, DomainEventType } from '@app/domain';
import { startTestApp, TestApp } from '../../../../test/support/app';
import {
  challengeEvents,
  createPublishedChallenge,
  expireChallenge,
  waitForChallengeStatus,
} from '../../../../test/support/challenges';
import { loginAdmin, registerEnterprise, TestUser } from '../../../../test/support/users';
import { until } from '../../../../test/support/wait';
import { ChallengesAppModule } from '../challenges-app.module';
import { ChallengeCloseJob } from './close-job';

jest.setTimeout(30_000);

const challengesModule = (context: Parameters<typeof ChallengesAppModule.forRoot>[0]) => ChallengesAppModule.forRoot(context);
/** A job interval no test waits for: the job only runs when a test calls it. */
const IDLE = { CLOSE_JOB_INTERVAL_MS: '600000' };

const storedStatus = async (t: TestApp, id: string): Promise<string> =>
  (await t.dataSource.query('SELECT status FROM challenge WHERE id = $1', [id]))[0].status;

describe('closing at the deadline (integration)', () => {
  let a: TestApp & Awaited<ReturnType<typeof startTestApp>>;
  let b: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };

  beforeAll(async () => {
    a = await startTestApp({ module: challengesModule, env: IDLE });
    // A second instance of the service on the same database.
    b = await startTestApp({ module: challengesModule, env: IDLE, database: a.database });
    admin = await loginAdmin(a);
    owner = await registerEnterprise(a, admin);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('shows a challenge whose closesAt passed as CLOSED to every reader at once, before anything is persisted', async () => {
    const challenge = await createPublishedChallenge(a, owner, admin);
    await expireChallenge(a, challenge.id);

    const anonymous = await a.http().get(`/api/challenges/${challenge.id}`).expect(200);
    expect(anonymous.body).toMatchObject({ status: 'CLOSED', biddingOpen: false });
    const closedList = await b.http().get('/api/challenges?status=CLOSED').expect(200);
    expect(closedList.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toContainEqual([challenge.id, 'CLOSED']);
    const openList = await b.http().get('/api/challenges?status=PUBLISHED').expect(200);
    expect(openList.body.items.map((c: { id: string }) => c.id)).not.toContain(challenge.id);
    // Nothing can change it any more, although the stored status still says PUBLISHED.
    const late = await a.http().post(`/api/challenges/${challenge.id}/amendments`).set(owner.auth).send({ changeNote: '延期', rewardFen: 60_000_000 });
    expect([late.status, late.body.code]).toEqual([409, 'BIDDING_CLOSED']);
    expect(await storedStatus(a, challenge.id)).toBe('PUBLISHED');
    expect(await challengeEvents(a, challenge.id, 'challenge.closed')).toEqual([]);
  });

  it('persists CLOSED and emits challenge.closed exactly once, with two instances of the job closing concurrently', async () => {
    const challenges = await Promise.all(Array.from({ length: 6 }, () => createPublishedChallenge(a, owner, admin)));
    const open = await createPublishedChallenge(a, owner, admin);
    for (const c of challenges) await expireChallenge(a, c.id);
    const jobs = [a.app.get(ChallengeCloseJob), b.app.get(ChallengeCloseJob)];

    const rounds = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs[i % 2].closeDue()));

    const closedIds = rounds.flat().filter((id) => challenges.some((c) => c.id === id));
    expect(closedIds.sort()).toEqual(challenges.map((c) => c.id).sort());
    for (const c of challenges) {
      expect(await storedStatus(a, c.id)).toBe('CLOSED');
      const events = await challengeEvents(a, c.id, 'challenge.closed');
      expect(events).toEqual([{ type: 'challenge.closed', payload: { challengeId: c.id, closedAt: expect.any(String) } }]);
    }
    expect(await storedStatus(a, open.id)).toBe('PUBLISHED');
    expect(await challengeEvents(a, open.id, 'challenge.closed')).toEqual([]);
  });
});

describe('the close job running in two instances (integration)', () => {
  let a: TestApp & Awaited<ReturnType<typeof startTestApp>>;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ module: challengesModule, env: { CLOSE_JOB_INTERVAL_MS: '10' } });
    b = await startTestApp({ module: challengesModule, env: { CLOSE_JOB_INTERVAL_MS: '10' }, database: a.database });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('closes each due challenge once: one challenge.closed per challenge', async () => {
    const admin = await loginAdmin(a);
    const owner = await registerEnterprise(a, admin);
    const challenges = await Promise.all(Array.from({ length: 8 }, () => createPublishedChallenge(a, owner, admin)));
    await a.dataSource.query(
      `UPDATE challenge SET opens_at = now() - interval '8 days', closes_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`,
      [challenges.map((c) => c.id)],
    );
    const rounds = [a, b].map((app) => jest.spyOn(app.app.get(ChallengeCloseJob), 'closeDue'));
    for (const c of challenges) await waitForChallengeStatus(a, c.id, 'CLOSED');
    // Give both timers ten more rounds each to misbehave.
    const seen = rounds.map((spy) => spy.mock.calls.length);
    await until(() => rounds.every((spy, i) => spy.mock.calls.length >= seen[i] + 10), 10_000, 'ten more rounds of each close job');
    for (const c of challenges) expect(await challengeEvents(a, c.id, 'challenge.closed')).toHaveLength(1);
  });
});

describe('following the evaluation service (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };
  const ROOM = '0b7c3f3e-0000-4000-8000-0000000000aa';

  beforeAll(async () => {
    t = await startTestApp({ module: challengesModule, env: IDLE });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(() => t.close());

  const emit = <T extends DomainEventType>(type: T, payload: DomainEvents[T]) =>
    t.dataSource.transaction((manager) => publishEvent(manager, type, payload));
  const handled = async (eventCount: number) => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_consumption WHERE consumer = 'challenges'`);
      if (n >= eventCount) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the challenges consumer did not handle the events');
  };
  let consumed = 0;
  const emitAndWait = async <T extends DomainEventType>(type: T, payload: DomainEvents[T]) => {
    await emit(type, payload);
    consumed += 1;
    await handled(consumed);
  };

  it('moves a closed challenge to EVALUATING and then AWARDED, each event idempotently', async () => {
    const challenge = await createPublishedChallenge(t, owner, admin);
    await expireChallenge(t, challenge.id);
    await t.app.get(ChallengeCloseJob).closeDue();

    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: challenge.id });
    expect(await storedStatus(t, challenge.id)).toBe('EVALUATING');
    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: challenge.id });
    expect(await storedStatus(t, challenge.id)).toBe('EVALUATING');

    const finalized = { roomId: ROOM, challengeId: challenge.id, awardedBidIds: [], notAwardedBidIds: [] };
    await emitAndWait('evaluation.finalized', finalized);
    expect(await storedStatus(t, challenge.id)).toBe('AWARDED');
    await emitAndWait('evaluation.finalized', finalized);
    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: challenge.id });
    expect(await storedStatus(t, challenge.id)).toBe('AWARDED');
    expect(await challengeEvents(t, challenge.id, 'challenge.closed')).toHaveLength(1);
  });

  it('closes a challenge still stored PUBLISHED past its deadline on the way, announcing it once', async () => {
    const challenge = await createPublishedChallenge(t, owner, admin);
    await expireChallenge(t, challenge.id);
    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: challenge.id });
    expect(await storedStatus(t, challenge.id)).toBe('EVALUATING');
    expect(await t.app.get(ChallengeCloseJob).closeDue()).not.toContain(challenge.id);
    expect((await challengeEvents(t, challenge.id)).map((e) => e.type)).toEqual(['challenge.published', 'evaluation.started', 'challenge.closed']);
  });

  it('applies a finalization whose start it has not seen, and drops events that cannot apply', async () => {
    const closed = await createPublishedChallenge(t, owner, admin);
    await expireChallenge(t, closed.id);
    await emitAndWait('evaluation.finalized', { roomId: ROOM, challengeId: closed.id, awardedBidIds: [], notAwardedBidIds: [] });
    expect(await storedStatus(t, closed.id)).toBe('AWARDED');

    const open = await createPublishedChallenge(t, owner, admin);
    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: open.id });
    expect(await storedStatus(t, open.id)).toBe('PUBLISHED');
    await emitAndWait('evaluation.started', { roomId: ROOM, challengeId: '0b7c3f3e-0000-4000-8000-0000000000ff' });
  });
});
