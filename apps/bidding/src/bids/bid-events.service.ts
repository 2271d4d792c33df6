import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { BidEntity, OutboxDispatcher } from '@app/database';
import { BidAction, BidStatus, bidsDigest, DomainEvent, DomainError, transitionBid } from '@app/domain';
import { EntityManager, In } from 'typeorm';
import { bidStatus } from './bid.views';

export const BIDDING_CONSUMER = 'bidding';

/**
 * What bidding does when other services move a challenge on. Every handler runs in the
 * dispatcher's transaction and is idempotent: a repeated event finds the bids already moved.
 *
 * - challenge.closed: nothing to store (every check reads the database clock, so bids froze at
 *   closesAt whether or not this event has arrived); logs the digest the bids froze with.
 * - challenge.cancelled: bids stay as they are, frozen (the challenge is no longer PUBLISHED,
 *   so submit, revise and withdraw answer CHALLENGE_CANCELLED) and sealed for good.
 * - evaluation.finalized: awarded bids AWARDED; the other bids of the room, and any bid still
 *   SUBMITTED (never shortlisted), NOT_AWARDED.
 */
@Injectable()
export class BidEventsService implements OnModuleInit {
  private readonly logger = new Logger(BidEventsService.name);

  constructor(private readonly dispatcher: OutboxDispatcher) {}

  onModuleInit(): void {
    this.dispatcher.subscribe(BIDDING_CONSUMER, 'challenge.closed', (event, manager) => this.closed(event, manager));
    this.dispatcher.subscribe(BIDDING_CONSUMER, 'challenge.cancelled', (event, manager) => this.cancelled(event, manager));
    this.dispatcher.subscribe(BIDDING_CONSUMER, 'evaluation.finalized', (event, manager) => this.finalized(event, manager));
  }

  async closed(event: DomainEvent<'challenge.closed'>, manager: EntityManager): Promise<void> {
    const rows: { id: string; revision: number; content_hash: string }[] = await manager.query(
      `SELECT id, revision, content_hash FROM bid WHERE challenge_id = $1 AND status <> 'WITHDRAWN'`,
      [event.payload.challengeId],
    );
    const digest = bidsDigest(rows.map((r) => ({ bidId: r.id, revision: r.revision, hash: r.content_hash })));
    this.logger.log(`challenge ${event.payload.challengeId} closed with ${rows.length} sealed bid(s), digest ${digest}`);
  }

  async cancelled(event: DomainEvent<'challenge.cancelled'>, manager: EntityManager): Promise<void> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM bid WHERE challenge_id = $1 AND status <> 'WITHDRAWN'`,
      [event.payload.challengeId],
    );
    this.logger.log(`challenge ${event.payload.challengeId} cancelled: ${count} bid(s) stay frozen and sealed`);
  }

  async finalized(event: DomainEvent<'evaluation.finalized'>, manager: EntityManager): Promise<void> {
    const { challengeId, awardedBidIds, notAwardedBidIds } = event.payload;
    const awarded = new Set(awardedBidIds);
    const notAwarded = new Set(notAwardedBidIds);
    const bids = await manager.find(BidEntity, {
      where: { challengeId, status: In([BidStatus.SUBMITTED, BidStatus.SHORTLISTED, BidStatus.AWARDED, BidStatus.NOT_AWARDED]) },
      lock: { mode: 'pessimistic_write' },
      order: { id: 'ASC' },
    });
    const known = new Set(bids.map((b) => b.id));
    for (const id of [...awarded, ...notAwarded].filter((bidId) => !known.has(bidId))) {
      this.logger.warn(`evaluation.finalized ${event.id}: bid ${id} is not an open bid of challenge ${challengeId}; ignored`);
    }
    for (const bid of bids) {
      const action: BidAction | null = awarded.has(bid.id)
        ? 'award'
        : notAwarded.has(bid.id) || bid.status === BidStatus.SUBMITTED
          ? 'notAward'
          : null;
      if (!action) continue;
      const target = action === 'award' ? BidStatus.AWARDED : BidStatus.NOT_AWARDED;
      if (bid.status === target) continue;
      let next: BidStatus;
      try {
        next = transitionBid(bidStatus(bid.status), action);
      } catch (error) {
        // A contradiction (e.g. AWARDED then listed as not awarded) is logged, not retried forever.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`evaluation.finalized ${event.id}: bid ${bid.id}: ${error.message}; left ${bid.status}`);
        continue;
      }
      await manager.update(BidEntity, { id: bid.id }, { status: next });
    }
  }
}
