import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppContext, CoreModule } from '@app/core';
import { BiddingModule } from './bidding.module';

/** The bidding service on its own. */
@Module({})
export class BiddingAppModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: BiddingAppModule,
      imports: [CoreModule.forRoot(context), AuthModule, BiddingModule],
    };
  }
}
