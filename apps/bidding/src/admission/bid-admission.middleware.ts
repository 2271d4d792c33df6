import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { FifoGate } from './fifo-gate';

/** Bid writes let in at once: half the database pool, so reads, rooms and the outbox keep the rest. */
export function bidWriteLimit(databasePoolSize: number): number {
  return Math.max(1, Math.floor(databasePoolSize / 2));
}

/** The one gate of the bid writes, shared by their routes (a provider, so its queue can be read). */
@Injectable()
export class BidWriteGate extends FifoGate {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(bidWriteLimit(config.databasePoolSize));
  }
}

/**
 * Admission for the bid writes (submit, revise, withdraw), the requests that crowd in at a deadline.
 * It runs first (Fastify's onRequest stage, before the body is parsed, the token checked or the body
 * validated): a request waits here, costing almost nothing, until one of `bidWriteLimit` places is
 * free, and the places go strictly in the order the requests arrived. Without it a burst shares the
 * CPU among every request at once, each one's dozen database round trips wait behind the parsing of
 * all the others, and requests sent well before closesAt are all decided after it (docs/bidding.md).
 * A place is freed when the answer is sent or the client goes away; a client that goes away while
 * waiting leaves the queue.
 */
@Injectable()
export class BidAdmissionMiddleware implements NestMiddleware {
  constructor(private readonly gate: BidWriteGate) {}

  use(_request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const leave = this.gate.enter(next);
    response.once('close', leave);
  }
}
