import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, HTTP_STATUS_BY_KIND, RateLimited } from '@app/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
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
  if (error instanceof DomainError) {
    return {
      statusCode: HTTP_STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by Fastify itself (malformed JSON, body too large, bad content type).
    return {
      statusCode: status,
      code: (error as { code?: string }).code ?? CODE_BY_STATUS[status] ?? `HTTP_${status}`,
      message: (error as Error).message,
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
