import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException } from '@nestjs/common';
import { DomainError, ERROR_CODES, ErrorCode, refusalOf } from '@app/domain';
import { errorBody } from './errors.filter';

const ROOT = join(__dirname, '../../..');
const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

/** The server's source files (no specs, no web client, no registry). */
function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' || entry.name === 'node_modules' ? [] : serverSources(path);
    return /\.ts$/.test(entry.name) && !/spec\.ts$/.test(entry.name) && !path.endsWith('error-codes.ts') ? [path] : [];
  });
}

const sourceText = (): string =>
  serverSources(join(ROOT, 'apps'))
    .concat(serverSources(join(ROOT, 'libs')))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

/** The status each way of refusing with a literal code answers. */
const STATUS_BY_THROW: [RegExp, number][] = [
  [/new Unauthenticated\(\s*'([A-Z_]+)'/g, 401],
  [/new Forbidden\(\s*'([A-Z_]+)'/g, 403],
  [/authorize\([^;]*?, '([A-Z_]+)'/g, 403],
  [/new Conflict\(\s*'([A-Z_]+)'/g, 409],
  [/new Unprocessable\(\s*'([A-Z_]+)'/g, 422],
  [/new RateLimited\([^,]+, '([A-Z_]+)'/g, 429],
  [/new Unavailable\(\s*'([A-Z_]+)'/g, 503],
];

/** How a code is raised: a domain error (by its kind), Fastify's own refusal (by its code), or the one answer to a bug. */
function answerFor(code: ErrorCode): { statusCode: number; code: string } {
  const refusal = refusalOf(code);
  const thrown =
    refusal !== null
      ? new DomainError(refusal, 'refused')
      : code === 'INTERNAL'
        ? new Error('a bug')
        : Object.assign(new Error('refused by Fastify'), { statusCode: ERROR_CODES[code].status, code });
  const { statusCode, code: answered } = errorBody(thrown);
  return { statusCode, code: answered };
}

describe('the error-code registry', () => {
  it.each(CODES)('%s is answered with its registry status', (code) => {
    expect(answerFor(code)).toEqual({ statusCode: ERROR_CODES[code].status, code });
  });

  it('has each code thrown in the source, with the status of the error it is thrown with', () => {
    const source = sourceText();
    const thrown = STATUS_BY_THROW.flatMap(([pattern, status]) => [...source.matchAll(pattern)].map(([, code]) => ({ code, status })));
    expect(thrown.length).toBeGreaterThan(80);
    const registered = (code: string) => (code in ERROR_CODES ? ERROR_CODES[code as ErrorCode].status : 'missing');
    expect(thrown.filter(({ code, status }) => registered(code) !== status)).toEqual([]);
  });

  it.each([400, 401, 403, 404, 405, 409, 413, 415, 422, 429])('an HTTP layer refusal with status %i answers a code of the registry with that status', (status) => {
    const { statusCode, code } = errorBody(new HttpException('refused', status));
    expect(statusCode).toBe(status);
    expect(ERROR_CODES[code].status).toBe(status);
  });

  it('answers an HTTP layer refusal of another status BAD_REQUEST (4xx) or INTERNAL (5xx), keeping the status', () => {
    expect(errorBody(new HttpException('refused', 406))).toMatchObject({ statusCode: 406, code: 'BAD_REQUEST' });
    expect(errorBody(new HttpException('refused', 502))).toMatchObject({ statusCode: 502, code: 'INTERNAL' });
  });

  it('holds only codes the server answers: each is named in the source (NotFound and transitions build theirs)', () => {
    const source = sourceText();
    const subjects = [...source.matchAll(/new NotFound\('([^']+)'\)/g)].map(([, what]) => `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`);
    const nouns = [...source.matchAll(/applyTransition\(\w+, '(\w+)'/g)].map(([, noun]) => `${noun.toUpperCase()}_TRANSITION_FORBIDDEN`);
    const derived = new Set([...subjects, ...nouns]);
    // FST_* codes are Fastify's own, raised by Fastify.
    const unused = CODES.filter((code) => !code.startsWith('FST_') && !derived.has(code) && !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
