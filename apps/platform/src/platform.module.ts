import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppContext, CoreModule } from '@app/core';
import { WebClientModule } from './web-client.module';
import { BiddingModule } from '@app/bidding';
import { ChallengesModule } from '@app/challenges';
import { EVALUATION_MODULES } from '@app/evaluation';
import { DemoModule } from './demo/demo.module';

/** The three services' modules composed in one process on one port: the default deployment. */
@Module({})
export class PlatformModule {
  /** `webDist`: where the built web client is (apps/web/dist by default). */
  static forRoot(context: AppContext, options: { webDist?: string } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CoreModule.forRoot(context),
        AuthModule,
        ChallengesModule,
        BiddingModule,
        ...EVALUATION_MODULES,
        WebClientModule.forRoot(options.webDist),
        // The demo marketplace, loaded into an empty database at start (DEMO_DATA, default true outside production).
        ...(context.config.demoData ? [DemoModule.forRoot(context)] : []),
      ],
    };
  }
}
