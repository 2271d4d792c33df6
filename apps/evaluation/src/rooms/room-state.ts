import type { EvaluationRoomEntity } from '@app/database';
import { BidSlotState, NotFound, TimerState } from '@app/domain';

/** Everything a room's views are built from, read in one transaction at one version. */
export interface RoomBidState {
  bidId: string;
  position: number;
  presentationMinutes: number;
  qaMinutes: number;
  state: BidSlotState;
  presentedAt: Date | null;
  lockedAt: Date | null;
  teamId: string;
  teamName: string;
  teamOrgId: string | null;
  quotedPriceFen: number;
  receivedAt: Date;
}

export interface RoomDeclarationState {
  judgeId: string;
  bidId: string;
  conflict: boolean;
  automatic: boolean;
  reason: string | null;
  declaredAt: Date;
}

export interface RoomScoreState {
  bidId: string;
  judgeId: string;
  scores: Record<string, number>;
  totalCenti: number;
  comment: string | null;
  updatedAt: Date;
  withdrawnAt: Date | null;
}

export interface RoomObjectionState {
  id: string;
  bidId: string;
  filedBy: string;
  text: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface RoomState {
  room: EvaluationRoomEntity;
  challenge: { id: string; title: string; orgId: string };
  panel: { userId: string; displayName: string; position: number }[];
  bids: RoomBidState[];
  declarations: RoomDeclarationState[];
  scores: RoomScoreState[];
  objections: RoomObjectionState[];
}

/** The countdown as stored on the room row, or null when none was started. */
export function roomTimer(room: EvaluationRoomEntity): TimerState | null {
  if (room.timerBidId === null || room.timerPhase === null || room.timerDurationMs === null || room.timerRemainingMs === null) {
    return null;
  }
  return {
    bidId: room.timerBidId,
    phase: room.timerPhase,
    durationMs: room.timerDurationMs,
    remainingMs: room.timerRemainingMs,
    startedAt: room.timerStartedAt,
  };
}

/** Writes a countdown back onto the room row (null clears it). */
export function setRoomTimer(room: EvaluationRoomEntity, timer: TimerState | null): void {
  room.timerBidId = timer?.bidId ?? null;
  room.timerPhase = timer?.phase ?? null;
  room.timerDurationMs = timer?.durationMs ?? null;
  room.timerRemainingMs = timer?.remainingMs ?? null;
  room.timerStartedAt = timer?.startedAt ?? null;
}

/** The room's slot of this bid (404 when the bid is not in the room). */
export function slotOf(state: RoomState, bidId: string): RoomBidState {
  const slot = state.bids.find((b) => b.bidId === bidId);
  if (!slot) throw new NotFound('Room bid');
  return slot;
}
