import { Conflict, DomainError } from '../errors';
import {
  assertCanAnswerObjection,
  assertCanLock,
  assertCanObject,
  assertCanPresent,
  assertCanUnlock,
  pauseTimer,
  startTimer,
  timerRemainingMs,
  TimerState,
} from './room-flow';

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, seconds));
const slot = { bidId: 'b1', presentationMinutes: 10, qaMinutes: 5 };

describe('present, lock, unlock', () => {
  it('presents a pending or already presented bid of an open room, never a locked one', () => {
    expect(() => assertCanPresent('OPEN', 'PENDING')).not.toThrow();
    expect(() => assertCanPresent('OPEN', 'PRESENTING')).not.toThrow();
    expect(code(() => assertCanPresent('OPEN', 'LOCKED'))).toBe('BID_LOCKED');
    expect(code(() => assertCanPresent('CONVENED', 'PENDING'))).toBe('ROOM_NOT_OPEN');
    expect(code(() => assertCanPresent('FINALIZED', 'PENDING'))).toBe('ROOM_FINALIZED');
  });

  it('locks only a presented bid, and unlocks only a locked one', () => {
    expect(() => assertCanLock('OPEN', 'PRESENTING')).not.toThrow();
    expect(code(() => assertCanLock('OPEN', 'PENDING'))).toBe('BID_NOT_PRESENTING');
    expect(code(() => assertCanLock('OPEN', 'LOCKED'))).toBe('BID_LOCKED');
    expect(() => assertCanUnlock('OPEN', 'LOCKED')).not.toThrow();
    expect(code(() => assertCanUnlock('OPEN', 'PRESENTING'))).toBe('BID_NOT_LOCKED');
    expect(code(() => assertCanUnlock('REVEALED', 'LOCKED'))).toBe('ROOM_NOT_OPEN');
  });
});

describe('the countdown', () => {
  it('starts the presentation phase from its full length: 10 minutes = 600000 ms', () => {
    const timer = startTimer('OPEN', null, slot, undefined, at(0));
    expect(timer).toEqual({ bidId: 'b1', phase: 'PRESENTATION', durationMs: 600_000, remainingMs: 600_000, startedAt: at(0) });
    // 45 s later 555 s are left
    expect(timerRemainingMs(timer, at(45))).toBe(555_000);
  });

  it('pauses keeping what is left, resumes from there, and never goes below zero', () => {
    const running = startTimer('OPEN', null, slot, undefined, at(0));
    const paused = pauseTimer('OPEN', running, at(30));
    expect(paused).toMatchObject({ remainingMs: 570_000, startedAt: null });
    expect(timerRemainingMs(paused, at(59))).toBe(570_000);
    const resumed = startTimer('OPEN', paused, slot, undefined, at(40));
    expect(resumed).toMatchObject({ phase: 'PRESENTATION', remainingMs: 570_000, startedAt: at(40) });
    expect(timerRemainingMs(resumed, new Date(at(40).getTime() + 600_000))).toBe(0);
  });

  it('starts the Q&A phase (5 minutes) afresh, and a new bid on stage gets its own countdown', () => {
    const running = startTimer('OPEN', null, slot, undefined, at(0));
    expect(startTimer('OPEN', running, slot, 'QA', at(10))).toMatchObject({ phase: 'QA', remainingMs: 300_000, startedAt: at(10) });
    const next = { bidId: 'b2', presentationMinutes: 8, qaMinutes: 4 };
    expect(startTimer('OPEN', pauseTimer('OPEN', running, at(5)), next, undefined, at(20))).toMatchObject({
      bidId: 'b2',
      remainingMs: 480_000,
    });
  });

  it('refuses to resume a running countdown, to pause a paused one, or to count without a bid on stage', () => {
    const running: TimerState = startTimer('OPEN', null, slot, undefined, at(0));
    expect(code(() => startTimer('OPEN', running, slot, undefined, at(1)))).toBe('TIMER_RUNNING');
    expect(code(() => pauseTimer('OPEN', pauseTimer('OPEN', running, at(1)), at(2)))).toBe('TIMER_NOT_RUNNING');
    expect(code(() => pauseTimer('OPEN', null, at(2)))).toBe('TIMER_NOT_RUNNING');
    expect(code(() => startTimer('OPEN', null, null, undefined, at(0)))).toBe('NO_BID_PRESENTING');
    expect(code(() => startTimer('REVEALED', null, slot, undefined, at(0)))).toBe('ROOM_NOT_OPEN');
  });
});

describe('objections', () => {
  const endsAt = at(59);

  it('are taken while the window after the reveal is open, and not from its last instant on', () => {
    expect(() => assertCanObject('REVEALED', endsAt, at(58))).not.toThrow();
    expect(code(() => assertCanObject('REVEALED', endsAt, at(59)))).toBe('OBJECTION_WINDOW_CLOSED');
    expect(code(() => assertCanObject('OPEN', null, at(0)))).toBe('NOT_REVEALED');
    expect(code(() => assertCanObject('FINALIZED', endsAt, at(0)))).toBe('ROOM_FINALIZED');
  });

  it('are answered once, before finalisation', () => {
    expect(() => assertCanAnswerObjection('REVEALED', false)).not.toThrow();
    expect(code(() => assertCanAnswerObjection('REVEALED', true))).toBe('OBJECTION_ANSWERED');
    expect(code(() => assertCanAnswerObjection('FINALIZED', false))).toBe('ROOM_FINALIZED');
    expect(() => assertCanAnswerObjection('REVEALED', true)).toThrow(Conflict);
  });
});
