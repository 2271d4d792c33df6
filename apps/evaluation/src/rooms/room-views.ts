import {
  BidAggregate,
  bidAggregate,
  declarationsComplete,
  flaggedBids,
  formatPoints,
  pricesSealed,
  rankRoom,
  RoomAudience,
  RoomRankedBid,
  seatLabel,
  seesPanelIdentities,
  StandingTotal,
  timerRemainingMs,
} from '@app/domain';
import type {
  FlaggedBid,
  OwnDeclaration,
  OwnScore,
  PanelSeat,
  Progress,
  RankingEntry,
  RoomEventType,
  RoomSnapshot,
  Timer,
} from '@app/domain/evaluation/room-protocol';
import { RoomScoreState, RoomState, roomTimer } from './room-state';

// The shapes sent are the room protocol's, shared with the web client.
export type { RoomSnapshot };

/**
 * What each audience of a room sees, built from one RoomState. Pure, so the rules "observers get
 * no score before the reveal" and "observers learn no judge's identity before finalisation" are
 * checked here once, in a unit spec, for snapshots and events alike.
 */

/** What an event tells: the judge ids in it are `judgeId` and `progress`, the only fields an observer's copy renames. */
export interface RoomEventData {
  [key: string]: unknown;
  judgeId?: string;
  progress?: Progress;
  /** Every bid's progress (prices.opened). */
  bids?: Progress[];
}

/** `room:event` as built here: `data` holds what the audience may see (typed per event in the protocol). */
export interface RoomEventMessage {
  roomId: string;
  version: number;
  type: RoomEventType;
  at: string;
  data: RoomEventData;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function standingScores(state: RoomState): RoomScoreState[] {
  return state.scores.filter((s) => s.withdrawnAt === null);
}

export function standingTotals(state: RoomState): StandingTotal[] {
  return standingScores(state).map((s) => ({ bidId: s.bidId, judgeId: s.judgeId, totalCenti: s.totalCenti }));
}

export function recusedJudgeIds(state: RoomState, bidId: string): string[] {
  return state.declarations.filter((d) => d.bidId === bidId && d.conflict).map((d) => d.judgeId);
}

export function isRecused(state: RoomState, judgeId: string, bidId: string): boolean {
  return state.declarations.some((d) => d.bidId === bidId && d.judgeId === judgeId && d.conflict);
}

export function bidProgress(state: RoomState, bidId: string): Progress {
  const bid = state.bids.find((b) => b.bidId === bidId);
  const recused = recusedJudgeIds(state, bidId);
  return {
    bidId,
    state: bid?.state ?? 'PENDING',
    scoredBy: standingScores(state)
      .filter((s) => s.bidId === bidId)
      .map((s) => s.judgeId),
    recusedJudgeIds: recused,
    eligibleJudges: state.panel.filter((p) => !recused.includes(p.userId)).length,
  };
}

/** How one audience names the panel's judges: by user id, or (observers before finalisation) by seat label, recusals unsaid. */
export interface PanelNaming {
  identified: boolean;
  judge: (judgeId: string) => string;
}

export function panelNaming(state: RoomState, audience: RoomAudience): PanelNaming {
  if (seesPanelIdentities(audience, state.room.status)) return { identified: true, judge: (judgeId) => judgeId };
  const labels = new Map(state.panel.map((p, i) => [p.userId, seatLabel(i + 1)]));
  // Every judge id in a room's state is a panel member's (scores and declarations reference the panel).
  return { identified: false, judge: (judgeId) => labels.get(judgeId) ?? '?' };
}

/** A bid's progress as the audience may see it. */
export function progressView(progress: Progress, naming: PanelNaming): Progress {
  if (naming.identified) return progress;
  return { ...progress, scoredBy: progress.scoredBy.map(naming.judge), recusedJudgeIds: [] };
}

export function aggregateOf(state: RoomState, bidId: string): BidAggregate {
  return bidAggregate(bidId, standingTotals(state), state.room.aggregation);
}

/** A bid's quoted price as the room may show it: null while a two-envelope room's prices are sealed. */
export function visiblePrice(state: RoomState, quotedPriceFen: number): number | null {
  return pricesSealed(state.room) ? null : quotedPriceFen;
}

/** The ranking; while the prices are sealed a tie is not broken on price (nothing may depend on the sealed prices). */
export function rankingOf(state: RoomState): RoomRankedBid[] {
  const { room } = state;
  return rankRoom(
    state.bids.map((b) => ({ bidId: b.bidId, quotedPriceFen: visiblePrice(state, b.quotedPriceFen) ?? 0, finalReceiptAt: b.receivedAt })),
    standingTotals(state),
    room.aggregation,
    room.passMark,
    room.winners,
  );
}

export function rankingView(state: RoomState, audience: RoomAudience): RankingEntry[] {
  const names = new Map(state.bids.map((b) => [b.bidId, b.teamName]));
  return rankingOf(state).map((r) => ({
    bidId: r.bidId,
    rank: r.rank,
    teamName: names.get(r.bidId) ?? '',
    panelScore: r.panelScore,
    panelPoints: r.panelScore === null ? null : formatPoints(r.panelScore),
    eligible: r.eligible,
    awarded: r.awarded,
    scoredBy: r.scoredBy,
    ...(audience === 'CHAIR' && !pricesSealed(state.room) ? { quotedPriceFen: r.quotedPriceFen } : {}),
  }));
}

export function timerView(state: RoomState, serverTime: Date): Timer | null {
  const timer = roomTimer(state.room);
  if (!timer) return null;
  return {
    bidId: timer.bidId,
    phase: timer.phase,
    durationMs: timer.durationMs,
    running: timer.startedAt !== null,
    startedAt: iso(timer.startedAt),
    remainingMs: timerRemainingMs(timer, serverTime),
  };
}

export function ownScoreView(score: RoomScoreState): OwnScore {
  return {
    bidId: score.bidId,
    scores: score.scores,
    total: score.totalCenti,
    totalPoints: formatPoints(score.totalCenti),
    comment: score.comment,
    updatedAt: score.updatedAt.toISOString(),
  };
}

function isRevealed(state: RoomState): boolean {
  const status = state.room.status;
  return status === 'REVEALED' || status === 'FINALIZED';
}

/** Whether every judge has declared on every bid (the room opens only then). */
export function declarationCheck(state: RoomState) {
  return declarationsComplete(
    state.panel.map((p) => p.userId),
    state.bids.map((b) => b.bidId),
    state.declarations,
  );
}

/** The bids on which a recused judge's score still stands, in presentation order. */
export function flaggedOf(state: RoomState): FlaggedBid[] {
  return flaggedBids(
    state.bids.map((b) => b.bidId),
    state.declarations,
    standingScores(state),
  );
}

/** A judge's own standing score of a bid, as they see it (null when none stands). */
export function ownScoreOf(state: RoomState, judgeId: string, bidId: string): OwnScore | null {
  const score = standingScores(state).find((s) => s.judgeId === judgeId && s.bidId === bidId);
  return score ? ownScoreView(score) : null;
}

/** The full state of a room for one audience at the room's current version. */
export function buildSnapshot(state: RoomState, audience: RoomAudience, viewerId: string, serverTime: Date): RoomSnapshot {
  const { room } = state;
  const bidIds = state.bids.map((b) => b.bidId);
  const onPanel = state.panel.some((p) => p.userId === viewerId);
  const naming = panelNaming(state, audience);
  const chairOnPanel = state.panel.some((p) => p.userId === room.chairUserId);
  const snapshot: RoomSnapshot = {
    roomId: room.id,
    version: room.version,
    serverTime: serverTime.toISOString(),
    audience,
    status: room.status,
    challenge: { id: state.challenge.id, title: state.challenge.title },
    chairUserId: naming.identified || chairOnPanel ? naming.judge(room.chairUserId) : null,
    aggregation: room.aggregation,
    passMark: room.passMark,
    winners: room.winners,
    objectionWindowMinutes: room.objectionWindowMinutes,
    rubric: room.rubric.map((c) => ({ key: c.key, name: c.name, description: c.description, weight: c.weight, maxScore: c.maxScore })),
    envelopes: room.envelopes,
    priceCriterionKey: room.priceCriterionKey,
    priceScoring: room.priceScoring,
    pricesOpenedAt: iso(room.pricesOpenedAt),
    openedAt: iso(room.openedAt),
    revealedAt: iso(room.revealedAt),
    objectionWindowEndsAt: iso(room.objectionWindowEndsAt),
    finalizedAt: iso(room.finalizedAt),
    currentBidId: room.currentBidId,
    timer: timerView(state, serverTime),
    panel: state.panel.map(
      (p, i): PanelSeat => ({
        label: seatLabel(i + 1),
        userId: naming.judge(p.userId),
        displayName: naming.identified ? p.displayName : null,
        chair: p.userId === room.chairUserId,
        declared: bidIds.every((bidId) => state.declarations.some((d) => d.judgeId === p.userId && d.bidId === bidId)),
      }),
    ),
    bids: state.bids.map((b) => ({
      ...progressView(bidProgress(state, b.bidId), naming),
      position: b.position,
      teamId: b.teamId,
      teamName: b.teamName,
      presentationMinutes: b.presentationMinutes,
      qaMinutes: b.qaMinutes,
      presentedAt: iso(b.presentedAt),
      lockedAt: iso(b.lockedAt),
    })),
    objections: { filed: state.objections.length, open: state.objections.filter((o) => o.answeredAt === null).length },
  };
  if (onPanel && (audience === 'JUDGE' || audience === 'CHAIR')) {
    snapshot.myScores = standingScores(state)
      .filter((s) => s.judgeId === viewerId)
      .map(ownScoreView);
    snapshot.myRecusals = bidIds.filter((bidId) => isRecused(state, viewerId, bidId));
    snapshot.myDeclarations = bidIds.flatMap((bidId): OwnDeclaration[] => {
      const declared = state.declarations.find((d) => d.judgeId === viewerId && d.bidId === bidId);
      return declared ? [{ bidId, conflict: declared.conflict, automatic: declared.automatic, reason: declared.reason }] : [];
    });
  }
  if (audience === 'CHAIR') {
    snapshot.aggregates = bidIds.map((bidId) => aggregateOf(state, bidId));
    snapshot.flagged = flaggedOf(state);
  }
  if (isRevealed(state)) snapshot.ranking = rankingView(state, audience);
  return snapshot;
}

/** What a command tells the room: the same type and version for all, extra detail for the chair. */
export interface RoomEventContent {
  type: RoomEventType;
  /** For every audience, with real judge ids (renamed for observers here). Never scores or aggregates before the reveal. */
  data: RoomEventData;
  /** Added for the chair only. */
  chairData?: Record<string, unknown>;
}

/** One message per audience of a room. */
export interface RoomEventMessages {
  chair: RoomEventMessage;
  judges: RoomEventMessage;
  observers: RoomEventMessage;
}

/** An event's data as the audience may see it: its judge ids renamed when the panel is not identified to it. */
function eventDataView(data: RoomEventData, naming: PanelNaming): RoomEventData {
  if (naming.identified) return data;
  const { judgeId, progress, bids, ...rest } = data;
  return {
    ...rest,
    ...(judgeId === undefined ? {} : { judgeId: naming.judge(judgeId) }),
    ...(progress === undefined ? {} : { progress: progressView(progress, naming) }),
    ...(bids === undefined ? {} : { bids: bids.map((each) => progressView(each, naming)) }),
  };
}

/** The event of a command for each audience, from the state after it. */
export function eventMessages(after: RoomState, at: Date, content: RoomEventContent): RoomEventMessages {
  const base = { roomId: after.room.id, version: after.room.version, type: content.type, at: at.toISOString() };
  return {
    chair: { ...base, data: { ...content.data, ...content.chairData } },
    judges: { ...base, data: content.data },
    observers: { ...base, data: eventDataView(content.data, panelNaming(after, 'OBSERVER')) },
  };
}
