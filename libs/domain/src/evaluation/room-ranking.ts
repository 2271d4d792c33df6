import {
  Aggregation,
  BidForRanking,
  DEFAULT_OUTLIER_THRESHOLD_CENTI,
  OutlierFlag,
  outlierFlags,
  panelScore,
  rankBids,
  RankedBid,
} from './scoring';

/**
 * A room's numbers from its stored scores: each bid's aggregate (what the chair watches live)
 * and the ranking (what the reveal publishes and the finalisation awards). Built on scoring.ts.
 */

/** A judge's standing (not withdrawn) total for a bid, in centi-points. */
export interface StandingTotal {
  bidId: string;
  judgeId: string;
  totalCenti: number;
}

export interface BidAggregate {
  bidId: string;
  /** The panel score (centi) by the room's aggregation, or null before anyone scored. */
  panelScore: number | null;
  scoredBy: number;
  totals: { judgeId: string; total: number }[];
  flags: OutlierFlag[];
}

/** One bid's aggregate from the standing totals of the room (other bids' totals are ignored). */
export function bidAggregate(
  bidId: string,
  totals: readonly StandingTotal[],
  aggregation: Aggregation,
  outlierThresholdCenti = DEFAULT_OUTLIER_THRESHOLD_CENTI,
): BidAggregate {
  const own = totals.filter((t) => t.bidId === bidId);
  const byJudge = Object.fromEntries(own.map((t) => [t.judgeId, t.totalCenti]));
  return {
    bidId,
    panelScore: panelScore(
      own.map((t) => t.totalCenti),
      aggregation,
    ),
    scoredBy: own.length,
    totals: own.map((t) => ({ judgeId: t.judgeId, total: t.totalCenti })),
    flags: outlierFlags(byJudge, outlierThresholdCenti),
  };
}

export interface RoomBidForRanking {
  bidId: string;
  quotedPriceFen: number;
  finalReceiptAt: Date;
}

export interface RoomRankedBid extends RankedBid {
  scoredBy: number;
  quotedPriceFen: number;
}

/**
 * The ranking of a room: every bid's panel score by the room's aggregation, then rankBids
 * (score, lower price, earlier receipt); eligible at or above the pass mark (points out of 100),
 * the first `winners` eligible bids awarded.
 */
export function rankRoom(
  bids: readonly RoomBidForRanking[],
  totals: readonly StandingTotal[],
  aggregation: Aggregation,
  passMarkPoints: number,
  winners: number,
): RoomRankedBid[] {
  const byBid = new Map(bids.map((b) => [b.bidId, bidAggregate(b.bidId, totals, aggregation)]));
  const input: BidForRanking[] = bids.map((b) => ({
    bidId: b.bidId,
    panelScore: byBid.get(b.bidId)?.panelScore ?? null,
    quotedPriceFen: b.quotedPriceFen,
    finalReceiptAt: b.finalReceiptAt,
  }));
  const price = new Map(bids.map((b) => [b.bidId, b.quotedPriceFen]));
  return rankBids(input, passMarkPoints * 100, winners).map((ranked) => ({
    ...ranked,
    scoredBy: byBid.get(ranked.bidId)?.scoredBy ?? 0,
    quotedPriceFen: price.get(ranked.bidId) ?? 0,
  }));
}
