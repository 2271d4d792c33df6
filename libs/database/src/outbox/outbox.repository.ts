import type { DomainEventType } from '@app/domain';
import type { EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'outbox_event';

/** An event as the dispatcher reads it; its id (bigserial) is kept as text, an identifier and not a quantity. */
export interface StoredEvent {
  id: string;
  type: DomainEventType;
  payload: unknown;
  occurredAt: Date;
}

/** One consumer's outbox, as GET /api/admin/outbox reports it. */
export interface OutboxConsumerStats {
  consumer: string;
  /** Events this consumer has handled that are still kept (handled events older than the retention are pruned). */
  handled: number;
  /** Events of its types it has not handled yet, dead letters excluded. */
  pending: number;
  /** Of the pending, those that failed at least once and wait for their next attempt. */
  retrying: number;
  dead: number;
  /** When the oldest pending event was written (null: nothing pending). */
  oldestPendingAt: string | null;
}

export interface DeadLetter {
  consumer: string;
  eventId: string;
  type: string;
  occurredAt: string;
  attempts: number;
  lastError: string;
  deadAt: string;
}

/** How a failed attempt is counted and when the next one is due. */
export interface FailurePolicy {
  /** The first retry's delay; each later one doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed attempts after which the event is dead-lettered for its consumer. */
  maxAttempts: number;
}

/** Not handled by `consumer` and not waiting for a retry or dead: the pending events of one consumer, in SQL. */
const UNHANDLED_BY = (consumer: string, event: string) =>
  `NOT EXISTS (SELECT 1 FROM outbox_consumption k WHERE k.consumer = ${consumer} AND k.event_id = ${event}.id)`;
const DEAD_FOR = (consumer: string, event: string) =>
  `EXISTS (SELECT 1 FROM outbox_failure d WHERE d.consumer = ${consumer} AND d.event_id = ${event}.id AND d.dead_at IS NOT NULL)`;

/** The outbox's tables: events, consumers, what each consumer handled and what failed. */
export class OutboxRepository {
  constructor(private readonly db: EntityManager) {}

  /** Writes the event in the caller's transaction and the NOTIFY that is delivered only if it commits. */
  async append(type: DomainEventType, payload: unknown): Promise<string> {
    const [row]: { id: string }[] = await this.db.query('INSERT INTO outbox_event (type, payload) VALUES ($1, $2) RETURNING id::text AS id', [
      type,
      JSON.stringify(payload),
    ]);
    await this.db.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, type]);
    return row.id;
  }

  /** Records a consumer of this process and its types: pruning waits for every consumer that ever ran. */
  async registerConsumer(consumer: string, types: DomainEventType[]): Promise<void> {
    await this.db.query(
      `INSERT INTO outbox_consumer (name, types, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET types = EXCLUDED.types, seen_at = now()`,
      [consumer, types],
    );
  }

  /** Deletes the events older than `retentionMs` that every registered consumer of their type handled or dead-lettered. */
  async prune(retentionMs: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.query(
      `DELETE FROM outbox_event e
        WHERE e.occurred_at < now() - $1 * interval '1 millisecond'
          AND NOT EXISTS (SELECT 1 FROM outbox_consumer c WHERE e.type = ANY(c.types) AND ${UNHANDLED_BY('c.name', 'e')} AND NOT ${DEAD_FOR('c.name', 'e')})`,
      [retentionMs],
    );
    return deleted;
  }

  async stats(): Promise<OutboxConsumerStats[]> {
    const rows: { consumer: string; handled: number; pending: number; retrying: number; dead: number; oldestPendingAt: Date | null }[] =
      await this.db.query(
        `SELECT c.name AS consumer,
                (SELECT count(*) FROM outbox_consumption k WHERE k.consumer = c.name) AS handled,
                count(e.id) AS pending,
                count(e.id) FILTER (WHERE f.event_id IS NOT NULL) AS retrying,
                (SELECT count(*) FROM outbox_failure d WHERE d.consumer = c.name AND d.dead_at IS NOT NULL) AS dead,
                min(e.occurred_at) AS "oldestPendingAt"
           FROM outbox_consumer c
           LEFT JOIN outbox_event e ON e.type = ANY(c.types) AND ${UNHANDLED_BY('c.name', 'e')} AND NOT ${DEAD_FOR('c.name', 'e')}
           LEFT JOIN outbox_failure f ON f.consumer = c.name AND f.event_id = e.id
          GROUP BY c.name ORDER BY c.name`,
      );
    return rows.map((row) => ({ ...row, oldestPendingAt: row.oldestPendingAt ? row.oldestPendingAt.toISOString() : null }));
  }

  /** Dead letters, newest first. */
  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const rows: (Omit<DeadLetter, 'occurredAt' | 'deadAt'> & { occurredAt: Date; deadAt: Date })[] = await this.db.query(
      `SELECT f.consumer, f.event_id::text AS "eventId", e.type, e.occurred_at AS "occurredAt", f.attempts,
              f.last_error AS "lastError", f.dead_at AS "deadAt"
         FROM outbox_failure f JOIN outbox_event e ON e.id = f.event_id
        WHERE f.dead_at IS NOT NULL ORDER BY f.dead_at DESC, f.event_id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString(), deadAt: row.deadAt.toISOString() }));
  }

  /** Gives a dead letter a fresh set of attempts, due at once; false when there is no such dead letter. */
  async revive(consumer: string, eventId: string): Promise<boolean> {
    const [, updated]: [unknown, number] = await this.db.query(
      `UPDATE outbox_failure SET attempts = 0, dead_at = NULL, next_attempt_at = now()
        WHERE consumer = $1 AND event_id = $2 AND dead_at IS NOT NULL`,
      [consumer, eventId],
    );
    return updated > 0;
  }

  /** The consumer's next events of its types, oldest first: not handled, not dead, not waiting for a retry. */
  pending(consumer: string, types: DomainEventType[], limit: number): Promise<StoredEvent[]> {
    return this.db.query(
      `SELECT e.id::text AS id, e.type, e.payload, e.occurred_at AS "occurredAt" FROM outbox_event e
        WHERE e.type = ANY($2) AND ${UNHANDLED_BY('$1', 'e')}
          AND NOT EXISTS (SELECT 1 FROM outbox_failure f WHERE f.consumer = $1 AND f.event_id = e.id
                                                          AND (f.dead_at IS NOT NULL OR f.next_attempt_at > now()))
        ORDER BY e.id LIMIT $3`,
      [consumer, types, limit],
    );
  }

  /**
   * Claims the event for the consumer in the caller's transaction: false when another instance
   * holds it right now (advisory lock) or it was handled already.
   */
  async claim(consumer: string, eventId: string): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await this.db.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ':' || $2::text, 0)) AS locked`,
      [consumer, eventId],
    );
    if (!locked) return false;
    const claimed: unknown[] = await this.db.query(
      'INSERT INTO outbox_consumption (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [consumer, eventId],
    );
    return claimed.length > 0;
  }

  /** The event was handled: its failures are forgotten. */
  async clearFailures(consumer: string, eventId: string): Promise<void> {
    await this.db.query('DELETE FROM outbox_failure WHERE consumer = $1 AND event_id = $2', [consumer, eventId]);
  }

  /** Counts a failed attempt; the last one allowed dead-letters the event. */
  async recordFailure(consumer: string, eventId: string, error: string, policy: FailurePolicy): Promise<{ attempts: number; dead: boolean }> {
    const [row]: { attempts: number; dead: boolean }[] = await this.db.query(
      `INSERT INTO outbox_failure AS f (consumer, event_id, attempts, last_error, last_failed_at, next_attempt_at, dead_at)
       VALUES ($1, $2, 1, $3, now(), now() + $4 * interval '1 millisecond', CASE WHEN $5 <= 1 THEN now() END)
       ON CONFLICT (consumer, event_id) DO UPDATE SET
         attempts = f.attempts + 1,
         last_error = EXCLUDED.last_error,
         last_failed_at = now(),
         next_attempt_at = now() + least($6, $4 * power(2, f.attempts)) * interval '1 millisecond',
         dead_at = CASE WHEN f.attempts + 1 >= $5 THEN now() END
       RETURNING f.attempts, f.dead_at IS NOT NULL AS dead`,
      [consumer, eventId, error.slice(0, 2000), policy.baseDelayMs, policy.maxAttempts, policy.maxDelayMs],
    );
    return row;
  }
}
