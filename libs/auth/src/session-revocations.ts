import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';
import { RefreshTokenRepository } from './refresh-token.repository';

/**
 * A revocation is read again for this long after the poll that first could have seen it, so one
 * committed late (its `revoked_at` is its transaction's start) is still found.
 */
const OVERLAP_SECONDS = 60;

/**
 * The sessions (refresh-token families) revoked while an access token of theirs may still be valid,
 * held in memory so the check on every request and socket message is a set lookup. A revocation
 * made here counts at once; one made by another instance counts from this instance's next poll
 * (every sessionRevocationPollMs). Entries older than the access-token lifetime are dropped: every
 * token of such a session has expired anyway.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  /** Session id → when it was revoked (ms since the epoch, the database's clock). */
  private readonly revoked = new Map<string, number>();
  private since: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private failedPolls = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first read happens before the app serves: a restarted instance knows every recent revocation. */
  async onModuleInit(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => this.tick(), this.config.sessionRevocationPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  /** Records a revocation this instance has just committed (the next poll reads it back with the database's time). */
  remember(sessionId: string): void {
    this.revoked.set(sessionId, Date.now());
  }

  private tick(): void {
    if (this.polling) return;
    this.polling = this.poll()
      .then(() => {
        if (this.failedPolls > 0) this.logger.log(`reading revoked sessions works again after ${this.failedPolls} failed poll(s)`);
        this.failedPolls = 0;
      })
      .catch((error: unknown) => {
        // Once per outage, not once per poll; the sessions known so far stay revoked meanwhile.
        if (this.failedPolls === 0) this.logger.warn(`reading revoked sessions failed: ${(error as Error).message}`);
        this.failedPolls += 1;
      })
      .finally(() => {
        this.polling = null;
      });
  }

  private async poll(): Promise<void> {
    const ttl = this.config.jwt.accessTtlSeconds;
    const { polledAt, sessions } = await new RefreshTokenRepository(connectionManager(this.dataSource)).revokedSince(
      this.since,
      OVERLAP_SECONDS,
      ttl + OVERLAP_SECONDS,
    );
    for (const session of sessions) this.revoked.set(session.familyId, session.revokedAt.getTime());
    this.since = polledAt;
    const expiredBefore = polledAt.getTime() - (ttl + OVERLAP_SECONDS) * 1000;
    for (const [id, at] of this.revoked) if (at < expiredBefore) this.revoked.delete(id);
  }
}
