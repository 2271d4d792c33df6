/**
 * Domain errors: thrown by the rules, mapped to HTTP statuses and socket error
 * acknowledgements in exactly one place each (see @app/core).
 */
export type ErrorKind =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `rubric.0.weight`. */
  field: string;
  messages: string[];
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A 400 listing what is wrong field by field; `code` names a kind of problem other than the DTO rules (e.g. ARRAY_TOO_LONG). */
export class ValidationFailed extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message = 'The request is invalid',
    code = 'VALIDATION_FAILED',
  ) {
    super('VALIDATION', code, message, fields);
  }

  static field(field: string, message: string, code?: string): ValidationFailed {
    return new ValidationFailed([{ field, messages: [message] }], `${field}: ${message}`, code);
  }
}

export class Unauthenticated extends DomainError {
  constructor(code = 'UNAUTHENTICATED', message = 'A valid access token is required') {
    super('UNAUTHENTICATED', code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'FORBIDDEN', message = 'You are not allowed to do this') {
    super('FORBIDDEN', code, message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, code = `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`) {
    super('NOT_FOUND', code, `${what} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('CONFLICT', code, message, details);
  }
}

export class Unprocessable extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super('UNPROCESSABLE', code, message, details);
  }
}

/** A refusal the client should retry after a while (HTTP sends `Retry-After`). */
export abstract class RetryLater extends DomainError {
  constructor(
    kind: 'RATE_LIMITED' | 'UNAVAILABLE',
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(kind, code, message, { retryAfterSeconds });
  }
}

export class RateLimited extends RetryLater {
  constructor(retryAfterSeconds: number, code = 'RATE_LIMITED', message = 'Too many attempts; try again later') {
    super('RATE_LIMITED', code, message, retryAfterSeconds);
  }
}

/** A dependency the request needs is down or too slow (e.g. DATABASE_UNAVAILABLE); nothing was changed. */
export class Unavailable extends RetryLater {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super('UNAVAILABLE', code, message, retryAfterSeconds);
  }
}

/** The HTTP status for each kind of domain error: the one mapping used everywhere. */
export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};
