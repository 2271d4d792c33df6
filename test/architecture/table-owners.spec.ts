import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES, TABLE_OWNERS, TableName } from '@app/database';

/**
 * "Each service writes only its own tables" (docs/development.md), checked on the source: SQL and
 * TypeORM data calls live only in repositories (`*.repository.ts`) and read ports (`*.reads.ts`);
 * a repository writes only its owner's tables (TABLE_OWNERS); a read port writes nothing.
 */

const root = join(__dirname, '..', '..');

/**
 * Plumbing below the repositories: statements to the server, not to a table of the product. Each
 * file may send only the statements its pattern allows.
 */
const PLUMBING: Record<string, RegExp> = {
  'libs/database/src/data-source.ts': /^'SELECT pg_advisory_lock\(/, // the migrations' lock
  'libs/database/src/embedded.ts': /^(?:'SELECT 1'|'SELECT 1 FROM pg_database|`CREATE DATABASE|`DROP DATABASE)/, // the embedded server's databases
  'libs/database/src/cli.ts': /^\\`\$\{q\.query\.trim/, // prints a generated migration
  'libs/database/src/outbox/outbox.ts': /^`LISTEN /, // the outbox's wake-up channel
  'libs/core/src/health.controller.ts': /^'SELECT 1'/, // the readiness probe
  'apps/platform/src/demo/demo-loader.ts': /^`SELECT pg_advisory_lock\(/, // loads the demo once
};

/**
 * apps/platform composes the services; its demo (a newcomer's data, `npm run demo:reset`) is the one
 * part allowed to write every table, through its own repository. Nothing of it runs with demo data off.
 */
const COMPOSITION_ROOT = 'apps/platform/src/demo/';

const DATA_CALL =
  /\b(?:manager|db|em|dataSource|queryRunner|runner|lock|client|connection)\.(query|find\w*|insert|update|upsert|save|delete|remove|count\w*|exist\w*|createQueryBuilder|getRepository|increment|decrement)\(/g;
const TYPEORM_WRITE = /\.(?:insert|update|upsert|save|delete|remove|increment|decrement|getRepository)\(\s*(\w+Entity)\b/g;
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?([a-z_]+)"?/g;
const LOCK_FOR_UPDATE = /\bFROM\s+([a-z_]+)\b[^`'"]*?\bFOR\s+(?:NO\s+KEY\s+)?UPDATE\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

const files = ['apps', 'libs']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => relative(root, path).split('\\').join('/'))
  .filter((path) => !path.startsWith('apps/web/'));

const ownerOf = (path: string): string => path.split('/').slice(0, 2).join('/');

const tableOfEntity = new Map(
  getMetadataArgsStorage()
    .tables.filter((table) => typeof table.target === 'function' && table.name)
    .map((table) => [(table.target as { name: string }).name, table.name as string]),
);

function writtenTables(source: string): string[] {
  const tables = new Set<string>();
  for (const [, entity] of source.matchAll(TYPEORM_WRITE)) tables.add(tableOfEntity.get(entity) ?? `<unknown entity ${entity}>`);
  for (const [, table] of source.matchAll(SQL_WRITE)) if (table in TABLE_OWNERS) tables.add(table);
  for (const [, table] of source.matchAll(LOCK_FOR_UPDATE)) if (table in TABLE_OWNERS) tables.add(table);
  return [...tables].sort();
}

const isPort = (path: string): boolean => /\.(repository|reads)\.ts$/.test(path);

describe('table owners', () => {
  it('names an owner for every table an entity maps', () => {
    const mapped = ENTITIES.map((entity) => tableOfEntity.get(entity.name));
    expect(mapped.filter((table) => !(table && table in TABLE_OWNERS))).toEqual([]);
  });

  it('finds the repositories it checks (the scan is not empty)', () => {
    expect(files.filter((path) => path.endsWith('.repository.ts')).length).toBeGreaterThan(10);
  });

  it('keeps SQL and TypeORM data calls inside repositories and read ports', () => {
    const offenders = files
      .filter((path) => !isPort(path))
      .flatMap((path) => {
        const source = readFileSync(join(root, path), 'utf8');
        const allowed = PLUMBING[path];
        return [...source.matchAll(DATA_CALL)]
          .filter((match) => !allowed?.test(source.slice((match.index ?? 0) + match[0].length)))
          .map((match) => `${path}: ${match[0]}`);
      });
    expect(offenders).toEqual([]);
  });

  it('lets each repository write only its owner’s tables', () => {
    const foreign = files
      .filter((path) => path.endsWith('.repository.ts') && !path.startsWith(COMPOSITION_ROOT))
      .flatMap((path) =>
        writtenTables(readFileSync(join(root, path), 'utf8'))
          .filter((table) => TABLE_OWNERS[table as TableName] !== ownerOf(path))
          .map((table) => `${path} writes ${table} (owned by ${TABLE_OWNERS[table as TableName] ?? 'nobody'})`),
      );
    expect(foreign).toEqual([]);
  });

  it('lets a read port write nothing', () => {
    const writes = files
      .filter((path) => path.endsWith('.reads.ts'))
      .flatMap((path) => writtenTables(readFileSync(join(root, path), 'utf8')).map((table) => `${path} writes ${table}`));
    expect(writes).toEqual([]);
  });

  it('recognises a foreign write when it sees one', () => {
    expect(writtenTables("await this.db.update(BidEntity, { id }, { status })")).toEqual(['bid']);
    expect(writtenTables('UPDATE challenge SET status = $2 WHERE id = $1')).toEqual(['challenge']);
    expect(writtenTables('SELECT id FROM team WHERE id = $1 FOR UPDATE')).toEqual(['team']);
    expect(writtenTables('SELECT 1 FROM challenge WHERE id = $1 FOR SHARE')).toEqual([]);
    expect('await manager.query(`SELECT 1`)'.match(DATA_CALL)).toHaveLength(1);
  });
});
