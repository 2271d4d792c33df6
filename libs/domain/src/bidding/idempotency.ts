import { Conflict, Unprocessable, ValidationFailed } from '../errors';
import { NotCanonical } from '../canonical';
import { canonicalBidContent, receiptHash } from './bid-rules';

/** An Idempotency-Key: 1 to 200 of A-Z a-z 0-9 _ - : . (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{1,200}$/;

export const isIdempotencyKey = (key: string): boolean => IDEMPOTENCY_KEY.test(key);

/**
 * What identifies "the same request" for a key: the route, its path parameters and the JSON
 * body as parsed (key order and insignificant whitespace do not matter, any other difference does).
 */
export function idempotencyRequestHash(scope: string, params: unknown, body: unknown): string {
  try {
    return receiptHash(canonicalBidContent({ scope, params: params ?? null, body: body ?? null }));
  } catch (error) {
    // Hashed before validation: a body may hold what JSON cannot carry exactly (1e400 parses to Infinity).
    if (!(error instanceof NotCanonical)) throw error;
    const [part, ...inside] = error.path;
    const field = inside.length ? inside.join('.') : String(part);
    throw ValidationFailed.field(field, `${field} ${error.reason}`);
  }
}

export interface StoredIdempotencyKey {
  requestHash: string;
  state: 'IN_PROGRESS' | 'DONE';
  /** IN_PROGRESS for longer than a request can run: its process died; the key may be taken over. */
  stale: boolean;
}

export type IdempotencyDecision = 'replay' | 'take-over';

/**
 * What a request carrying an already used key gets: the stored answer (same body, first one
 * done), a take-over (same body, first one abandoned), 422 IDEMPOTENCY_KEY_REUSED (another body),
 * or 409 IDEMPOTENCY_IN_PROGRESS (same body, first one still running).
 */
export function idempotencyDecision(stored: StoredIdempotencyKey, requestHash: string): IdempotencyDecision {
  if (stored.requestHash !== requestHash) {
    throw new Unprocessable(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with another request; use a new key for a new request',
    );
  }
  if (stored.state === 'DONE') return 'replay';
  if (stored.stale) return 'take-over';
  throw new Conflict(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed; retry once it has finished',
  );
}
