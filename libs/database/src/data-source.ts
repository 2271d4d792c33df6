import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logging?: boolean;
  applicationName?: string;
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
    extra: { max: settings.poolSize ?? 20, options: '-c timezone=UTC' },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

const MIGRATION_LOCK = 8_675_309;

/**
 * Runs pending migrations under an advisory lock, so replicas starting together
 * do not race. The lock lives on a connection of its own, outside the pool the
 * migrations use (a pool of one would otherwise wait on itself).
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const lock = new Client({ connectionString: (dataSource.options as { url: string }).url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.end();
  }
}

/** An ILIKE pattern matching `text` anywhere, with the wildcards %, _ and \ in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
