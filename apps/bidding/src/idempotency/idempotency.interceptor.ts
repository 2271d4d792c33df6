import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { ErrorBody, errorBody } from '@app/core';
import { Conflict, DomainError, idempotencyRequestHash, isIdempotencyKey, refusalOf, ValidationFailed } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withOneConnection } from '@app/database';
import { defer, lastValueFrom, Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { IdempotencyService, IdempotentRequest } from './idempotency.service';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer that is a replay of the stored first answer. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** A copy of parsed input made of plain objects and arrays (Fastify's params and form bodies have other prototypes). */
const plainCopy = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(plainCopy)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainCopy(item)]))
      : value;

/** A stored 4xx answer, thrown again so the one error filter writes it exactly as the first time. */
function replayedError(body: unknown): DomainError {
  const stored = body as Partial<ErrorBody> | null;
  const message = stored?.message ?? 'The first request with this Idempotency-Key failed';
  const refusal = refusalOf(stored?.code);
  return refusal ? new DomainError(refusal, message, stored?.details) : new Conflict('CONFLICT', message, stored?.details);
}

/**
 * Idempotency-Key support for a route (see docs/bidding.md): the first request with a key runs
 * and its answer is stored; a retry with the same key and body gets that answer again; the same
 * key with another body is 422; a retry while the first runs is 409. Without the header the
 * route runs as usual. Keys are per user.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthUser }>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.user) return next.handle();
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!isIdempotencyKey(key)) {
      return throwError(() =>
        ValidationFailed.field('Idempotency-Key', 'must be 1 to 200 characters of A-Z, a-z, 0-9, _, -, : and .'),
      );
    }
    const scope = `${request.method} ${request.routeOptions.url ?? request.url}`;
    let requestHash: string;
    try {
      requestHash = idempotencyRequestHash(scope, plainCopy(request.params), plainCopy(request.body));
    } catch (error) {
      return throwError(() => error);
    }
    const claim: IdempotentRequest = { userId: request.user.id, key, scope, requestHash };
    // The claim, the use case's transaction and the stored answer share one connection (taken on subscription).
    return defer(() =>
      withOneConnection(this.dataSource, async () => {
        const start = await this.idempotency.begin(claim);
        if (!start.run) {
          void reply.header(REPLAYED_HEADER, 'true');
          if (start.status < 400) return start.body;
          throw replayedError(start.body);
        }
        let body: unknown;
        try {
          body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (error) {
          await this.settleFailure(claim, error);
          throw error;
        }
        await this.idempotency.complete(claim, reply.statusCode, body);
        return body;
      }),
    );
  }

  /** A 4xx is the request's answer and is stored; anything else releases the key for a retry. */
  private async settleFailure(claim: IdempotentRequest, error: unknown): Promise<void> {
    const body = errorBody(error);
    try {
      if (body.statusCode < 500) await this.idempotency.complete(claim, body.statusCode, body);
      else await this.idempotency.release(claim);
    } catch (storeError) {
      this.logger.error(`could not settle Idempotency-Key ${claim.key}: ${(storeError as Error).message}`);
    }
  }
}
