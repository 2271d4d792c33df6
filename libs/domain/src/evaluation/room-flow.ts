import { Conflict } from '../errors';
import { assertNotFinalized, BidSlotState, RoomStatus } from './room-lifecycle';

/**
 * The chair's moves inside an open room (present, countdown, lock, unlock) and the objection
 * period after the reveal, as guards with stable codes plus the countdown arithmetic. Times are
 * the database clock's, passed in.
 */

function assertOpen(status: RoomStatus): void {
  assertNotFinalized(status);
  if (status !== 'OPEN') throw new Conflict('ROOM_NOT_OPEN', `The room is ${status}, not OPEN`);
}

/** The chair puts a bid on stage: a pending bid, or one already presented (e.g. back for questions); never a locked one. */
export function assertCanPresent(status: RoomStatus, slot: BidSlotState): void {
  assertOpen(status);
  if (slot === 'LOCKED') throw new Conflict('BID_LOCKED', 'Scoring of this bid is locked; unlock it first');
}

/** The chair closes a presented bid's scoring. */
export function assertCanLock(status: RoomStatus, slot: BidSlotState): void {
  assertOpen(status);
  if (slot === 'LOCKED') throw new Conflict('BID_LOCKED', 'Scoring of this bid is already locked');
  if (slot === 'PENDING') throw new Conflict('BID_NOT_PRESENTING', 'This bid has not been presented yet');
}

/** The chair reopens a locked bid's scoring (with a reason, kept in the record) while the room is open. */
export function assertCanUnlock(status: RoomStatus, slot: BidSlotState): void {
  assertOpen(status);
  if (slot !== 'LOCKED') throw new Conflict('BID_NOT_LOCKED', 'Scoring of this bid is not locked');
}

export const TIMER_PHASES = ['PRESENTATION', 'QA'] as const;
export type TimerPhase = (typeof TIMER_PHASES)[number];

/**
 * A slot's countdown. `remainingMs` is what was left when it was last started or paused;
 * `startedAt` is set while it runs. Clients count down from these and the server time.
 */
export interface TimerState {
  bidId: string;
  phase: TimerPhase;
  durationMs: number;
  remainingMs: number;
  startedAt: Date | null;
}

export interface SlotLengths {
  bidId: string;
  presentationMinutes: number;
  qaMinutes: number;
}

const MINUTE_MS = 60_000;

/** Milliseconds left at `now` (never below zero). */
export function timerRemainingMs(timer: TimerState, now: Date): number {
  if (timer.startedAt === null) return timer.remainingMs;
  const elapsed = Math.max(0, now.getTime() - timer.startedAt.getTime());
  return Math.max(0, timer.remainingMs - elapsed);
}

/**
 * Starts the countdown of the bid on stage. With a phase, or when no countdown of this bid exists,
 * the phase starts from its full length (PRESENTATION by default); without a phase a paused
 * countdown resumes where it stopped.
 */
export function startTimer(
  status: RoomStatus,
  current: TimerState | null,
  onStage: SlotLengths | null,
  phase: TimerPhase | undefined,
  now: Date,
): TimerState {
  assertOpen(status);
  if (!onStage) throw new Conflict('NO_BID_PRESENTING', 'Put a bid on stage before starting the countdown');
  if (phase === undefined && current?.bidId === onStage.bidId) {
    if (current.startedAt !== null) throw new Conflict('TIMER_RUNNING', 'The countdown is already running');
    return { ...current, startedAt: now };
  }
  const chosen = phase ?? 'PRESENTATION';
  const minutes = chosen === 'PRESENTATION' ? onStage.presentationMinutes : onStage.qaMinutes;
  const durationMs = minutes * MINUTE_MS;
  return { bidId: onStage.bidId, phase: chosen, durationMs, remainingMs: durationMs, startedAt: now };
}

/** Pauses a running countdown, keeping what is left of it. */
export function pauseTimer(status: RoomStatus, current: TimerState | null, now: Date): TimerState {
  assertOpen(status);
  if (!current || current.startedAt === null) throw new Conflict('TIMER_NOT_RUNNING', 'The countdown is not running');
  return { ...current, remainingMs: timerRemainingMs(current, now), startedAt: null };
}

/** A bidding team objects (公示异议) to the revealed ranking while the objection window is open. */
export function assertCanObject(status: RoomStatus, objectionWindowEndsAt: Date | null, now: Date): void {
  assertNotFinalized(status);
  if (status !== 'REVEALED' || objectionWindowEndsAt === null) {
    throw new Conflict('NOT_REVEALED', 'Objections are taken once the ranking is revealed');
  }
  if (now.getTime() >= objectionWindowEndsAt.getTime()) {
    throw new Conflict('OBJECTION_WINDOW_CLOSED', 'The objection window has closed', {
      objectionWindowEndsAt: objectionWindowEndsAt.toISOString(),
    });
  }
}

/** The admin answers an objection once, before the room is finalised. */
export function assertCanAnswerObjection(status: RoomStatus, alreadyAnswered: boolean): void {
  assertNotFinalized(status);
  if (alreadyAnswered) throw new Conflict('OBJECTION_ANSWERED', 'This objection has already been answered');
}
