import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@app/database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A private copy of the migrated template database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('integration tests run through jest with the integration project');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name, template);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(adminUrl, name) };
}
