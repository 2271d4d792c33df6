import { Module } from '@nestjs/common';
import { IdempotencyPruneJob } from './idempotency-prune.job';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

@Module({
  providers: [IdempotencyService, IdempotencyInterceptor, IdempotencyPruneJob],
  exports: [IdempotencyService, IdempotencyInterceptor],
})
export class IdempotencyModule {}
