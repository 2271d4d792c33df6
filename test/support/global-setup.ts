import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, ensureDatabase, migrate, startEmbeddedPostgres } from '@app/database';

/**
 * Once per `npm test`: a PostgreSQL server (DATABASE_URL's, or an embedded one),
 * and a template database migrated once; each test file copies it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // A cluster of this run's own, so parallel runs never share one.
    const dir = join(tmpdir(), `jiebang-test-${runId}`);
    const cluster = await startEmbeddedPostgres(dir);
    (globalThis as { __embedded?: { dir: string; stop(): Promise<void> } }).__embedded = { dir, stop: () => cluster.stop() };
    adminUrl = cluster.adminUrl;
  }
  const template = `jiebang_test_${runId}`;
  await ensureDatabase(adminUrl, template);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 1 });
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  // A private build for tests that start apps as processes (test/support/processes.ts).
  const dist = join(process.cwd(), '.data', `test-dist-${runId}`);
  execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'build.js'), '--out', dist], { stdio: 'ignore' });
  process.env.TEST_DIST_DIR = dist;
  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}
