import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher } from '@app/database';
import { BidAction, BidStatus, bidsDigest, DomainEvent, DomainError, transitionBid } from '@app/domain';
import { EntityManager } from 'typeorm';
import { BidRepository } from './bid.repository';

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
    const receipts = await new BidRepository(manager).activeReceipts(event.payload.challengeId);
    const digest = bidsDigest(receipts.map((r) => ({ bidId: r.bidId, revision: r.revision, hash: r.contentHash })));
    this.logger.log(`challenge ${event.payload.challengeId} closed with ${receipts.length} sealed bid(s), digest ${digest}`);
  }

  async cancelled(event: DomainEvent<'challenge.cancelled'>, manager: EntityManager): Promise<void> {
    const count = await new BidRepository(manager).countActive(event.payload.challengeId);
    this.logger.log(`challenge ${event.payload.challengeId} cancelled: ${count} bid(s) stay frozen and sealed`);
  }

  async finalized(event: DomainEvent<'evaluation.finalized'>, manager: EntityManager): Promise<void> {
    const { challengeId, awardedBidIds, notAwardedBidIds } = event.payload;
    const awarded = new Set(awardedBidIds);
    const notAwarded = new Set(notAwardedBidIds);
    const repository = new BidRepository(manager);
    const bids = await repository.lockOpenOnChallenge(challengeId);
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
        next = transitionBid(bid.status, action);
      } catch (error) {
        // A contradiction (e.g. AWARDED then listed as not awarded) is logged, not retried forever.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`evaluation.finalized ${event.id}: bid ${bid.id}: ${error.message}; left ${bid.status}`);
        continue;
      }
      await repository.setStatus(bid.id, next);
    }
  }
}
