import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PeriodicTask } from '@app/core';
import { IdempotencyService } from './idempotency.service';

/** How often the answers past their retention are pruned (also once at start). */
export const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Forgets Idempotency-Key answers older than IDEMPOTENCY_RETENTION_HOURS: a retry after that runs
 * again. Several instances may prune at once; each row is deleted once, whoever gets it.
 */
@Injectable()
export class IdempotencyPruneJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPruneJob.name);
  private readonly task: PeriodicTask;

  constructor(idempotency: IdempotencyService, @Inject(APP_CONFIG) config: AppConfig) {
    const hours = config.idempotencyRetentionHours;
    this.task = new PeriodicTask(
      PRUNE_EVERY_MS,
      async () => {
        const count = await idempotency.prune(hours);
        if (count) this.logger.log(`pruned ${count} Idempotency-Key answer(s) older than ${hours} h`);
      },
      (error) => this.logger.error(`pruning Idempotency-Key answers failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start({ runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
