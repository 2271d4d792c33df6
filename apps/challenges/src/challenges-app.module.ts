import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppContext, CoreModule } from '@app/core';
import { ChallengesModule } from './challenges/challenges.module';

/** The challenges service on its own. */
@Module({})
export class ChallengesAppModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: ChallengesAppModule,
      imports: [CoreModule.forRoot(context), AuthModule, ChallengesModule],
    };
  }
}
