import { FieldError, ValidationFailed } from '../errors';

/**
 * Scoring rules of the evaluation room. Points are carried as integer
 * "centi-points" (hundredths of a point, 0..10000 for 0.00..100.00) so that
 * totals, panel scores and the ranking are exact and reproducible.
 */

/** One rubric line: `weight` is a whole number (weights sum to 100), `maxScore` the top of its scale. */
export interface Criterion {
  key: string;
  weight: number;
  maxScore: number;
}

/** A judge's scores for one bid, by criterion key. */
export type CriterionScores = Record<string, number>;

/** How a panel's totals make the panel score (see panelScore). */
export const AGGREGATIONS = ['TRIMMED_MEAN', 'MEAN', 'MEDIAN'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const DEFAULT_AGGREGATION: Aggregation = 'TRIMMED_MEAN';

/** Points out of 100 a bid needs to be able to win, unless the challenge sets its own pass mark. */
export const DEFAULT_PASS_MARK = 60;
export const DEFAULT_PASS_MARK_CENTI = DEFAULT_PASS_MARK * 100;
export const DEFAULT_OUTLIER_THRESHOLD_CENTI = 1500;
/** TRIMMED_MEAN drops the single highest and lowest totals from this many totals on. */
export const TRIM_FROM_COUNT = 5;

/** An exact score (at most 2 decimals) as an integer number of hundredths. */
function hundredths(value: number): number {
  return Math.round(value * 100);
}

function hasAtMostTwoDecimals(value: number): boolean {
  return hundredths(value) / 100 === value;
}

/** `numerator / denominator` for non-negative integers, rounded half up. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Checks one judge's scores against the rubric and names every offending field. */
export function validateScores(
  criteria: readonly Criterion[],
  scores: unknown,
  field = 'scores',
): asserts scores is CriterionScores {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    throw ValidationFailed.field(field, 'must be an object of scores by criterion');
  }
  const given = scores as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const { key, maxScore } of criteria) {
    const value = given[key];
    if (!Object.hasOwn(given, key)) {
      errors.push({ field: `${field}.${key}`, messages: ['is required'] });
    } else if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      value > maxScore ||
      !hasAtMostTwoDecimals(value)
    ) {
      errors.push({
        field: `${field}.${key}`,
        messages: [`must be a number from 0 to ${maxScore} with at most 2 decimals`],
      });
    }
  }
  const known = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(given).filter((k) => !known.has(k))) {
    errors.push({ field: `${field}.${key}`, messages: ['is not a criterion of this rubric'] });
  }
  if (errors.length > 0) {
    throw new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/**
 * A judge's total for a bid: Σ score / maxScore × weight, in centi-points.
 * Each term is the exact fraction 100·weight·S / M (S, M the score and maximum
 * in hundredths); the sum is kept as a reduced fraction and rounded half up once.
 */
export function judgeTotal(criteria: readonly Criterion[], scores: CriterionScores): number {
  validateScores(criteria, scores);
  return weightedTotal(criteria, scores);
}

/**
 * The same sum for a sheet still being filled in (the judge's running total in the web client):
 * a criterion not scored yet counts 0. No validation: judgeTotal is the rule for a submitted sheet.
 */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number | null | undefined>>): number {
  let num = 0n;
  let den = 1n;
  for (const { key, weight, maxScore } of criteria) {
    const termNum = 100n * BigInt(weight) * BigInt(hundredths(scores[key] ?? 0));
    const termDen = BigInt(hundredths(maxScore));
    num = num * termDen + termNum * den;
    den *= termDen;
    const divisor = gcd(num, den);
    num /= divisor;
    den /= divisor;
  }
  return Number((2n * num + den) / (2n * den));
}

/** Centi-points as a decimal string: 8735 -> "87.35". */
export function formatPoints(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The panel score of one bid from its judges' totals (centi), or null when nobody scored it. */
export function panelScore(totals: readonly number[], aggregation: Aggregation): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  if (aggregation === 'MEDIAN') {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : divideHalfUp(sorted[mid - 1] + sorted[mid], 2);
  }
  const counted = aggregation === 'TRIMMED_MEAN' && sorted.length >= TRIM_FROM_COUNT ? sorted.slice(1, -1) : sorted;
  return divideHalfUp(counted.reduce((sum, t) => sum + t, 0), counted.length);
}

export interface OutlierFlag {
  judgeId: string;
  total: number;
  median: number;
  deviation: number;
}

/**
 * Judges whose total lies more than `thresholdCenti` from the panel median.
 * The median is the displayed one (centi, half up), so a flag always agrees
 * with the numbers shown next to it.
 */
export function outlierFlags(
  totalsByJudge: Readonly<Record<string, number>>,
  thresholdCenti = DEFAULT_OUTLIER_THRESHOLD_CENTI,
): OutlierFlag[] {
  const median = panelScore(Object.values(totalsByJudge), 'MEDIAN');
  if (median === null) return [];
  return Object.entries(totalsByJudge)
    .map(([judgeId, total]) => ({ judgeId, total, median, deviation: Math.abs(total - median) }))
    .filter((flag) => flag.deviation > thresholdCenti);
}

export interface BidForRanking {
  bidId: string;
  panelScore: number | null;
  quotedPriceFen: number;
  finalReceiptAt: Date;
}

export interface RankedBid {
  bidId: string;
  rank: number;
  panelScore: number | null;
  eligible: boolean;
  awarded: boolean;
}

function compareForRanking(a: BidForRanking, b: BidForRanking): number {
  if (a.panelScore === null || b.panelScore === null) {
    if (a.panelScore !== b.panelScore) return a.panelScore === null ? 1 : -1;
  } else if (a.panelScore !== b.panelScore) {
    return b.panelScore - a.panelScore;
  }
  if (a.quotedPriceFen !== b.quotedPriceFen) return a.quotedPriceFen - b.quotedPriceFen;
  const receipt = a.finalReceiptAt.getTime() - b.finalReceiptAt.getTime();
  if (receipt !== 0) return receipt;
  return a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
}

/**
 * The ranking: score high to low, then lower quoted price, then earlier final
 * receipt, then bidId. Unscored bids come last and are ineligible; a bid is
 * eligible at or above the pass mark; the first `winners` eligible bids win.
 */
export function rankBids(bids: readonly BidForRanking[], passMarkCenti: number, winners: number): RankedBid[] {
  if (!Number.isSafeInteger(winners) || winners < 1) {
    throw ValidationFailed.field('winners', 'must be a whole number of at least 1');
  }
  let awardedSoFar = 0;
  return [...bids].sort(compareForRanking).map((bid, index) => {
    const eligible = bid.panelScore !== null && bid.panelScore >= passMarkCenti;
    const awarded = eligible && awardedSoFar < winners;
    if (awarded) awardedSoFar += 1;
    return { bidId: bid.bidId, rank: index + 1, panelScore: bid.panelScore, eligible, awarded };
  });
}

export interface JudgeTotal {
  judgeId: string;
  bidId: string;
  total: number;
}

export interface JudgeLeniency {
  judgeId: string;
  meanPoints: number;
  stdPoints: number;
  /** Each total against this judge's own mean and spread (what the bids' normalised ranking uses). */
  zScores: { bidId: string; total: number; z: number }[];
  /**
   * How lenient (above 0) or strict (below 0) the judge is against the rest of the panel: on each bid
   * the judge's total as a z-score among that bid's judges, averaged over the bids where the panel's
   * totals differ; null when there is no such bid.
   */
  panelZ: number | null;
  /** How many bids `panelZ` averages. */
  bidsCompared: number;
}

export interface BidLeniency {
  bidId: string;
  meanZ: number;
  judges: number;
  rank: number;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000 + 0; // `+ 0` turns -0 into 0
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Mean and population standard deviation. */
function spread(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length) };
}

/** Each judge's z-score among the judges of every bid where their totals differ, by judge. */
function panelZScores(totals: readonly JudgeTotal[]): Map<string, number[]> {
  const byJudge = new Map<string, number[]>();
  for (const bidTotals of groupBy(totals, (t) => t.bidId).values()) {
    const { mean, std } = spread(bidTotals.map((t) => t.total / 100));
    if (std === 0) continue;
    for (const t of bidTotals) byJudge.set(t.judgeId, [...(byJudge.get(t.judgeId) ?? []), (t.total / 100 - mean) / std]);
  }
  return byJudge;
}

/**
 * Advisory view of judge leniency, in two measures (points; population standard deviations; floats
 * rounded to 3 decimals):
 * - against the panel (`panelZ`): on each bid, the judge's total as a z-score among that bid's
 *   judges, averaged over the bids; a judge who scores above the others is lenient (> 0);
 * - against themselves (`zScores`): each total against the judge's own mean and spread; each bid's
 *   mean of those across its judges gives the bids' normalised ranking (equal means share a rank),
 *   which a panel of one lenient and one strict judge cannot tilt.
 */
export function leniency(totals: readonly JudgeTotal[]): { judges: JudgeLeniency[]; bids: BidLeniency[] } {
  const againstPanel = panelZScores(totals);
  const byJudge = [...groupBy(totals, (t) => t.judgeId)].map(([judgeId, own]) => {
    const points = own.map((t) => t.total / 100);
    const { mean, std } = spread(points);
    const zs = own.map((t, i) => ({ bidId: t.bidId, total: t.total, z: std === 0 ? 0 : (points[i] - mean) / std }));
    return { judgeId, mean, std, zs };
  });
  const judges = byJudge.map(({ judgeId, mean, std, zs }) => {
    const panel = againstPanel.get(judgeId) ?? [];
    return {
      judgeId,
      meanPoints: round3(mean),
      stdPoints: round3(std),
      zScores: zs.map((entry) => ({ ...entry, z: round3(entry.z) })),
      panelZ: panel.length === 0 ? null : round3(spread(panel).mean),
      bidsCompared: panel.length,
    };
  });
  const means = [...groupBy(byJudge.flatMap((j) => j.zs), (entry) => entry.bidId)].map(([bidId, entries]) => ({
    bidId,
    meanZ: round3(entries.reduce((sum, e) => sum + e.z, 0) / entries.length),
    judges: entries.length,
  }));
  const bids = means
    .map((bid) => ({ ...bid, rank: 1 + means.filter((other) => other.meanZ > bid.meanZ).length }))
    .sort((a, b) => a.rank - b.rank || (a.bidId < b.bidId ? -1 : 1));
  return { judges, bids };
}

export interface JudgeFeedbackInput {
  judgeId: string;
  scores: CriterionScores;
  comment: string | null;
}

export interface BidFeedback {
  judges: number;
  criteria: { key: string; maxScore: number; average: number | null }[];
  comments: string[];
}

/**
 * Feedback for a bidding team: the panel's average per criterion (2 decimals,
 * half up) and the judges' comments, anonymised: no judge ids, empty comments
 * dropped, sorted so their order does not reveal who wrote which.
 */
export function feedbackFor(criteria: readonly Criterion[], scoresOfBid: readonly JudgeFeedbackInput[]): BidFeedback {
  const n = scoresOfBid.length;
  return {
    judges: n,
    criteria: criteria.map(({ key, maxScore }) => ({
      key,
      maxScore,
      average:
        n === 0 ? null : divideHalfUp(scoresOfBid.reduce((sum, s) => sum + hundredths(s.scores[key]), 0), n) / 100,
    })),
    comments: scoresOfBid
      .map((s) => s.comment?.trim() ?? '')
      .filter((c) => c.length > 0)
      .sort(),
  };
}
