import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { AppConfig } from './config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the caller's X-Request-Id when it is sane, else a new UUID; kept on the raw request. */
export function requestId(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

/**
 * Fields of a database error that hold values: the statement's parameters (a new user's password
 * hash, say) and PostgreSQL's detail and context, which quote row values ("Failing row contains …").
 */
const VALUE_FIELDS = new Set(['parameters', 'detail', 'where', 'internalQuery']);

const isErrorLike = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string';

const isDatabaseError = (error: object): boolean => 'parameters' in error || 'driverError' in error || 'routine' in error;

/** Nested errors deeper than this are dropped (a cycle of error-like objects must not loop). */
const NESTED_ERRORS = 3;

function scrub(serialized: object, depth = 0): Record<string, unknown> {
  const database = isDatabaseError(serialized);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (VALUE_FIELDS.has(key)) continue;
    if (database && (key === 'message' || key === 'stack') && typeof value === 'string') {
      // PostgreSQL quotes the offending value in its message (invalid input syntax for type uuid: "…");
      // the table, column and constraint stay as fields of their own.
      kept[key] = value.replace(/"[^"\n]*"/g, '"…"');
    } else if (isErrorLike(value)) {
      // A nested error (TypeORM's driverError, pg's own): scrubbed the same way. Anything else is
      // left to pino, which copes with cycles.
      if (depth < NESTED_ERRORS) kept[key] = scrub(value, depth + 1);
    } else {
      kept[key] = value;
    }
  }
  return kept;
}

/**
 * Pino's error serializer without the values a database error carries (docs/operations.md,
 * "Accounts"). pino-http hands a custom serializer the error already serialized by pino's own.
 */
export function serializeError(error: unknown): unknown {
  const serialized = error instanceof Error ? stdSerializers.err(error) : error;
  return serialized !== null && typeof serialized === 'object' ? scrub(serialized) : serialized;
}

/**
 * Structured JSON logs with the request id on every line. Never logged: request bodies and headers
 * (a request is its id, method and url), and the values inside database errors.
 */
export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req) => requestId(req),
      // A 503 is a refusal while a dependency is down, reported once per burst by reportServerError.
      customLogLevel: (_req, res, error) =>
        res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // The access line of a 5xx carries no stack of its own ("failed with status code …"): the error
      // filter logged the real error already.
      customErrorObject: (_req, _res, error, line: Record<string, unknown>) =>
        error.message.startsWith('failed with status code') ? { ...line, err: undefined } : line,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
    forRoutes: ['*path'],
  });
}
