/**
 * Migration CLI: `npm run migration:run | migration:revert | migration:show | migration:generate -- Name`.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default ./.data).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveDatabase } from './connect';
import { createDataSource, migrate } from './data-source';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const database = await resolveDatabase(process.env.DATABASE_URL || null, resolve(process.env.DATA_DIR || '.data'), (line) =>
    console.log(line),
  );
  const dataSource = createDataSource({ url: database.url, poolSize: 2, applicationName: 'jiebang-migrations' });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await migrate(dataSource);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'show':
        console.log((await dataSource.showMigrations()) ? 'migrations are pending' : 'the schema is up to date');
        break;
      case 'generate':
        generate(name, await dataSource.driver.createSchemaBuilder().log());
        break;
      default:
        throw new Error('usage: cli run | revert | show | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

interface Query {
  query: string;
  parameters?: unknown[];
}

function generate(name: string | undefined, sql: { upQueries: Query[]; downQueries: Query[] }): void {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('generate needs a PascalCase name');
  if (sql.upQueries.length === 0) {
    console.log('no changes: the entities match the schema');
    return;
  }
  const stamp = Date.now();
  const lines = (queries: Query[]) =>
    queries
      .map((q) => `    await queryRunner.query(\`${q.query.trim()}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`)
      .join('\n');
  const file = join(__dirname.replace(/dist[\\/]/, ''), 'migrations', `${stamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
  );
  console.log(`wrote ${file}; add it to migrations/index.ts`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
