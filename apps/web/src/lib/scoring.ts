/**
 * A judge's weighted total exactly as the server computes it: Σ score / maxScore × weight,
 * scaled to 100, in centi-points (hundredths), summed as an exact fraction and rounded half up once.
 */
export interface ScoredCriterion {
  key: string;
  weight: number;
  maxScore: number;
}

export type Scores = Record<string, number | null | undefined>;

const hundredths = (value: number) => BigInt(Math.round(value * 100));

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The total in centi-points (8735 = 87.35 points); unscored criteria count 0. */
export function weightedTotal(criteria: readonly ScoredCriterion[], scores: Scores): number {
  let num = 0n;
  let den = 1n;
  for (const { key, weight, maxScore } of criteria) {
    const termNum = 100n * BigInt(weight) * hundredths(scores[key] ?? 0);
    const termDen = hundredths(maxScore);
    num = num * termDen + termNum * den;
    den *= termDen;
    const divisor = gcd(num, den);
    num /= divisor;
    den /= divisor;
  }
  return Number((2n * num + den) / (2n * den));
}

/** Centi-points as "87.35". */
export function formatPoints(centi: number): string {
  return (centi / 100).toFixed(2);
}

export function isComplete(criteria: readonly ScoredCriterion[], scores: Scores): boolean {
  return criteria.every(({ key }) => typeof scores[key] === 'number');
}
