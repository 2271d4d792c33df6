import { EntityManager } from 'typeorm';

/** The per-user counts behind the caps (see assertBelowCap); the statement counting comes from the owner of what is counted. */
export class CapRepository {
  constructor(private readonly db: EntityManager) {}

  /** Takes the transaction's advisory lock on `key`, so parallel creations under one cap run one after another. */
  async lock(key: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  /** Runs the owner's counting statement (answering `n`). */
  async count(statement: string, params: unknown[]): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(statement, params);
    return n;
  }
}
