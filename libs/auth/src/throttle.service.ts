import { Injectable } from '@nestjs/common';
import { RateLimited } from '@app/domain';
import { DataSource } from 'typeorm';

/**
 * Fixed-window counters in PostgreSQL, so every instance of every service sees
 * the same counts. `hit` counts an attempt and refuses once over the limit.
 */
@Injectable()
export class ThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one attempt against `key`; throws RateLimited when the window's limit is already used up. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const [row]: { attempts: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO auth_throttle (key, window_started_at, attempts) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE auth_throttle.attempts + 1 END,
         window_started_at = CASE WHEN auth_throttle.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE auth_throttle.window_started_at END
       RETURNING attempts, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, windowSeconds],
    );
    if (row.attempts > limit) throw new RateLimited(Math.max(1, row.retry_after));
  }

  /** Refuses without counting when `key` has used up its limit in the current window. */
  async check(key: string, limit: number, windowSeconds: number): Promise<void> {
    const [row]: { attempts: number; retry_after: number }[] = await this.dataSource.query(
      `SELECT attempts, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry_after
         FROM auth_throttle WHERE key = $1 AND window_started_at > now() - make_interval(secs => $2)`,
      [key, windowSeconds],
    );
    if (row && row.attempts >= limit) throw new RateLimited(Math.max(1, row.retry_after));
  }
}
