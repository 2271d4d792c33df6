import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { DatabaseModule } from '@app/database';
import { APP_CONFIG, AppConfig } from './config';
import { HttpErrorFilter } from './errors.filter';
import { HealthModule } from './health.controller';
import { loggerModule } from './logging';
import { createValidationPipe } from './validation';

export interface AppContext {
  config: AppConfig;
  /** The resolved database URL (DATABASE_URL or the embedded server's). */
  databaseUrl: string;
  /** Names this process in logs and in PostgreSQL's application_name. */
  serviceName: string;
}

/** Config, logging, database, outbox, validation, error mapping and health for every app. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(context: AppContext): DynamicModule {
    const { config } = context;
    return {
      module: CoreModule,
      imports: [
        loggerModule(config),
        DatabaseModule.forRoot({
          url: context.databaseUrl,
          poolSize: config.databasePoolSize,
          outboxPollMs: config.outboxPollMs,
          outbox: config.outbox,
          applicationName: `jiebang-${context.serviceName}`,
          timeouts: config.databaseTimeouts,
        }),
        HealthModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [APP_CONFIG, HealthModule],
    };
  }
}
