import { randomBytes } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from '@app/auth';
import { AppContext, AppConfig, ConfigureApp, CoreModule, createApp, loadConfig } from '@app/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './database';
import { UNLIMITED } from './limits';

export const TEST_ADMIN = { email: 'admin@test.jiebang.local', password: 'admin-password-1' };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** A supertest client bound to the app. */
  http: () => ReturnType<typeof request>;
  /** Base URL when started with `listen: true` (sockets, separate clients). */
  url: string;
  close(): Promise<void>;
}

@Module({})
class AuthOnlyModule {}

/** An app of libs/auth alone (users, organisations, sessions), for its own tests. */
export const authOnlyModule = (context: AppContext): DynamicModule => ({
  module: AuthOnlyModule,
  imports: [CoreModule.forRoot(context), AuthModule],
});

export interface TestAppOptions {
  module: (context: AppContext) => DynamicModule;
  env?: Record<string, string>;
  /** Listen on a free port (needed for socket.io clients). */
  listen?: boolean;
  /** Reuse another app's database (two instances of a service in one test). */
  database?: TestDatabase;
  serviceName?: string;
  /** The service's own app setup, as its main.ts passes it (e.g. the socket.io adapter). */
  configure?: ConfigureApp;
}

/** Starts an app exactly as main.ts does, on a private copy of the migrated template database. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp & { database: TestDatabase }> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    DATA_DIR: `/tmp/jiebang-test-${randomBytes(4).toString('hex')}`,
    // The per-address and per-user limits are out of the way of tests that act fast as one user;
    // the specs of the limits set them low themselves.
    ...UNLIMITED,
    OUTBOX_POLL_MS: '200',
    CLOSE_JOB_INTERVAL_MS: '200',
    DEMO_DATA: 'false',
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.env,
  });
  const context: AppContext = { config, databaseUrl: database.url, serviceName: options.serviceName ?? 'test' };
  const app = await createApp(options.module(context), config, { title: 'test', description: 'test' }, options.configure);
  let url = '';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  const ownsDatabase = !options.database;
  return {
    app,
    config,
    database,
    url,
    dataSource: app.get(DataSource),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (ownsDatabase) await database.drop();
    },
  };
}
