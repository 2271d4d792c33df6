import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { BidEventsService } from './bid-events.service';
import { BidQueriesService } from './bid-queries.service';
import { BidsController } from './bids.controller';
import { BidsService } from './bids.service';
import { ChallengeBidsController } from './challenge-bids.controller';

@Module({
  imports: [IdempotencyModule],
  controllers: [ChallengeBidsController, BidsController],
  providers: [BidsService, BidQueriesService, BidEventsService],
})
export class BidsModule {}
