import { Module } from '@nestjs/common';
import { BidsModule } from './bids/bids.module';
import { TeamsModule } from './teams/teams.module';

/** The bidding service's feature modules: composed by bidding-app.module.ts and by apps/platform. */
@Module({
  imports: [TeamsModule, BidsModule],
})
export class BiddingModule {}
