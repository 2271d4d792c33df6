import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { quoteIdent } from '@app/database';

/** Drops the template and every database this run created, then stops the embedded server. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (adminUrl && template) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`,
      [`${template}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    await client.end();
  }
  if (process.env.TEST_DIST_DIR) rmSync(process.env.TEST_DIST_DIR, { recursive: true, force: true });
  const embedded = (globalThis as { __embedded?: { dir: string; stop(): Promise<void> } }).__embedded;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
