import { Conflict, DomainError, Forbidden, ValidationFailed } from '../errors';
import {
  assertCanFinalize,
  assertCanOpen,
  assertCanReveal,
  assertCanScore,
  assertNotFinalized,
  validatePanel,
} from './room-lifecycle';

function thrown(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('assertCanOpen', () => {
  it('opens a convened room whose declarations are complete', () => {
    expect(() => assertCanOpen('CONVENED', true)).not.toThrow();
    expect(() => assertCanOpen('CONVENED', { complete: true, missing: [] })).not.toThrow();
  });

  it('refuses a room that is not convened', () => {
    for (const status of ['OPEN', 'REVEALED', 'FINALIZED'] as const) {
      expect(thrown(() => assertCanOpen(status, true)).code).toBe('ROOM_NOT_CONVENED');
    }
  });

  it('refuses while declarations are missing, saying which', () => {
    const missing = [{ judgeId: 'j2', bidId: 'b1' }];
    const error = thrown(() => assertCanOpen('CONVENED', { complete: false, missing }));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.code).toBe('DECLARATIONS_INCOMPLETE');
    expect(error.details).toEqual({ missing });
    expect(thrown(() => assertCanOpen('CONVENED', false)).code).toBe('DECLARATIONS_INCOMPLETE');
  });
});

describe('assertCanScore', () => {
  it('lets a judge score the presenting bid of an open room', () => {
    expect(() => assertCanScore('OPEN', 'PRESENTING', false)).not.toThrow();
  });

  it('forbids a recused judge, whatever the state', () => {
    const error = thrown(() => assertCanScore('OPEN', 'PRESENTING', true));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.code).toBe('JUDGE_RECUSED');
    expect(thrown(() => assertCanScore('FINALIZED', 'LOCKED', true)).code).toBe('JUDGE_RECUSED');
  });

  it('refuses outside an open room, on a locked bid and on a bid not yet presented', () => {
    expect(thrown(() => assertCanScore('CONVENED', 'PENDING', false)).code).toBe('ROOM_NOT_OPEN');
    expect(thrown(() => assertCanScore('REVEALED', 'LOCKED', false)).code).toBe('ROOM_NOT_OPEN');
    expect(thrown(() => assertCanScore('OPEN', 'LOCKED', false)).code).toBe('BID_LOCKED');
    expect(thrown(() => assertCanScore('OPEN', 'PENDING', false)).code).toBe('BID_NOT_PRESENTING');
  });
});

describe('assertCanReveal', () => {
  const locked = [
    { bidId: 'b1', state: 'LOCKED' as const },
    { bidId: 'b2', state: 'LOCKED' as const },
  ];

  it('reveals an open room whose bids are all locked', () => {
    expect(() => assertCanReveal('OPEN', locked)).not.toThrow();
  });

  it('refuses a room that is not open', () => {
    expect(thrown(() => assertCanReveal('CONVENED', locked)).code).toBe('ROOM_NOT_OPEN');
    expect(thrown(() => assertCanReveal('REVEALED', locked)).code).toBe('ROOM_NOT_OPEN');
  });

  it('names the bids whose scoring is still open', () => {
    const error = thrown(() =>
      assertCanReveal('OPEN', [...locked, { bidId: 'b3', state: 'PRESENTING' }, { bidId: 'b4', state: 'PENDING' }]),
    );
    expect(error.code).toBe('BIDS_NOT_LOCKED');
    expect(error.details).toEqual({ bidIds: ['b3', 'b4'] });
  });
});

describe('assertCanFinalize', () => {
  const windowEnds = new Date('2025-06-03T09:00:00.000Z');
  const after = new Date('2025-06-03T09:00:00.001Z');

  it('finalises a revealed room once the window has ended and nothing is open', () => {
    expect(() => assertCanFinalize('REVEALED', windowEnds, windowEnds, 0)).not.toThrow();
    expect(() => assertCanFinalize('REVEALED', windowEnds, after, 0)).not.toThrow();
  });

  it('refuses before the reveal and after finalisation', () => {
    expect(thrown(() => assertCanFinalize('OPEN', windowEnds, after, 0)).code).toBe('NOT_REVEALED');
    expect(thrown(() => assertCanFinalize('CONVENED', windowEnds, after, 0)).code).toBe('NOT_REVEALED');
    expect(thrown(() => assertCanFinalize('FINALIZED', windowEnds, after, 0)).code).toBe('ROOM_FINALIZED');
  });

  it('refuses while the objection window is open, up to its last millisecond', () => {
    const error = thrown(() => assertCanFinalize('REVEALED', windowEnds, new Date('2025-06-03T08:59:59.999Z'), 0));
    expect(error.code).toBe('OBJECTION_WINDOW_OPEN');
    expect(error.details).toEqual({ objectionWindowEndsAt: '2025-06-03T09:00:00.000Z' });
  });

  it('refuses while an objection is unanswered', () => {
    const error = thrown(() => assertCanFinalize('REVEALED', windowEnds, after, 2));
    expect(error.code).toBe('OBJECTIONS_UNANSWERED');
    expect(error.details).toEqual({ openObjections: 2 });
  });
});

describe('assertNotFinalized', () => {
  it('guards the read-only record of a finalised room', () => {
    expect(() => assertNotFinalized('REVEALED')).not.toThrow();
    const error = thrown(() => assertNotFinalized('FINALIZED'));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.code).toBe('ROOM_FINALIZED');
  });
});

describe('validatePanel', () => {
  const fields = (run: () => void) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).fields;
  };

  it('accepts odd panels of 3 to 15 distinct judges chaired by a judge or an admin', () => {
    expect(() => validatePanel(['a', 'b', 'c'], 'b', false)).not.toThrow();
    expect(() => validatePanel(['a', 'b', 'c', 'd', 'e'], 'admin', true)).not.toThrow();
    const fifteen = Array.from({ length: 15 }, (_, i) => `j${i}`);
    expect(() => validatePanel(fifteen, 'j14', false)).not.toThrow();
  });

  it('refuses even, too small and too large panels', () => {
    for (const n of [0, 1, 2, 4, 16, 17]) {
      const ids = Array.from({ length: n }, (_, i) => `j${i}`);
      expect(fields(() => validatePanel(ids, 'admin', true)).map((f) => f.field)).toEqual(['judgeIds']);
    }
  });

  it('names repeated judges and a chair from outside the panel, together', () => {
    expect(fields(() => validatePanel(['a', 'b', 'a', 'c', 'b'], 'z', false))).toEqual([
      { field: 'judgeIds', messages: ['must not repeat a judge: a, b'] },
      { field: 'chairUserId', messages: ['must be one of the judges or an admin'] },
    ]);
    // four entries, one repeated: both problems under judgeIds
    expect(fields(() => validatePanel(['a', 'a', 'b', 'c'], 'a', false))).toEqual([
      {
        field: 'judgeIds',
        messages: ['must be an odd number of judges from 3 to 15, not 4', 'must not repeat a judge: a'],
      },
    ]);
  });
});
