import { Forbidden, NotFound } from '../errors';
import { RoomStatus } from './room-lifecycle';

/**
 * Who someone is in an evaluation room, and what that lets them see and do. Pure: the caller
 * gathers the facts (panel membership, the enterprises they act for, their teams' bids).
 */

/** What a participant receives live: the chair everything, judges their own scores, observers progress. */
export type RoomAudience = 'CHAIR' | 'JUDGE' | 'OBSERVER';

export interface RoomParticipant {
  userId: string;
  isAdmin: boolean;
  isChair: boolean;
  isPanelJudge: boolean;
  /** Acts for the enterprise that owns the challenge. */
  actsForOwner: boolean;
  /** Bids in this room whose team the user currently belongs to. */
  teamBidIds: readonly string[];
}

/**
 * The one audience a participant belongs to (chair before judge before observer), or null for
 * someone with no part in the room. Every socket joins exactly one audience of a room, so it
 * receives each event once.
 */
export function roomAudience(p: RoomParticipant): RoomAudience | null {
  if (p.isChair) return 'CHAIR';
  if (p.isPanelJudge) return 'JUDGE';
  if (p.isAdmin || p.actsForOwner || p.teamBidIds.length > 0) return 'OBSERVER';
  return null;
}

/** Someone with no part in the room does not learn that it exists. */
export function assertParticipant(p: RoomParticipant): RoomAudience {
  const audience = roomAudience(p);
  if (audience === null) throw new NotFound('Room');
  return audience;
}

export function assertChair(p: RoomParticipant): void {
  if (!p.isChair) throw new Forbidden('NOT_CHAIR', 'Only the chair of this room does this');
}

export function assertPanelJudge(p: RoomParticipant): void {
  if (!p.isPanelJudge) throw new Forbidden('NOT_ON_PANEL', 'Only a judge on this room’s panel does this');
}

/** Declarations (who is recused, and why) are for the chair and the admins. */
export function canReadDeclarations(p: RoomParticipant): boolean {
  return p.isChair || p.isAdmin;
}

/**
 * A bid's full content: its non-recused judges, the chair, the admins and the owner enterprise.
 * A recused judge never gets it, even when they chair the room.
 */
export function canReadBidContent(p: RoomParticipant, recused: boolean): boolean {
  if ((p.isPanelJudge || p.isChair) && recused) return false;
  return p.isPanelJudge || p.isChair || p.isAdmin || p.actsForOwner;
}

/**
 * The record (audit entries carry every judge's scores) and the report: the chair and the admins
 * at any time; the panel and the owner enterprise once the room is finalised. Bidding teams get
 * their anonymous scorecard instead (feedback).
 */
export function canReadRecord(p: RoomParticipant, status: RoomStatus): boolean {
  if (p.isChair || p.isAdmin) return true;
  return status === 'FINALIZED' && (p.isPanelJudge || p.actsForOwner);
}

/** Re-verifying the chain reveals no content: every participant at any time, anyone once finalised. */
export function canVerifyRecord(p: RoomParticipant | null, status: RoomStatus): boolean {
  return status === 'FINALIZED' || (p !== null && roomAudience(p) !== null);
}

/** Live aggregates and per-judge progress: the chair and the admins (leniency view). */
export function canReadAggregates(p: RoomParticipant): boolean {
  return p.isChair || p.isAdmin;
}

/**
 * Whether an audience learns who sits on the panel and who is recused from which bid. The panel's
 * names stay confidential until the result is final (招标投标法 §37): the chair and the judges know
 * them (the panel sits together); observers (the admins, the owner enterprise, bidding teams) see
 * seat labels until the room is FINALIZED, then what the evaluation report publishes: the names.
 */
export function seesPanelIdentities(audience: RoomAudience, status: RoomStatus): boolean {
  return audience !== 'OBSERVER' || status === 'FINALIZED';
}

/** A judge's seat label by panel position, 1-based: 1 → 'A', 26 → 'Z', 27 → 'AA'. A pseudonym that says nothing of who sits there. */
export function seatLabel(position: number): string {
  let label = '';
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26)) {
    label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  }
  return label;
}
