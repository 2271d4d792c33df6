import { Injectable } from '@nestjs/common';
import { BODY_LIMIT } from '@app/core';
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
 * The largest answer kept for replay, in bytes of JSON: as large as a request may be, so every answer
 * of a valid request is kept (error answers are a few KB). A larger one is recorded by its status only.
 */
export const MAX_KEPT_ANSWER_BYTES = BODY_LIMIT;

/** Keys deleted per statement when pruning, so no statement holds many row locks for long. */
const PRUNE_BATCH = 1000;

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
        [request.userId, request.key, ABANDONED_AFTER_SECONDS],
      );
      const stored = rows[0];
      if (!stored) continue;
      const decision = idempotencyDecision({ requestHash: stored.request_hash, state: stored.state, stale: stored.stale }, request.requestHash);
      if (decision === 'replay') {
        const status = stored.response_status ?? 200;
        if (!stored.kept) {
          throw new Conflict(
            'IDEMPOTENCY_ANSWER_NOT_KEPT',
            `The first request with this Idempotency-Key was answered ${status}, but its answer was too large to keep; read the resource instead`,
            { status },
          );
        }
        return { run: false, status, body: stored.response_body };
      }
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

  /**
   * Stores the answer (a success or a 4xx) that every retry with this key and body will get; an
   * answer over MAX_KEPT_ANSWER_BYTES is recorded without its body (SQL NULL, where a body-less one is JSON null).
   */
  async complete(request: IdempotentRequest, status: number, body: unknown): Promise<void> {
    const json = JSON.stringify(body ?? null);
    await this.db.query(
      `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb
        WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
      [request.userId, request.key, status, Buffer.byteLength(json) <= MAX_KEPT_ANSWER_BYTES ? json : null],
    );
  }

  /** Forgets the keys claimed more than `retentionHours` ago, in batches; returns how many. */
  async prune(retentionHours: number): Promise<number> {
    let pruned = 0;
    for (;;) {
      const [, count]: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM idempotency_key WHERE (user_id, key) IN (
           SELECT user_id, key FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)`,
        [retentionHours, PRUNE_BATCH],
      );
      pruned += count;
      if (count < PRUNE_BATCH) return pruned;
    }
  }

  /** Releases the key after an unexpected failure, so a retry runs the request again. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [
      request.userId,
      request.key,
    ]);
  }
}
