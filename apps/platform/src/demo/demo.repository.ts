import type { EntityManager } from 'typeorm';

/**
 * The demo's own statements. apps/platform composes the services, and its demo is the one part that
 * may touch every table (test/architecture/table-owners.spec.ts): it plays the passage of time and
 * empties the database for `npm run demo:reset`. Everything else the demo does goes through the API.
 */
export class DemoRepository {
  constructor(private readonly db: EntityManager) {}

  /** What the database holds: the demo's enterprise account, and how many challenges and non-admin users. */
  async contents(demoEmail: string): Promise<{ present: boolean; challenges: number; users: number }> {
    const [row]: { present: boolean; challenges: number; users: number }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM user_account WHERE lower(email) = lower($1)) AS present,
              (SELECT count(*) FROM challenge) AS challenges,
              (SELECT count(*) FROM user_account WHERE NOT ('ADMIN' = ANY(roles))) AS users`,
      [demoEmail],
    );
    return row;
  }

  /** Bidding on these published challenges opened eight days ago and ended a second ago (database clock). */
  async endBidding(challengeIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE challenge SET opens_at = now() - interval '8 days', closes_at = now() - interval '1 second'
        WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED'`,
      [challengeIds],
    );
  }

  /** Every one of the challenges has the status (stored, not effective: the job or a consumer wrote it). */
  async allInStatus(challengeIds: string[], status: string): Promise<boolean> {
    const [row]: { ok: boolean | null }[] = await this.db.query('SELECT bool_and(status = $2) AS ok FROM challenge WHERE id = ANY($1::uuid[])', [
      challengeIds,
      status,
    ]);
    return row?.ok === true;
  }

  /** The challenge is AWARDED and bidding has settled all its open bids (evaluation.finalized reached both). */
  async awardSettled(challengeId: string): Promise<boolean> {
    const [row]: { ok: boolean | null }[] = await this.db.query(
      `SELECT c.status = 'AWARDED' AND NOT EXISTS (SELECT 1 FROM bid b WHERE b.challenge_id = c.id AND b.status IN ('SUBMITTED', 'SHORTLISTED')) AS ok
         FROM challenge c WHERE c.id = $1`,
      [challengeId],
    );
    return row?.ok === true;
  }

  /** Empties every application table (all but the migrations' own) in one statement; answers their names. */
  async truncateApplicationTables(): Promise<string[]> {
    const rows: { tablename: string }[] = await this.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migration' ORDER BY tablename`,
    );
    const tables = rows.map((r) => r.tablename);
    if (tables.length > 0) await this.db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
    return tables;
  }
}
