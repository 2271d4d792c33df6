import { idempotencyDecision, idempotencyRequestHash, isIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it.each(['a', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'bid:2026.11.28_retry-1', 'x'.repeat(200)])('accepts %p', (key) => {
    expect(isIdempotencyKey(key)).toBe(true);
  });

  it.each(['', 'x'.repeat(201), 'has space', 'semi;colon', '揭榜', 'new\nline'])('refuses %p', (key) => {
    expect(isIdempotencyKey(key)).toBe(false);
  });

  it('identifies a request by route, parameters and body, whatever the key order', () => {
    const hash = idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c1' }, { a: 1, b: [1, 2] });
    expect(idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c1' }, { b: [1, 2], a: 1 })).toBe(hash);
    expect(idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c2' }, { a: 1, b: [1, 2] })).not.toBe(hash);
    expect(idempotencyRequestHash('PUT /api/bids/:id', { id: 'c1' }, { a: 1, b: [1, 2] })).not.toBe(hash);
    expect(idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c1' }, { a: 1, b: [2, 1] })).not.toBe(hash);
    expect(idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c1' }, undefined)).toBe(
      idempotencyRequestHash('POST /api/challenges/:id/bids', { id: 'c1' }, null),
    );
  });

  it('refuses, at the field, a body JSON cannot carry exactly (it is hashed before validation)', () => {
    const refusal = (body: unknown) => {
      try {
        idempotencyRequestHash('PUT /api/bids/:id', { id: 'b1' }, body);
      } catch (error) {
        return { name: (error as Error).name, fields: (error as { fields?: unknown }).fields };
      }
      throw new Error('expected a refusal');
    };
    expect(refusal({ quotedPriceFen: Infinity })).toEqual({
      name: 'ValidationFailed',
      fields: [{ field: 'quotedPriceFen', messages: ['quotedPriceFen is not a value JSON carries exactly: Infinity'] }],
    });
    expect(refusal({ 'a\u0301': 1, '\u00e1': 2 })).toMatchObject({ fields: [{ field: 'body' }] });
  });

  it('replays the stored answer for the same request once it is done', () => {
    expect(idempotencyDecision({ requestHash: 'h', state: 'DONE', stale: false }, 'h')).toBe('replay');
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS while the first request runs', () => {
    expect(() => idempotencyDecision({ requestHash: 'h', state: 'IN_PROGRESS', stale: false }, 'h')).toThrow(
      expect.objectContaining({ kind: 'CONFLICT', code: 'IDEMPOTENCY_IN_PROGRESS' }),
    );
  });

  it('takes over a key whose first request was abandoned long ago', () => {
    expect(idempotencyDecision({ requestHash: 'h', state: 'IN_PROGRESS', stale: true }, 'h')).toBe('take-over');
  });

  it.each(['DONE', 'IN_PROGRESS'] as const)('answers 422 IDEMPOTENCY_KEY_REUSED for another body (first one %s)', (state) => {
    expect(() => idempotencyDecision({ requestHash: 'h', state, stale: false }, 'other')).toThrow(
      expect.objectContaining({ kind: 'UNPROCESSABLE', code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });
});
