import { ERROR_CODES, ErrorCode, ErrorCodeOfStatus, isErrorCode } from './error-codes';

/**
 * Domain errors: thrown by the rules, mapped to HTTP statuses and socket error
 * acknowledgements in exactly one place each (see @app/core). Each takes only the codes of the
 * registry (error-codes.ts) whose status is its kind's: a free string or a 409 code on a 403 does
 * not compile.
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

/** The HTTP status for each kind of domain error: the one mapping used everywhere. */
export const HTTP_STATUS_BY_KIND = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorKind, number>;

/** The codes an error of `kind` may carry: those of the registry with the kind's status. */
export type ErrorCodeOf<K extends ErrorKind> = ErrorCodeOfStatus<(typeof HTTP_STATUS_BY_KIND)[K]>;

/** A kind with a code of its status: what every domain error is made of. */
export type Refusal = { [K in ErrorKind]: { kind: K; code: ErrorCodeOf<K> } }[ErrorKind];

const KIND_BY_STATUS = new Map<number, ErrorKind>(Object.entries(HTTP_STATUS_BY_KIND).map(([kind, status]) => [status, kind as ErrorKind]));

/** The refusal `code` stands for when it is a code of the registry a domain error carries (e.g. read back from storage), else null. */
export function refusalOf(code: unknown): Refusal | null {
  const kind = isErrorCode(code) ? KIND_BY_STATUS.get(ERROR_CODES[code].status) : undefined;
  // The kind is the one of the code's status: the pair is a Refusal by construction.
  return kind ? ({ kind, code } as Refusal) : null;
}

/** What NotFound is told is missing; its code is `<SUBJECT>_NOT_FOUND` (spaces as _), a code of the registry. */
export type NotFoundSubject =
  | 'Bid'
  | 'Challenge'
  | 'Dead letter'
  | 'Draw'
  | 'Expert'
  | 'Feedback'
  | 'Invitation'
  | 'Member'
  | 'Objection'
  | 'Organisation'
  | 'Panel judge'
  | 'Question'
  | 'Room'
  | 'Room bid'
  | 'Score'
  | 'Team'
  | 'User';

type ScreamingSnake<S extends string> = S extends `${infer Head} ${infer Rest}` ? `${Uppercase<Head>}_${ScreamingSnake<Rest>}` : Uppercase<S>;

const notFoundCode = <S extends NotFoundSubject>(what: S) => `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND` as `${ScreamingSnake<S>}_NOT_FOUND`;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `rubric.0.weight`. */
  field: string;
  messages: string[];
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;

  constructor(
    { kind, code }: Refusal,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.name = new.target.name;
  }
}

/** A 400 listing what is wrong field by field; `code` names a kind of problem other than the DTO rules (e.g. ARRAY_TOO_LONG). */
export class ValidationFailed extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message = 'The request is invalid',
    code: ErrorCodeOf<'VALIDATION'> = 'VALIDATION_FAILED',
  ) {
    super({ kind: 'VALIDATION', code }, message, fields);
  }

  static field(field: string, message: string, code?: ErrorCodeOf<'VALIDATION'>): ValidationFailed {
    return new ValidationFailed([{ field, messages: [message] }], `${field}: ${message}`, code);
  }
}

export class Unauthenticated extends DomainError {
  constructor(code: ErrorCodeOf<'UNAUTHENTICATED'> = 'UNAUTHENTICATED', message = 'A valid access token is required') {
    super({ kind: 'UNAUTHENTICATED', code }, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code: ErrorCodeOf<'FORBIDDEN'> = 'FORBIDDEN', message = 'You are not allowed to do this', details?: unknown) {
    super({ kind: 'FORBIDDEN', code }, message, details);
  }
}

export class NotFound extends DomainError {
  constructor(what: NotFoundSubject) {
    super({ kind: 'NOT_FOUND', code: notFoundCode(what) }, `${what} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(code: ErrorCodeOf<'CONFLICT'>, message: string, details?: unknown) {
    super({ kind: 'CONFLICT', code }, message, details);
  }
}

export class Unprocessable extends DomainError {
  constructor(code: ErrorCodeOf<'UNPROCESSABLE'>, message: string, details?: unknown) {
    super({ kind: 'UNPROCESSABLE', code }, message, details);
  }
}

/** A refusal the client should retry after a while (HTTP sends `Retry-After`). */
export abstract class RetryLater extends DomainError {
  constructor(
    refusal: Extract<Refusal, { kind: 'RATE_LIMITED' | 'UNAVAILABLE' }>,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(refusal, message, { retryAfterSeconds });
  }
}

export class RateLimited extends RetryLater {
  constructor(retryAfterSeconds: number, code: ErrorCodeOf<'RATE_LIMITED'> = 'RATE_LIMITED', message = 'Too many attempts; try again later') {
    super({ kind: 'RATE_LIMITED', code }, message, retryAfterSeconds);
  }
}

/** A dependency the request needs is down or too slow (e.g. DATABASE_UNAVAILABLE); nothing was changed. */
export class Unavailable extends RetryLater {
  constructor(code: ErrorCodeOf<'UNAVAILABLE'>, message: string, retryAfterSeconds: number) {
    super({ kind: 'UNAVAILABLE', code }, message, retryAfterSeconds);
  }
}
