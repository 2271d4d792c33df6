import type { OwnScore, RoomEvent, RoomSnapshot, Timer } from '../api/room-types';

/** The room as this client holds it: the last snapshot with the events applied, and when its timer was read. */
export interface RoomState {
  room: RoomSnapshot;
  /** Local clock (ms) when `room.timer.remainingMs` was true. */
  timerReadAt: number;
}

export type Applied = { kind: 'applied'; state: RoomState } | { kind: 'ignored' } | { kind: 'gap' };

/**
 * What the events change in the room; anything else asks for a fresh snapshot: declarations,
 * objections, the price opening, and the finalisation (which lifts the panel's confidentiality:
 * observers then see names and recusals only a snapshot carries).
 */
const REDUCIBLE = new Set(['room.opened', 'bid.presenting', 'timer.started', 'timer.paused', 'score.submitted', 'score.withdrawn', 'bid.locked', 'bid.unlocked', 'room.revealed']);

export function fromSnapshot(room: RoomSnapshot, now: number): RoomState {
  return { room, timerReadAt: now };
}

/** Whether the room has moved past what this client holds (a heartbeat's version is ahead of ours). */
export function isBehind(state: RoomState | null, version: number): boolean {
  return state !== null && state.room.version < version;
}

/** Applies one `room:event` by the version rules: old ones are ignored, a gap (or an event we do not reduce) needs a resync. */
export function applyEvent(state: RoomState, event: RoomEvent, now: number): Applied {
  const { room } = state;
  if (event.version <= room.version) return { kind: 'ignored' };
  if (event.version > room.version + 1 || !REDUCIBLE.has(event.type)) return { kind: 'gap' };
  const { data } = event;
  const next: RoomSnapshot = { ...room, version: event.version };
  if (data.progress) {
    const progress = data.progress;
    next.bids = room.bids.map((bid) => (bid.bidId === progress.bidId ? { ...bid, ...progress } : bid));
  }
  if (data.aggregate && room.aggregates) {
    const aggregate = data.aggregate;
    next.aggregates = [...room.aggregates.filter((a) => a.bidId !== aggregate.bidId), aggregate];
  }
  let timerReadAt = state.timerReadAt;
  if ('timer' in data) {
    next.timer = data.timer ?? null;
    timerReadAt = now;
  }
  switch (event.type) {
    case 'room.opened':
      Object.assign(next, { status: 'OPEN', openedAt: data.openedAt ?? event.at });
      break;
    case 'bid.presenting':
      next.currentBidId = data.bidId ?? null;
      break;
    case 'room.revealed':
      // Revealing takes the last bid off stage and clears its countdown, as the server's snapshot says.
      Object.assign(next, { status: 'REVEALED', revealedAt: data.revealedAt, objectionWindowEndsAt: data.objectionWindowEndsAt, ranking: data.ranking, currentBidId: null, timer: null });
      break;
  }
  return { kind: 'applied', state: { room: next, timerReadAt } };
}

/** Milliseconds left on the slot's countdown at local time `now`. */
export function timeLeft(timer: Timer | null, readAt: number, now: number): number | null {
  if (!timer) return null;
  return Math.max(0, timer.running ? timer.remainingMs - (now - readAt) : timer.remainingMs);
}

/** The state with the viewer's own score on `bidId` replaced (null: withdrawn). */
export function withOwnScore(state: RoomState, bidId: string, score: OwnScore | null): RoomState {
  const others = (state.room.myScores ?? []).filter((own) => own.bidId !== bidId);
  return { ...state, room: { ...state.room, myScores: score ? [...others, score] : others } };
}
