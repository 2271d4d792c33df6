import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { BidAdmissionMiddleware, BidWriteGate } from '../admission/bid-admission.middleware';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { BidEventsService } from './bid-events.service';
import { BidQueriesService } from './bid-queries.service';
import { BidsController } from './bids.controller';
import { BidsService } from './bids.service';
import { ChallengeBidsController } from './challenge-bids.controller';

@Module({
  imports: [IdempotencyModule],
  controllers: [ChallengeBidsController, BidsController],
  providers: [BidsService, BidQueriesService, BidEventsService, BidWriteGate],
})
export class BidsModule implements NestModule {
  /** The bid writes bound to the bidding window go through one first-come, first-served admission. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(BidAdmissionMiddleware)
      .forRoutes(
        { path: 'challenges/:id/bids', method: RequestMethod.POST },
        { path: 'bids/:id', method: RequestMethod.PUT },
        { path: 'bids/:id/withdraw', method: RequestMethod.POST },
      );
  }
}
