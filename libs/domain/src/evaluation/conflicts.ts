import type { BidSlotState, RoomStatus } from './room-lifecycle';

/** Conflicts of interest (回避) between judges and the bids of an evaluation room. */
import { OrganisationIdentity, sameOrganisation } from '../identity/organisation-identity';

/** Why a judge is recused without being asked; in the order autoRecusal reports them. */
export const RECUSAL_REASONS = ['KEY_PERSONNEL', 'TEAM_MEMBER', 'SAME_ORGANISATION'] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

export interface JudgeForConflicts {
  userId: string;
  /** The identity of the judge's affiliation (organisation-identity.ts), not only its record. */
  affiliation: OrganisationIdentity | null;
}

/** One period of accepted membership of a bidding team (a pending or declined invitation is none). */
export interface MembershipForConflicts {
  userId: string;
  /** null: still a member. */
  leftAt: Date | null;
}

export interface TeamForConflicts {
  /** The identity of the team's organisation. */
  org: OrganisationIdentity | null;
  /** Every period of membership of the bidding team, current or past. */
  memberships: readonly MembershipForConflicts[];
}

/** What ties a bid to people: its team (organisation, memberships) and the key personnel it names. */
export interface BidTiesForConflicts extends TeamForConflicts {
  /** bid.key_personnel_user_ids: the people the bid names to do the work. */
  keyPersonnelUserIds: readonly string[];
}

/** When conflicts are judged (the database clock at convening) and how far back a past membership still counts. */
export interface ConflictLookback {
  at: Date;
  years: number;
}

/** The earliest end of a membership that still recuses: `years` calendar years (UTC) before `at`. */
export function lookbackStart(lookback: ConflictLookback): Date {
  const start = new Date(lookback.at);
  start.setUTCFullYear(start.getUTCFullYear() - lookback.years);
  return start;
}

/** Whether a period of membership recuses its member: while it lasts, and until the look-back has passed since it ended. */
export function membershipRecuses(period: MembershipForConflicts, lookback: ConflictLookback): boolean {
  return period.leftAt === null || period.leftAt > lookbackStart(lookback);
}

/**
 * Why a judge must be recused from a team's bid without being asked, or null. Being named on the
 * bid as key personnel is reported first, then having been on the team (within the look-back),
 * then a shared affiliation.
 */
export function autoRecusal(judge: JudgeForConflicts, team: BidTiesForConflicts, lookback: ConflictLookback): RecusalReason | null {
  if (team.keyPersonnelUserIds.includes(judge.userId)) return 'KEY_PERSONNEL';
  if (team.memberships.some((m) => m.userId === judge.userId && membershipRecuses(m, lookback))) return 'TEAM_MEMBER';
  if (judge.affiliation && team.org && sameOrganisation(judge.affiliation, team.org)) return 'SAME_ORGANISATION';
  return null;
}

/** A bid with its team and key personnel, as the conflicts read it. */
export interface BidForConflicts extends BidTiesForConflicts {
  bidId: string;
}

export interface AutomaticRecusalOf {
  judgeId: string;
  bidId: string;
  reason: RecusalReason;
}

/** Every automatic recusal of these judges from these bids, judge by judge then bid by bid. */
export function automaticRecusals(judges: readonly JudgeForConflicts[], bids: readonly BidForConflicts[], lookback: ConflictLookback): AutomaticRecusalOf[] {
  return judges.flatMap((judge) =>
    bids.flatMap((bid) => {
      const reason = autoRecusal(judge, bid, lookback);
      return reason ? [{ judgeId: judge.userId, bidId: bid.bidId, reason }] : [];
    }),
  );
}

export interface JudgeBidPair {
  judgeId: string;
  bidId: string;
}

export interface DeclarationCheck {
  complete: boolean;
  /** Judge-by-judge in panel order, then bid order. */
  missing: JudgeBidPair[];
}

/**
 * Whether every judge has declared, for every bid, whether they have a conflict.
 * Automatic recusals count only once they are recorded as declarations.
 */
export function declarationsComplete(
  judgeIds: readonly string[],
  bidIds: readonly string[],
  declarations: readonly JudgeBidPair[],
): DeclarationCheck {
  const declared = new Set(declarations.map((d) => JSON.stringify([d.judgeId, d.bidId])));
  const missing = judgeIds.flatMap((judgeId) =>
    bidIds.filter((bidId) => !declared.has(JSON.stringify([judgeId, bidId]))).map((bidId) => ({ judgeId, bidId })),
  );
  return { complete: missing.length === 0, missing };
}

// --- conflicts that arise after convening --------------------------------------------------------

/** The recusals due that the room does not hold yet (a judge already recused from a bid, asked or not, is left as recorded). */
export function arisingRecusals(
  due: readonly AutomaticRecusalOf[],
  declarations: readonly (JudgeBidPair & { conflict: boolean })[],
): AutomaticRecusalOf[] {
  return due.filter((r) => !declarations.some((d) => d.judgeId === r.judgeId && d.bidId === r.bidId && d.conflict));
}

export interface ArisingRecusalEffect {
  /** The judge's standing score on the bid is withdrawn. */
  withdrawScore: boolean;
  /** The score stays in a locked result, and the bid is flagged for the bureau instead. */
  flagged: boolean;
}

/**
 * What a recusal arising after convening does to the judge's standing score on the bid: withdrawn
 * while scoring of the bid is still open; kept and flagged once the bid is locked or the ranking
 * revealed (a locked result is never changed silently). No standing score: nothing to do.
 */
export function arisingRecusalEffect(roomStatus: RoomStatus, slotState: BidSlotState, scoreStands: boolean): ArisingRecusalEffect {
  if (!scoreStands) return { withdrawScore: false, flagged: false };
  const locked = slotState === 'LOCKED' || roomStatus === 'REVEALED' || roomStatus === 'FINALIZED';
  return { withdrawScore: !locked, flagged: locked };
}

/** A bid whose locked result holds the score of a judge recused from it since. */
export interface FlaggedBid {
  bidId: string;
  judgeIds: string[];
}

/** The bids, in the order given, on which a recused judge's score still stands (judges in the declarations' order). */
export function flaggedBids(
  bidIds: readonly string[],
  declarations: readonly (JudgeBidPair & { conflict: boolean })[],
  standing: readonly JudgeBidPair[],
): FlaggedBid[] {
  return bidIds.flatMap((bidId) => {
    const judgeIds = declarations
      .filter((d) => d.bidId === bidId && d.conflict && standing.some((s) => s.bidId === bidId && s.judgeId === d.judgeId))
      .map((d) => d.judgeId);
    return judgeIds.length > 0 ? [{ bidId, judgeIds }] : [];
  });
}
