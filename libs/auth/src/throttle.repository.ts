import { EntityManager } from 'typeorm';

/** The counters of auth_throttle: fixed windows and back-offs, by key (see ThrottleService). */
export class ThrottleRepository {
  constructor(private readonly db: EntityManager) {}

  /** Deletes the counters untouched for `seconds`; answers how many. */
  async pruneUntouchedFor(seconds: number): Promise<number> {
    // TypeORM answers a DELETE with [rows, count].
    const [, deleted]: [unknown, number] = await this.db.query(
      'DELETE FROM auth_throttle WHERE window_started_at < now() - make_interval(secs => $1)',
      [seconds],
    );
    return deleted;
  }

  /** Counts one attempt in the key's window of `windowSeconds` (a new window once it has passed); answers the count and the seconds left in it. */
  async countInWindow(key: string, windowSeconds: number): Promise<{ attempts: number; retryAfter: number }> {
    const [row]: { attempts: number; retry_after: number }[] = await this.db.query(
      `INSERT INTO auth_throttle (key, window_started_at, attempts) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE auth_throttle.attempts + 1 END,
         window_started_at = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE auth_throttle.window_started_at END
       RETURNING attempts, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, windowSeconds],
    );
    return { attempts: row.attempts, retryAfter: row.retry_after };
  }

  /**
   * Counts one failure against `key` unless, with `enforce`, its wait has not passed: after `freeFailures`
   * failures in a row each waits 1 s, 2 s, 4 s and so on up to `maxSeconds`; a key quiet for `memorySeconds`
   * starts again. One statement, so of concurrent attempts only one takes a free slot. Answers whether the
   * attempt was counted and the seconds left of the key's wait.
   */
  async takeBackoffSlot(
    key: string,
    opts: { maxSeconds: number; enforce: boolean; freeFailures: number; memorySeconds: number },
  ): Promise<{ taken: boolean; retryAfter: number | null }> {
    const wait = (attempts: string) =>
      `make_interval(secs => CASE WHEN ${attempts} < $5::int THEN 0 ELSE LEAST($2::int, power(2, ${attempts} - $5::int)) END)`;
    const [row]: { taken: boolean; retry_after: number | null }[] = await this.db.query(
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
      [key, opts.maxSeconds, opts.enforce, opts.memorySeconds, opts.freeFailures],
    );
    return { taken: row.taken, retryAfter: row.retry_after };
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.query('DELETE FROM auth_throttle WHERE key = ANY($1)', [keys]);
  }
}
