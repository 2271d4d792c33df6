import { OutboxDispatcher, publishEvent } from '@app/database';
import type { DomainEvents, DomainEventType } from '@app/domain';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { closeBidding, createTeam, insertChallenge, submitBid } from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';
import { BIDDING_CONSUMER } from './bid-events.service';

describe('bidding consumes challenge and evaluation events (integration)', () => {
  let t: TestApp;
  let owner: TestUser & { orgId: string };
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(() => t.close());

  const handled = async (eventId: string): Promise<boolean> =>
    (await t.dataSource.query('SELECT 1 FROM outbox_consumption WHERE consumer = $1 AND event_id = $2', [BIDDING_CONSUMER, eventId])).length === 1;

  /**
   * Publishes like another service would, then waits until bidding has handled it (drainAll
   * returns at once while a drain woken by NOTIFY is still running, hence the loop).
   */
  async function deliver<T extends DomainEventType>(type: T, payload: DomainEvents[T]): Promise<string> {
    const id = await t.dataSource.transaction((manager) => publishEvent(manager, type, payload));
    for (let round = 0; round < 300 && !(await handled(id)); round += 1) {
      await t.app.get(OutboxDispatcher).drainAll();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return id;
  }

  const statuses = async (challengeId: string): Promise<Record<string, string>> =>
    Object.fromEntries(
      ((await t.dataSource.query('SELECT id, status FROM bid WHERE challenge_id = $1', [challengeId])) as { id: string; status: string }[]).map((r) => [
        r.id,
        r.status,
      ]),
    );

  /** Five teams bid; after closing two are shortlisted, one rejected, one never decided, one had withdrawn. */
  async function evaluatedChallenge() {
    const challengeId = await insertChallenge(t, owner.orgId);
    const bids: Record<'winner' | 'runnerUp' | 'undecided' | 'rejected' | 'withdrawn', string> = {
      winner: '',
      runnerUp: '',
      undecided: '',
      rejected: '',
      withdrawn: '',
    };
    for (const name of Object.keys(bids) as (keyof typeof bids)[]) {
      const lead = await register(t, name);
      const team = await createTeam(t, lead);
      bids[name] = (await submitBid(t, lead, challengeId, team.id)).id;
      if (name === 'withdrawn') await t.http().post(`/api/bids/${bids[name]}/withdraw`).set(lead.auth).expect(200);
    }
    await closeBidding(t, challengeId);
    for (const name of ['winner', 'runnerUp'] as const) {
      await t.http().post(`/api/bids/${bids[name]}/shortlist`).set(admin.auth).send({ decision: 'SHORTLISTED' }).expect(200);
    }
    await t.http().post(`/api/bids/${bids.rejected}/shortlist`).set(admin.auth).send({ decision: 'NOT_SHORTLISTED', reason: '缺少军令状签字' }).expect(200);
    return { challengeId, bids };
  }

  it('marks the awarded bids AWARDED and every other open bid NOT_AWARDED when the room is finalised, once', async () => {
    const { challengeId, bids } = await evaluatedChallenge();
    const payload = { roomId: '0b7f4ac6-5d9e-4a53-9d1f-3a0a5d6f6f01', challengeId, awardedBidIds: [bids.winner], notAwardedBidIds: [bids.runnerUp] };
    const event = await deliver('evaluation.finalized', payload);
    expect(await handled(event)).toBe(true);
    const expected = {
      [bids.winner]: 'AWARDED',
      [bids.runnerUp]: 'NOT_AWARDED',
      [bids.undecided]: 'NOT_AWARDED',
      [bids.rejected]: 'NOT_SHORTLISTED',
      [bids.withdrawn]: 'WITHDRAWN',
    };
    expect(await statuses(challengeId)).toEqual(expected);

    // The same finalisation delivered again (a new event with the same content) changes nothing.
    const repeat = await deliver('evaluation.finalized', payload);
    expect(await handled(repeat)).toBe(true);
    expect(await statuses(challengeId)).toEqual(expected);

    // A contradiction is logged and left alone, not retried forever.
    const contradiction = await deliver('evaluation.finalized', { ...payload, awardedBidIds: [], notAwardedBidIds: [bids.winner, '6c2a3c1e-0d1b-4f0e-8a57-1b9c1f0a2b3c'] });
    expect(await handled(contradiction)).toBe(true);
    expect(await statuses(challengeId)).toEqual(expected);
  }, 30_000);

  it('touches only the bids of the finalised challenge', async () => {
    const first = await evaluatedChallenge();
    const second = await evaluatedChallenge();
    const before = await statuses(second.challengeId);
    await deliver('evaluation.finalized', {
      roomId: '0b7f4ac6-5d9e-4a53-9d1f-3a0a5d6f6f02',
      challengeId: first.challengeId,
      awardedBidIds: [second.bids.winner],
      notAwardedBidIds: [],
    });
    expect(await statuses(second.challengeId)).toEqual(before);
  }, 30_000);

  it('keeps the bids as they are when bidding closes or the challenge is cancelled', async () => {
    const challengeId = await insertChallenge(t, owner.orgId);
    const lead = await register(t, 'lead');
    const team = await createTeam(t, lead);
    const bid = await submitBid(t, lead, challengeId, team.id);
    await t.dataSource.query(`UPDATE challenge SET status = 'CANCELLED' WHERE id = $1`, [challengeId]);
    const cancelled = await deliver('challenge.cancelled', { challengeId, reason: '需求变更' });
    const closed = await deliver('challenge.closed', { challengeId, closedAt: new Date().toISOString() });
    expect(await handled(cancelled)).toBe(true);
    expect(await handled(closed)).toBe(true);
    expect(await statuses(challengeId)).toEqual({ [bid.id]: 'SUBMITTED' });
    const withdraw = await t.http().post(`/api/bids/${bid.id}/withdraw`).set(lead.auth).expect(409);
    expect(withdraw.body.code).toBe('CHALLENGE_CANCELLED');
  });
});
