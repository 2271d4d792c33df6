import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { Conflict, NotFound, RateLimited, ValidationFailed } from '@app/domain';
import { ERROR_BURST_WINDOW_MS, errorBody, HttpErrorFilter, OutageLog, reportServerError } from './errors.filter';

function hostFor(reply: { status: jest.Mock; send: jest.Mock; header: jest.Mock }): ArgumentsHost {
  const request = { id: 'req-42', method: 'POST', url: '/api/things' };
  return {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }),
  } as unknown as ArgumentsHost;
}

function fakeReply() {
  const reply = { status: jest.fn(), send: jest.fn(), header: jest.fn() };
  reply.status.mockReturnValue(reply);
  reply.header.mockReturnValue(reply);
  return reply;
}

describe('one mapping of errors to HTTP', () => {
  it('maps domain errors by kind, keeping their code and details', () => {
    expect(errorBody(new Conflict('BID_WINDOW_CLOSED', 'Bidding has closed'))).toEqual({
      statusCode: 409,
      code: 'BID_WINDOW_CLOSED',
      message: 'Bidding has closed',
    });
    expect(errorBody(new NotFound('Challenge'))).toMatchObject({ statusCode: 404, code: 'CHALLENGE_NOT_FOUND' });
    expect(errorBody(ValidationFailed.field('rubric', 'weights must sum to 100'))).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'rubric: weights must sum to 100',
      details: [{ field: 'rubric', messages: ['weights must sum to 100'] }],
    });
  });

  it('keeps an error answer to a few KB however many fields fail and however long their messages', () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => ({ field: `milestones.${i}.${'t'.repeat(i % 2 ? 1000 : 5)}`, messages: ['must be a string', 'x'.repeat(5000)] }));
    const body = errorBody(new ValidationFailed(fields, 'm'.repeat(100_000)));
    const details = body.details as { field: string; messages: string[] }[];
    expect(details.length).toBeLessThanOrEqual(20);
    expect(body.detailsOmitted).toBe(10_000 - details.length);
    expect(details[0]).toEqual({ field: 'milestones.0.ttttt', messages: ['must be a string', `${'x'.repeat(299)}…`] });
    expect(details[1].field).toHaveLength(300);
    expect(body.message).toHaveLength(500);
    expect(JSON.stringify(body).length).toBeLessThan(6 * 1024);
  });

  it('keeps the status of framework errors and of Fastify client errors', () => {
    expect(errorBody(new BadRequestException('bad'))).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(errorBody(tooLarge)).toEqual({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' });
  });

  it('answers an unexpected error with a bare 500 and the request id, and logs the error with that id', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const reply = fakeReply();
    new HttpErrorFilter().catch(new TypeError("Cannot read properties of undefined (reading 'secret')"), hostFor(reply));
    expect(reply.status).toHaveBeenCalledWith(500);
    const body = reply.send.mock.calls[0][0];
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'An unexpected error occurred', requestId: 'req-42' });
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'req-42', err: expect.any(TypeError) }), 'unhandled error');
    log.mockRestore();
  });

  it('tells a throttled caller when to come back', () => {
    const reply = fakeReply();
    new HttpErrorFilter().catch(new RateLimited(120), hostFor(reply));
    expect(reply.header).toHaveBeenCalledWith('Retry-After', '120');
    expect(reply.status).toHaveBeenCalledWith(429);
  });

  it('answers a database outage 503 DATABASE_UNAVAILABLE with Retry-After, whatever layer the error comes through', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Query failed'), { driverError: refused });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    for (const error of [refused, wrapped, shutdown, new Error('Query read timeout'), new Error('timeout exceeded when trying to connect')]) {
      expect(errorBody(error)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    }
    // a statement's own fault is not an outage
    expect(errorBody(Object.assign(new Error('duplicate key'), { code: '23505' }))).toMatchObject({ statusCode: 500 });
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const reply = fakeReply();
    new HttpErrorFilter().catch(wrapped, hostFor(reply));
    expect(reply.status).toHaveBeenCalledWith(503);
    expect(reply.header).toHaveBeenCalledWith('Retry-After', '2');
    log.mockRestore();
  });

  it('logs a database outage once per burst with the count, not once per request', () => {
    jest.useFakeTimers();
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const info = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const logger = new Logger('test');
      const outages = new OutageLog();
      const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      for (let i = 0; i < 230; i += 1) outages.note(outage);
      expect(error).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(ERROR_BURST_WINDOW_MS);
      expect(error).toHaveBeenCalledTimes(2);
      expect(error.mock.calls[1][0]).toContain('229 more requests refused');
      jest.advanceTimersByTime(ERROR_BURST_WINDOW_MS);
      expect(info).toHaveBeenCalledWith('database errors have stopped');
      // anything else is logged in full, every time
      error.mockClear();
      reportServerError(logger, new TypeError('bug'), { requestId: 'r' });
      reportServerError(logger, new TypeError('bug'), { requestId: 'r' });
      expect(error).toHaveBeenCalledTimes(2);
    } finally {
      error.mockRestore();
      info.mockRestore();
      jest.useRealTimers();
    }
  });
});
