import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RateLimited } from '@app/domain';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';
import { ThrottleRepository } from './throttle.repository';

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
  prune(): Promise<number> {
    return this.counters.pruneUntouchedFor(PRUNE_AFTER_SECONDS);
  }

  /** Counts one attempt against `key` and answers the window's count so far; RateLimited (with `message`) once over `limit`. */
  async hit(key: string, limit: number, windowSeconds: number, message?: string): Promise<number> {
    const { attempts, retryAfter } = await this.counters.countInWindow(key, windowSeconds);
    if (attempts > limit) throw new RateLimited(Math.max(1, retryAfter), 'RATE_LIMITED', message);
    return attempts;
  }

  /**
   * Counts one attempt against `key` as a failure in advance (`clear` forgets it on success). From
   * BACKOFF_FREE_FAILURES failures in a row on, each makes the next attempt wait, 1 s, 2 s, 4 s and so
   * on up to `maxSeconds`. With `enforce`, an attempt during the wait is refused (RateLimited) without being
   * counted, so hammering does not lengthen it.
   */
  async backoff(key: string, maxSeconds: number, enforce: boolean): Promise<void> {
    const slot = await this.counters.takeBackoffSlot(key, {
      maxSeconds,
      enforce,
      freeFailures: BACKOFF_FREE_FAILURES,
      memorySeconds: BACKOFF_MEMORY_SECONDS,
    });
    if (!slot.taken) throw new RateLimited(Math.max(1, slot.retryAfter ?? 1));
  }

  /** Forgets the counts of these keys (e.g. after a successful sign-in). */
  clear(keys: string[]): Promise<void> {
    return this.counters.clear(keys);
  }

  private get counters(): ThrottleRepository {
    return new ThrottleRepository(connectionManager(this.dataSource));
  }
}
