/** Conflicts of interest (回避) between judges and the bids of an evaluation room. */
import { OrganisationIdentity, sameOrganisation } from '../identity/organisation-identity';

export type RecusalReason = 'SAME_ORGANISATION' | 'TEAM_MEMBER';

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
 * Why a judge must be recused from a team's bid without being asked, or null.
 * Having been on the team (within the look-back) is reported before a shared affiliation.
 */
export function autoRecusal(judge: JudgeForConflicts, team: TeamForConflicts, lookback: ConflictLookback): RecusalReason | null {
  if (team.memberships.some((m) => m.userId === judge.userId && membershipRecuses(m, lookback))) return 'TEAM_MEMBER';
  if (judge.affiliation && team.org && sameOrganisation(judge.affiliation, team.org)) return 'SAME_ORGANISATION';
  return null;
}

/** A bid with its team, as the conflicts read it. */
export interface BidForConflicts extends TeamForConflicts {
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
