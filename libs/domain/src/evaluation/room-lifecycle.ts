import { Conflict, FieldError, Forbidden, ValidationFailed } from '../errors';
import { DeclarationCheck } from './conflicts';

/**
 * The life of an evaluation room: CONVENED (conflict declarations open) -> OPEN (live scoring)
 * -> REVEALED (ranking published, objection window) -> FINALIZED (read-only). Within an open
 * room each bid's slot goes PENDING -> PRESENTING -> LOCKED. The guards throw stable codes.
 */
export const ROOM_STATUSES = ['CONVENED', 'OPEN', 'REVEALED', 'FINALIZED'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const BID_SLOT_STATES = ['PENDING', 'PRESENTING', 'LOCKED'] as const;
export type BidSlotState = (typeof BID_SLOT_STATES)[number];

export const MIN_PANEL_SIZE = 3;
export const MAX_PANEL_SIZE = 15;

export function assertNotFinalized(status: RoomStatus): void {
  if (status === 'FINALIZED') throw new Conflict('ROOM_FINALIZED', 'The room is finalised; its record is read-only');
}

/** The chair may open a convened room once every judge has declared on every bid. */
export function assertCanOpen(status: RoomStatus, declarations: boolean | DeclarationCheck): void {
  if (status !== 'CONVENED') throw new Conflict('ROOM_NOT_CONVENED', `The room is ${status}, not CONVENED`);
  const check = typeof declarations === 'boolean' ? { complete: declarations, missing: [] } : declarations;
  if (!check.complete) {
    throw new Conflict(
      'DECLARATIONS_INCOMPLETE',
      'Every judge must declare conflicts of interest on every bid before the room opens',
      { missing: check.missing },
    );
  }
}

/** A judge scores only a bid they are not recused from, while it is presented in an open room. */
export function assertCanScore(roomStatus: RoomStatus, slotState: BidSlotState, recused: boolean): void {
  if (recused) throw new Forbidden('JUDGE_RECUSED', 'You are recused from this bid');
  if (roomStatus !== 'OPEN') throw new Conflict('ROOM_NOT_OPEN', `The room is ${roomStatus}, not OPEN`);
  if (slotState === 'LOCKED') throw new Conflict('BID_LOCKED', 'Scoring of this bid is locked');
  if (slotState === 'PENDING') throw new Conflict('BID_NOT_PRESENTING', 'This bid has not been presented yet');
}

/** The chair reveals the ranking of an open room once scoring of every bid is locked. */
export function assertCanReveal(status: RoomStatus, slots: readonly { bidId: string; state: BidSlotState }[]): void {
  if (status !== 'OPEN') throw new Conflict('ROOM_NOT_OPEN', `The room is ${status}, not OPEN`);
  const unlocked = slots.filter((s) => s.state !== 'LOCKED').map((s) => s.bidId);
  if (unlocked.length > 0) {
    throw new Conflict('BIDS_NOT_LOCKED', `Scoring is still open on ${unlocked.length} bid(s)`, { bidIds: unlocked });
  }
}

/** The chair finalises a revealed room after its objection window, with every objection answered. */
export function assertCanFinalize(
  status: RoomStatus,
  objectionWindowEndsAt: Date,
  now: Date,
  openObjections: number,
): void {
  assertNotFinalized(status);
  if (status !== 'REVEALED') throw new Conflict('NOT_REVEALED', 'The ranking must be revealed before finalising');
  if (now.getTime() < objectionWindowEndsAt.getTime()) {
    throw new Conflict('OBJECTION_WINDOW_OPEN', 'The objection window is still open', {
      objectionWindowEndsAt: objectionWindowEndsAt.toISOString(),
    });
  }
  if (openObjections > 0) {
    throw new Conflict('OBJECTIONS_UNANSWERED', `${openObjections} objection(s) still await an answer`, {
      openObjections,
    });
  }
}

/** A panel is an odd number of distinct judges (3 to 15), chaired by one of them or by an admin. */
export function validatePanel(judgeIds: readonly string[], chairId: string, isAdminChair: boolean): void {
  const errors: FieldError[] = [];
  const judgeMessages: string[] = [];
  const n = judgeIds.length;
  if (n < MIN_PANEL_SIZE || n > MAX_PANEL_SIZE || n % 2 === 0) {
    judgeMessages.push(`must be an odd number of judges from ${MIN_PANEL_SIZE} to ${MAX_PANEL_SIZE}, not ${n}`);
  }
  const duplicates = [...new Set(judgeIds.filter((id, i) => judgeIds.indexOf(id) !== i))];
  if (duplicates.length > 0) judgeMessages.push(`must not repeat a judge: ${duplicates.join(', ')}`);
  if (judgeMessages.length > 0) errors.push({ field: 'judgeIds', messages: judgeMessages });
  if (!isAdminChair && !judgeIds.includes(chairId)) {
    errors.push({ field: 'chairUserId', messages: ['must be one of the judges or an admin'] });
  }
  if (errors.length > 0) {
    throw new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join('; '));
  }
}
