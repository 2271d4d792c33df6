/** `npm run admin:create -- <email> <password> [display name]`: creates or promotes a platform admin. */
import { resolve } from 'node:path';
import { createDataSource, migrate, resolveDatabase } from '@app/database';
import { ensureAdmin } from './admin';

async function main(): Promise<void> {
  const [email, password, ...name] = process.argv.slice(2);
  if (!email || !password) throw new Error('usage: npm run admin:create -- <email> <password> [display name]');
  const database = await resolveDatabase(process.env.DATABASE_URL || null, resolve(process.env.DATA_DIR || '.data'), console.log);
  const dataSource = createDataSource({ url: database.url, poolSize: 1, applicationName: 'jiebang-admin-cli' });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    const outcome = await ensureAdmin(dataSource, email, password, name.join(' ') || undefined);
    console.log(`admin ${email}: ${outcome}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
