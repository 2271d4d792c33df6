import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, FieldError, HTTP_STATUS_BY_KIND, RateLimited } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clipText as clip } from './input-bounds';

export interface ErrorBody {
  statusCode: number;
  code: string;
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

const CODE_BY_STATUS: Record<number, string> = {
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

/** Turns any thrown value into the platform's error body; used by HTTP and (via `errorBody`) sockets. */
export function errorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return domainErrorBody(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message: clip(message, ERROR_LIMITS.message) };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by Fastify itself (malformed JSON, body too large, bad content type).
    return {
      statusCode: status,
      code: (error as { code?: string }).code ?? CODE_BY_STATUS[status] ?? `HTTP_${status}`,
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
      this.logger.error(
        { err: error, requestId: request.id, method: request.method, url: request.url },
        'unhandled error',
      );
    }
    if (error instanceof RateLimited) void reply.header('Retry-After', String(error.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }
}
