import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RateLimited } from '@app/domain';
import { DataSource } from 'typeorm';

/** Consecutive failures forgiven before the back-off starts, and how long a quiet key keeps its count. */
const BACKOFF_FREE_FAILURES = 5;
const BACKOFF_MEMORY_SECONDS = 3600;

/** No window is longer than an hour: a key untouched for longer counts nothing. Swept this often. */
const PRUNE_AFTER_SECONDS = 3600;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Counters in PostgreSQL (table auth_throttle), so every instance of every service sees the same
 * counts: fixed windows (`hit`) and an exponential back-off between failures (`backoff`).
 */
@Injectable()
export class ThrottleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ThrottleService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Every instance sweeps (a sweep another has just done deletes nothing), so keys sprayed by a client cannot pile up. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) => this.logger.warn(`pruning throttle counters failed: ${(error as Error).message}`));
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Deletes the counters untouched for longer than any window; answers how many. */
  async prune(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM auth_throttle WHERE window_started_at < now() - make_interval(secs => $1)',
      [PRUNE_AFTER_SECONDS],
    );
    return deleted;
  }

  /** Counts one attempt against `key` and answers the window's count so far; RateLimited (with `message`) once over `limit`. */
  async hit(key: string, limit: number, windowSeconds: number, message?: string): Promise<number> {
    const [row]: { attempts: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO auth_throttle (key, window_started_at, attempts) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE auth_throttle.attempts + 1 END,
         window_started_at = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE auth_throttle.window_started_at END
       RETURNING attempts, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, windowSeconds],
    );
    if (row.attempts > limit) throw new RateLimited(Math.max(1, row.retry_after), 'RATE_LIMITED', message);
    return row.attempts;
  }

  /**
   * Counts one attempt against `key` as a failure in advance (`clear` forgets it on success). From
   * BACKOFF_FREE_FAILURES failures in a row on, each makes the next attempt wait, 1 s, 2 s, 4 s and so
   * on up to `maxSeconds`. With `enforce`, an attempt during the wait is refused (RateLimited) without being
   * counted, so hammering does not lengthen it. One statement: of concurrent attempts only one
   * takes a free slot.
   */
  async backoff(key: string, maxSeconds: number, enforce: boolean): Promise<void> {
    const wait = (attempts: string) =>
      `make_interval(secs => CASE WHEN ${attempts} < ${BACKOFF_FREE_FAILURES} THEN 0 ELSE LEAST($2::int, power(2, ${attempts} - ${BACKOFF_FREE_FAILURES})) END)`;
    const [row]: { taken: boolean; retry_after: number | null }[] = await this.dataSource.query(
      `WITH taken AS (
         INSERT INTO auth_throttle (key, window_started_at, attempts) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           attempts = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $4) THEN 1 ELSE auth_throttle.attempts + 1 END,
           window_started_at = now()
         WHERE NOT $3 OR auth_throttle.window_started_at + ${wait('auth_throttle.attempts')} <= now()
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM taken) AS taken,
              (SELECT CEIL(EXTRACT(EPOCH FROM (t.window_started_at + ${wait('t.attempts')} - now())))::int FROM auth_throttle t WHERE t.key = $1) AS retry_after`,
      [key, maxSeconds, enforce, BACKOFF_MEMORY_SECONDS],
    );
    if (!row.taken) throw new RateLimited(Math.max(1, row.retry_after ?? 1));
  }

  /** Forgets the counts of these keys (e.g. after a successful sign-in). */
  async clear(keys: string[]): Promise<void> {
    await this.dataSource.query('DELETE FROM auth_throttle WHERE key = ANY($1)', [keys]);
  }
}
