import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError, HTTP_STATUS_BY_KIND, isErrorCode, RetryLater, Unavailable } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clipText as clip } from './input-bounds';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** How many entries of `details` were left out to keep the answer small. */
  detailsOmitted?: number;
  requestId?: string;
}

/** An error answer stays a few KB however many problems a request has: */
export const ERROR_LIMITS = {
  /** entries of `details` at most, */
  details: 20,
  /** and fewer when their JSON would pass this many characters; */
  detailsCharacters: 4096,
  /** messages per entry; */
  messagesPerField: 5,
  /** characters of a field path or of one of its messages; */
  text: 300,
  /** characters of the answer's message. */
  message: 500,
};

const isFieldError = (entry: unknown): entry is FieldError =>
  typeof (entry as FieldError)?.field === 'string' && Array.isArray((entry as FieldError)?.messages);

/** The first entries of `details` that fit the limits, each clipped, and how many were left out. */
function limitDetails(details: unknown[]): { details: unknown[]; omitted: number } {
  const kept: unknown[] = [];
  let characters = 0;
  for (const entry of details) {
    if (kept.length === ERROR_LIMITS.details) break;
    const shown = isFieldError(entry)
      ? {
          field: clip(entry.field, ERROR_LIMITS.text),
          messages: entry.messages.slice(0, ERROR_LIMITS.messagesPerField).map((m) => clip(String(m), ERROR_LIMITS.text)),
        }
      : entry;
    characters += JSON.stringify(shown)?.length ?? 0;
    if (kept.length > 0 && characters > ERROR_LIMITS.detailsCharacters) break;
    kept.push(shown);
  }
  return { details: kept, omitted: details.length - kept.length };
}

function domainErrorBody(error: DomainError): ErrorBody {
  const body: ErrorBody = { statusCode: HTTP_STATUS_BY_KIND[error.kind], code: error.code, message: clip(error.message, ERROR_LIMITS.message) };
  if (!Array.isArray(error.details)) return error.details === undefined ? body : { ...body, details: error.details };
  const { details, omitted } = limitDetails(error.details);
  return { ...body, details, ...(omitted > 0 ? { detailsOmitted: omitted } : {}) };
}

/** The code of an HTTP layer's refusal by its status; a status not listed answers BAD_REQUEST (4xx) or INTERNAL. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

const codeOfStatus = (status: number): ErrorCode => CODE_BY_STATUS[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL');

/** What a client is told to wait before retrying a request refused because the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Node's network errors and node-postgres' own messages for a connection that failed or stalled. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
];

/**
 * Whether the database failed as a dependency (not the request): unreachable, cut, stalled past
 * a timeout, shutting down, out of connections, or a statement or lock wait over its bound.
 * SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention: shutdown, cancel by
 * statement_timeout) and 55P03 (lock_timeout).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed, not instanceof Error: node-postgres passes on errors of Node's own (net) as they are.
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 4; depth++) {
    const { code, message, driverError } = cause as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^(08|53|57)/.test(code) || code === '55P03')) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((known) => message.startsWith(known))) return true;
    cause = driverError ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** The domain error a thrown value stands for, when it stands for one (a database outage does). */
function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isDatabaseUnavailable(error)) {
    return new Unavailable('DATABASE_UNAVAILABLE', 'The database did not answer in time; try again shortly (a retry with the same Idempotency-Key or opId is applied once)', DATABASE_RETRY_AFTER_SECONDS);
  }
  return null;
}

/** Turns any thrown value into the platform's error body; used by HTTP and (via `errorBody`) sockets. */
export function errorBody(thrown: unknown): ErrorBody {
  const error = asDomainError(thrown) ?? thrown;
  if (error instanceof DomainError) return domainErrorBody(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, code: codeOfStatus(status), message: clip(message, ERROR_LIMITS.message) };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by Fastify itself (malformed JSON, body too large, bad content type): their own code when the registry has it.
    const code = (error as { code?: unknown }).code;
    return {
      statusCode: status,
      code: isErrorCode(code) ? code : codeOfStatus(status),
      message: clip(String((error as Error).message), ERROR_LIMITS.message),
    };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'An unexpected error occurred' };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = errorBody(error);
    body.requestId = request.id;
    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      reportServerError(this.logger, error, { requestId: request.id, method: request.method, url: request.url });
    }
    const refusal = asDomainError(error);
    if (refusal instanceof RetryLater) void reply.header('Retry-After', String(refusal.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }
}

/** How long a burst of database-unavailable errors is summed up before the next log line. */
export const ERROR_BURST_WINDOW_MS = 5000;

/**
 * Logs a database outage once when it starts and then one line per window with the count of
 * requests refused meanwhile, and once when it ends: an outage under load is a handful of lines,
 * not a stack trace per request.
 */
export class OutageLog {
  private refused = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly logger = new Logger('Database');

  note(error: unknown): void {
    if (this.timer) {
      this.refused += 1;
      return;
    }
    this.logger.error(`database unavailable: ${(error as Error).message}; requests answer 503 DATABASE_UNAVAILABLE`);
    this.timer = setInterval(() => this.flush(), ERROR_BURST_WINDOW_MS).unref();
  }

  private flush(): void {
    if (this.refused > 0) {
      this.logger.error(`database still unavailable: ${this.refused} more requests refused in the last ${ERROR_BURST_WINDOW_MS / 1000} s`);
      this.refused = 0;
      return;
    }
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.logger.log('database errors have stopped');
  }
}

const outages = new OutageLog();

/** The one way a 5xx is logged, by HTTP and sockets alike: a database outage by bursts, anything else in full. */
export function reportServerError(logger: Logger, error: unknown, context: Record<string, unknown>): void {
  if (isDatabaseUnavailable(error)) outages.note(error);
  else logger.error({ err: error, ...context }, 'unhandled error');
}
