import { Injectable } from '@nestjs/common';
import { BODY_LIMIT } from '@app/core';
import { Conflict, idempotencyDecision } from '@app/domain';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';
import { IdempotencyRepository } from './idempotency.repository';

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
  private get keys(): IdempotencyRepository {
    return new IdempotencyRepository(connectionManager(this.dataSource));
  }

  async begin(request: IdempotentRequest): Promise<IdempotencyStart> {
    const keys = this.keys;
    // Three rounds cover a claim released (deleted) between our INSERT and our SELECT.
    for (let round = 0; round < 3; round += 1) {
      if (await keys.claim(request)) return { run: true };
      const stored = await keys.stored(request.userId, request.key, ABANDONED_AFTER_SECONDS);
      if (!stored) continue;
      const decision = idempotencyDecision({ requestHash: stored.requestHash, state: stored.state, stale: stored.stale }, request.requestHash);
      if (decision === 'replay') {
        const status = stored.responseStatus ?? 200;
        if (!stored.kept) {
          throw new Conflict(
            'IDEMPOTENCY_ANSWER_NOT_KEPT',
            `The first request with this Idempotency-Key was answered ${status}, but its answer was too large to keep; read the resource instead`,
            { status },
          );
        }
        return { run: false, status, body: stored.responseBody };
      }
      if (await keys.takeOverAbandoned(request.userId, request.key, ABANDONED_AFTER_SECONDS)) return { run: true };
    }
    throw new Conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry once it has finished');
  }

  /**
   * Stores the answer (a success or a 4xx) that every retry with this key and body will get; an
   * answer over MAX_KEPT_ANSWER_BYTES is recorded without its body (SQL NULL, where a body-less one is JSON null).
   */
  async complete(request: IdempotentRequest, status: number, body: unknown): Promise<void> {
    const json = JSON.stringify(body ?? null);
    await this.keys.storeAnswer(request.userId, request.key, status, Buffer.byteLength(json) <= MAX_KEPT_ANSWER_BYTES ? json : null);
  }

  /** Forgets the keys claimed more than `retentionHours` ago, in batches; returns how many. */
  async prune(retentionHours: number): Promise<number> {
    const keys = this.keys;
    let pruned = 0;
    for (;;) {
      const count = await keys.pruneBatch(retentionHours, PRUNE_BATCH);
      pruned += count;
      if (count < PRUNE_BATCH) return pruned;
    }
  }

  /** Releases the key after an unexpected failure, so a retry runs the request again. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.keys.release(request.userId, request.key);
  }
}
