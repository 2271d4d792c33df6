/** Conflicts of interest (回避) between judges and the bids of an evaluation room. */

export type RecusalReason = 'SAME_ORGANISATION' | 'TEAM_MEMBER';

export interface JudgeForConflicts {
  userId: string;
  affiliationOrgId: string | null;
}

export interface TeamForConflicts {
  orgId: string | null;
  /** Everyone who has ever been a member of the bidding team, current or past. */
  memberUserIdsEver: readonly string[];
}

/**
 * Why a judge must be recused from a team's bid without being asked, or null.
 * Having been on the team is reported before a shared affiliation.
 */
export function autoRecusal(judge: JudgeForConflicts, team: TeamForConflicts): RecusalReason | null {
  if (team.memberUserIdsEver.includes(judge.userId)) return 'TEAM_MEMBER';
  if (judge.affiliationOrgId !== null && judge.affiliationOrgId === team.orgId) return 'SAME_ORGANISATION';
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
export function automaticRecusals(judges: readonly JudgeForConflicts[], bids: readonly BidForConflicts[]): AutomaticRecusalOf[] {
  return judges.flatMap((judge) =>
    bids.flatMap((bid) => {
      const reason = autoRecusal(judge, bid);
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
