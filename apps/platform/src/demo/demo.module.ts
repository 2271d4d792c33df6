import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { BiddingModule } from '@app/bidding';
import { ChallengesModule } from '@app/challenges';
import type { AppContext } from '@app/core';
import { EVALUATION_MODULES } from '@app/evaluation';
import { DEMO_CONTEXT, DemoLoader } from './demo-loader';

/**
 * The demo marketplace, imported by the platform only when config.demoData is true. It imports the
 * feature modules it drives so that they are deeper in the module graph: Nest runs their
 * onApplicationBootstrap hooks (admin account, outbox, close job) before the loader's.
 */
@Module({})
export class DemoModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: DemoModule,
      imports: [AuthModule, ChallengesModule, BiddingModule, ...EVALUATION_MODULES],
      providers: [{ provide: DEMO_CONTEXT, useValue: context }, DemoLoader],
    };
  }
}
