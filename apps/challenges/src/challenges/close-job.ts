import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/core';
import { publishEvent } from '@app/database';
import { ChallengeStatus, transitionChallenge } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeRepository } from './challenge.repository';

/** At most this many challenges are closed per round; the next round takes the rest. */
const BATCH = 500;

/**
 * Persists what readers already see: a published challenge past its deadline is CLOSED.
 * Every closeJobIntervalMs it closes the due challenges and emits challenge.closed for each, in one
 * transaction. Several instances may run: rows another instance is closing are skipped (SKIP LOCKED),
 * and a row is re-checked under its lock, so each challenge is closed, and announced, exactly once.
 */
@Injectable()
export class ChallengeCloseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChallengeCloseJob.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.task = new PeriodicTask(
      config.closeJobIntervalMs,
      async () => {
        const ids = await this.closeDue();
        if (ids.length) this.logger.log(`closed ${ids.length} challenge(s) whose bidding deadline passed`);
      },
      (error) => this.logger.error(`closing due challenges failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Closes every published challenge whose closesAt has passed by the database clock; returns their ids. */
  closeDue(): Promise<string[]> {
    const closed = transitionChallenge(ChallengeStatus.PUBLISHED, 'close');
    return this.dataSource.transaction(async (manager) => {
      const rows = await new ChallengeRepository(manager).closeDue(closed, BATCH);
      for (const row of rows) {
        await publishEvent(manager, 'challenge.closed', { challengeId: row.id, closedAt: row.closesAt.toISOString() });
      }
      return rows.map((row) => row.id);
    });
  }
}
