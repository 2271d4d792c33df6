import { Injectable } from '@nestjs/common';
import { Conflict, idempotencyDecision } from '@app/domain';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';

export interface IdempotentRequest {
  userId: string;
  key: string;
  /** The route, e.g. `POST /api/challenges/:id/bids`. */
  scope: string;
  requestHash: string;
}

export type IdempotencyStart = { run: true } | { run: false; status: number; body: unknown };

/** A request still IN_PROGRESS after this long was abandoned (its process died): a retry takes the key over. */
export const ABANDONED_AFTER_SECONDS = 300;

/**
 * The idempotency_key table. A key is claimed (IN_PROGRESS) in its own short statement before
 * the use case runs, so a concurrent retry sees it at once; the answer is stored (DONE) after.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /** The request's own connection when the interceptor holds one (it does), else the pool. */
  private get db() {
    return connectionManager(this.dataSource);
  }

  async begin(request: IdempotentRequest): Promise<IdempotencyStart> {
    // Three rounds cover a claim released (deleted) between our INSERT and our SELECT.
    for (let round = 0; round < 3; round += 1) {
      const claimed: unknown[] = await this.db.query(
        `INSERT INTO idempotency_key (user_id, key, scope, request_hash, state) VALUES ($1, $2, $3, $4, 'IN_PROGRESS')
         ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
        [request.userId, request.key, request.scope, request.requestHash],
      );
      if (claimed.length > 0) return { run: true };
      const rows: { request_hash: string; state: 'IN_PROGRESS' | 'DONE'; stale: boolean; response_status: number | null; response_body: unknown }[] =
        await this.db.query(
          `SELECT request_hash, state, response_status, response_body,
                  created_at < now() - make_interval(secs => $3) AS stale
             FROM idempotency_key WHERE user_id = $1 AND key = $2`,
          [request.userId, request.key, ABANDONED_AFTER_SECONDS],
        );
      const stored = rows[0];
      if (!stored) continue;
      const decision = idempotencyDecision({ requestHash: stored.request_hash, state: stored.state, stale: stored.stale }, request.requestHash);
      if (decision === 'replay') return { run: false, status: stored.response_status ?? 200, body: stored.response_body };
      const taken: unknown[] = await this.db.query(
        `UPDATE idempotency_key SET created_at = now()
          WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS' AND created_at < now() - make_interval(secs => $3)
          RETURNING key`,
        [request.userId, request.key, ABANDONED_AFTER_SECONDS],
      );
      if (taken.length > 0) return { run: true };
    }
    throw new Conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry once it has finished');
  }

  /** Stores the answer (a success or a 4xx) that every retry with this key and body will get. */
  async complete(request: IdempotentRequest, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb
        WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
      [request.userId, request.key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Releases the key after an unexpected failure, so a retry runs the request again. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [
      request.userId,
      request.key,
    ]);
  }
}
