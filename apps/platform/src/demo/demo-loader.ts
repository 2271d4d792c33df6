import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { TokenService } from '@app/auth';
import { APP_CONFIG, AppConfig, AppContext } from '@app/core';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// The room commands are not exported by @app/evaluation (only its HTTP and socket API are public), and
// the live room has no HTTP route: the demo calls the service its socket gateway calls, in-process.
import { LiveScoringService, RoomVerdictService } from '@app/evaluation';
import { DEMO_ENTERPRISE_EMAIL } from './demo-data';
import { DemoHttp } from './demo-http';
import { DemoReport, recordDemoReport } from './demo-report';
import { DemoRepository } from './demo.repository';
import { DemoSeeder } from './demo-seed';

export const DEMO_CONTEXT = Symbol('DEMO_CONTEXT');

/** Serialises demo loading across instances starting on the same database at once. */
const DEMO_LOCK_SQL = `hashtextextended('jiebang:demo-data', 0)`;

/**
 * Loads the demo marketplace into an empty database at start. Runs in onApplicationBootstrap, i.e.
 * after the migrations (runService migrates before listen/init) and, since DemoModule imports every
 * feature module, after their own bootstrap hooks (admin account, outbox dispatcher, close job):
 * Nest runs the hooks of deeper modules first. The app listens once the demo is there.
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoLoader.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEMO_CONTEXT) private readonly context: AppContext,
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.ensureDemo();
    recordDemoReport(this.context, report);
    if (report.state === 'loaded') this.logger.log(`demo marketplace loaded in ${report.ms} ms`);
    if (report.state === 'skipped') this.logger.log(`demo marketplace not loaded: ${report.reason}`);
    if (report.state === 'failed') this.logger.error(`demo marketplace failed to load: ${report.error} (npm run demo:reset rebuilds it)`);
  }

  /** Loads the demo when the database is empty (no challenge, no user but admins); says what it found. */
  async ensureDemo(): Promise<DemoReport> {
    // The lock lives on a connection of its own, outside the pool the demo's requests use.
    const lock = new Client({ connectionString: this.context.databaseUrl });
    lock.on('error', (error) => this.logger.warn(`demo lock connection: ${error.message}`));
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(${DEMO_LOCK_SQL})`);
      // Read on the pool: the advisory lock is held by the session above until this load is done.
      const found = await new DemoRepository(this.dataSource.manager).contents(DEMO_ENTERPRISE_EMAIL);
      if (found.present) return { state: 'present' };
      if (found.challenges > 0 || found.users > 0) return { state: 'skipped', reason: 'the database already holds other data' };
      if (!this.config.admin) return { state: 'skipped', reason: 'no admin account (set ADMIN_EMAIL and ADMIN_PASSWORD)' };
      const started = Date.now();
      const http = await DemoHttp.open(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
      try {
        await new DemoSeeder({
          http,
          dataSource: this.dataSource,
          scoring: this.moduleRef.get(LiveScoringService, { strict: false }),
          verdict: this.moduleRef.get(RoomVerdictService, { strict: false }),
          verifyToken: (token) => this.tokens.verifyAccess(token),
          config: this.config,
          admin: this.config.admin,
        }).run();
      } catch (error) {
        return { state: 'failed', error: error instanceof Error ? error.message : String(error) };
      } finally {
        await http.close();
      }
      return { state: 'loaded', ms: Date.now() - started };
    } finally {
      // Ending the session releases the advisory lock.
      await lock.end();
    }
  }
}
