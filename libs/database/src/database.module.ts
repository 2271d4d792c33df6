import {
  DynamicModule,
  Global,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseTimeouts, dataSourceOptions } from './data-source';
import { OutboxDispatcher } from './outbox/outbox';

export interface DatabaseModuleOptions {
  url: string;
  poolSize: number;
  outboxPollMs: number;
  outbox: { maxAttempts: number; retentionHours: number };
  applicationName: string;
  timeouts: DatabaseTimeouts;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** Starts delivering outbox events once every module has subscribed its handlers. */
@Injectable()
class OutboxLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly dispatcher: OutboxDispatcher) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: options.url,
            poolSize: options.poolSize,
            applicationName: options.applicationName,
            timeouts: options.timeouts,
          }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: OutboxDispatcher,
          inject: [DataSource, DATABASE_OPTIONS],
          useFactory: (dataSource: DataSource, opts: DatabaseModuleOptions) =>
            new OutboxDispatcher(dataSource, {
              connectionString: opts.url,
              pollIntervalMs: opts.outboxPollMs,
              maxAttempts: opts.outbox.maxAttempts,
              retentionMs: opts.outbox.retentionHours * 3_600_000,
            }),
        },
        OutboxLifecycle,
      ],
      exports: [OutboxDispatcher, DATABASE_OPTIONS],
    };
  }
}
