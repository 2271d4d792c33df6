import { Client, types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logging?: boolean;
  applicationName?: string;
  /** Absent (the CLIs, migrations, test setup): no bounds but the connect timeout. */
  timeouts?: DatabaseTimeouts;
}

/** How long a conversation with PostgreSQL may take before it fails (see docs/operations.md). */
export interface DatabaseTimeouts {
  /** Opening a connection, and waiting for one of the pool's when all are busy. */
  connectMs: number;
  /** The client's own bound on one query: also ends a query lost in a network stall. */
  queryMs: number;
  /** The server's bound on one statement (statement_timeout). */
  statementMs: number;
  /** The server's bound on waiting for a row or table lock (lock_timeout). */
  lockMs: number;
}

const INT8_OID = 20;

/**
 * bigint (int8) columns and counts arrive as numbers: the one place they are parsed. Amounts in fen,
 * room versions and outbox ids stay far inside Number.MAX_SAFE_INTEGER; a value beyond it is refused
 * rather than rounded.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return value;
}

const typeParsers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown => (oid === INT8_OID ? parseInt8 : types.getTypeParser(oid, format)),
};

/** Without configured timeouts a connection attempt still gives up after this long. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

function poolOptions(settings: DataSourceSettings): Record<string, unknown> {
  const timeouts = settings.timeouts;
  const server = ['-c timezone=UTC'];
  if (timeouts) server.push(`-c statement_timeout=${timeouts.statementMs}`, `-c lock_timeout=${timeouts.lockMs}`);
  return {
    max: settings.poolSize ?? 20,
    options: server.join(' '),
    connectionTimeoutMillis: timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    types: typeParsers,
    ...(timeouts ? { query_timeout: timeouts.queryMs } : {}),
  };
}

/** The one data source configuration used by every app, the tests and the migration CLI. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: settings.logging ?? false,
    applicationName: settings.applicationName ?? 'jiebang',
    extra: poolOptions(settings),
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

const MIGRATION_LOCK = 8_675_309;

/**
 * Runs pending migrations under an advisory lock, so replicas starting together
 * do not race. The lock lives on a connection of its own, outside the pool the
 * migrations use (a pool of one would otherwise wait on itself). The migrations run on a data
 * source of their own without the app's statement and query timeouts: building an index on a
 * large table may rightly take longer than any request.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const { url, applicationName } = dataSource.options as { url: string; applicationName?: string };
  const lock = new Client({ connectionString: url, connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS });
  await lock.connect();
  const migrator = createDataSource({ url, poolSize: 2, applicationName: `${applicationName ?? 'jiebang'}-migrations` });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrator.initialize();
    const applied = await migrator.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (migrator.isInitialized) await migrator.destroy();
    await lock.end();
  }
}

/** An ILIKE pattern matching `text` anywhere, with the wildcards %, _ and \ in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
