import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppContext, CoreModule } from '@app/core';
import { EVALUATION_MODULES } from './index';

/** The evaluation service on its own. */
@Module({})
export class EvaluationAppModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: EvaluationAppModule,
      imports: [CoreModule.forRoot(context), AuthModule, ...EVALUATION_MODULES],
    };
  }
}
