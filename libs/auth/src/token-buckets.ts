/** How often buckets that have filled up again are dropped (a full bucket and no bucket are the same). */
const SWEEP_EVERY_MS = 60_000;

/**
 * One token bucket per key, in memory: `perMinute` tokens at most, refilled at `perMinute` a minute,
 * so a key may spend a minute's allowance at once and then one token every 60/perMinute s.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private sweptAt: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
    this.sweptAt = now();
  }

  /** Takes a token for `key`: 0 when it had one, else the whole seconds until it will have one. */
  take(key: string): number {
    const now = this.now();
    if (now - this.sweptAt >= SWEEP_EVERY_MS) this.sweep(now);
    const tokens = this.level(key, now);
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** Keys holding a bucket that is not full (for tests and the sweep's bound). */
  get size(): number {
    return this.buckets.size;
  }

  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    return bucket ? Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs) : this.perMinute;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const key of this.buckets.keys()) if (this.level(key, now) >= this.perMinute) this.buckets.delete(key);
  }
}
