/**
 * `npm run demo:reset`: empties the database the platform uses (DATABASE_URL, or the embedded
 * PostgreSQL under DATA_DIR) and loads the demo marketplace again, by starting the platform app
 * in-process (without listening) so that the same loader as `npm start` builds it through the API.
 * Refuses to run with NODE_ENV=production. Stop `npm start` first: an embedded database is used by
 * one process at a time.
 */
import { adminLogin, AppConfig, AppContext, ConfigError, createApp, loadConfig } from '@app/core';
import { createDataSource, migrate, resolveDatabase } from '@app/database';
import { configureEvaluation } from '@app/evaluation';
import { PlatformModule } from '../platform.module';
import { demoAnnouncement, demoReport } from './demo-report';
import { DemoRepository } from './demo.repository';

/** Empties every application table (all but the migrations' own) in one statement. */
export async function truncateApplicationTables(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2, applicationName: 'jiebang-demo-reset' });
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    return await new DemoRepository(dataSource.manager).truncateApplicationTables();
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    console.error('demo:reset refuses to run with NODE_ENV=production: it empties the whole database');
    return 1;
  }
  let config: AppConfig;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DEMO_DATA: 'true' });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const started = Date.now();
  const database = await resolveDatabase(config.databaseUrl, config.dataDir, (line) => console.log(line));
  try {
    const tables = await truncateApplicationTables(database.url);
    console.log(`emptied ${tables.length} tables of ${config.databaseUrl ? 'the DATABASE_URL database' : `the embedded database in ${config.dataDir}`}`);
    const context: AppContext = { config, databaseUrl: database.url, serviceName: 'demo-reset' };
    const app = await createApp(PlatformModule.forRoot(context), config, { title: 'demo reset', description: 'demo reset' }, configureEvaluation);
    try {
      await app.init(); // the demo loader runs in the bootstrap hooks
    } finally {
      await app.close();
    }
    const report = demoReport(context);
    console.log(
      [
        ...demoAnnouncement(report, { resetHint: false }),
        ...(config.admin ? [`  Admin: ${adminLogin(config.admin)}`] : []),
        `  Reset in ${((Date.now() - started) / 1000).toFixed(1)} s; run npm start to serve it.`,
      ].join('\n'),
    );
    return report?.state === 'loaded' ? 0 : 1;
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`demo:reset failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
