import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppContext, CoreModule } from '@app/core';

/** The three services' modules composed in one process on one port: the default deployment. */
@Module({})
export class PlatformModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: PlatformModule,
      imports: [CoreModule.forRoot(context), AuthModule],
    };
  }
}
