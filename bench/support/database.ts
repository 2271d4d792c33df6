import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, dropDatabase, ensureDatabase, migrate, startEmbeddedPostgres } from '@app/database';
import { Pool } from 'pg';

/** The benchmark's own database: created and migrated at the start, dropped at the end. */
export interface BenchDatabase {
  url: string;
  /** Where it runs, for the report: `DATABASE_URL` or `embedded`. */
  server: 'DATABASE_URL' | 'embedded';
  postgresVersion: string;
  /** A small pool for fixtures and counts (the services under test have pools of their own). */
  pool: Pool;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database `jiebang_bench_<timestamp>` on DATABASE_URL's server when it is set, else on an
 * embedded PostgreSQL in a temporary directory; migrated with the project's own migrations.
 */
export async function prepareDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const name = `jiebang_bench_${Date.now()}`;
  let adminUrl = process.env.DATABASE_URL;
  let stopServer = async () => undefined;
  let server: BenchDatabase['server'] = 'DATABASE_URL';
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'jiebang-bench-'));
    log(`starting an embedded PostgreSQL in ${dir}`);
    const cluster = await startEmbeddedPostgres(dir);
    adminUrl = cluster.adminUrl;
    server = 'embedded';
    stopServer = async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const serverUrl = adminUrl;
  await ensureDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  log(`database ${name} migrated (${server})`);
  const pool = new Pool({ connectionString: url, max: 4, options: '-c timezone=UTC' });
  const [{ server_version: postgresVersion }] = (await pool.query<{ server_version: string }>('SHOW server_version')).rows;
  return {
    url,
    server,
    postgresVersion,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(serverUrl, name);
      await stopServer();
    },
  };
}
