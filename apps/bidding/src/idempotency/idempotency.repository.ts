import { EntityManager } from 'typeorm';
import type { IdempotentRequest } from './idempotency.service';

/** A key already claimed, as a retry finds it. */
export interface StoredKey {
  requestHash: string;
  state: 'IN_PROGRESS' | 'DONE';
  /** Claimed longer ago than the abandonment age the reader asked about. */
  stale: boolean;
  responseStatus: number | null;
  responseBody: unknown;
  /** The answer's body was kept (SQL NULL when it was too large; a body-less answer is JSON null). */
  kept: boolean;
}

/** The idempotency_key table. */
export class IdempotencyRepository {
  constructor(private readonly db: EntityManager) {}

  /** Claims the key IN_PROGRESS in its own statement; false if it is already claimed. */
  async claim(request: IdempotentRequest): Promise<boolean> {
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (user_id, key, scope, request_hash, state) VALUES ($1, $2, $3, $4, 'IN_PROGRESS')
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [request.userId, request.key, request.scope, request.requestHash],
    );
    return claimed.length > 0;
  }

  /** The key as stored, or null if it was released meanwhile. */
  async stored(userId: string, key: string, abandonedAfterSeconds: number): Promise<StoredKey | null> {
    const rows: {
      request_hash: string;
      state: 'IN_PROGRESS' | 'DONE';
      stale: boolean;
      response_status: number | null;
      response_body: unknown;
      kept: boolean;
    }[] = await this.db.query(
      `SELECT request_hash, state, response_status, response_body, response_body IS NOT NULL AS kept,
              created_at < now() - make_interval(secs => $3) AS stale
         FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key, abandonedAfterSeconds],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      state: row.state,
      stale: row.stale,
      responseStatus: row.response_status,
      responseBody: row.response_body,
      kept: row.kept,
    };
  }

  /** Takes over a claim still IN_PROGRESS after `abandonedAfterSeconds` (its process died); false if another retry took it first. */
  async takeOverAbandoned(userId: string, key: string, abandonedAfterSeconds: number): Promise<boolean> {
    const taken: unknown[] = await this.db.query(
      `UPDATE idempotency_key SET created_at = now()
        WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS' AND created_at < now() - make_interval(secs => $3)
        RETURNING key`,
      [userId, key, abandonedAfterSeconds],
    );
    return taken.length > 0;
  }

  /** Marks the claim DONE with its answer; `bodyJson` null stores the status without the body. */
  async storeAnswer(userId: string, key: string, status: number, bodyJson: string | null): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb
        WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
      [userId, key, status, bodyJson],
    );
  }

  async release(userId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [userId, key]);
  }

  /** Deletes up to `batch` keys claimed more than `retentionHours` ago; returns how many. */
  async pruneBatch(retentionHours: number, batch: number): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query(
      `DELETE FROM idempotency_key WHERE (user_id, key) IN (
         SELECT user_id, key FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)`,
      [retentionHours, batch],
    );
    return count;
  }
}
