import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a route accept an Idempotency-Key header. Document IDEMPOTENCY_IN_PROGRESS among the
 * route's own 409 codes (one @ApiConflictResponse per route).
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: 1-200 characters of A-Z a-z 0-9 _ - : . , unique per request (e.g. a UUID). ' +
        'A retry with the same key and body gets the first answer (header Idempotent-Replayed: true); ' +
        'the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is running is 409 IDEMPOTENCY_IN_PROGRESS.',
    }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another request' }),
  );
