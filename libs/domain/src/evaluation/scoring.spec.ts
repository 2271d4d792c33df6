import { ValidationFailed } from '../errors';
import {
  BidForRanking,
  Criterion,
  DEFAULT_PASS_MARK_CENTI,
  feedbackFor,
  formatPoints,
  judgeTotal,
  leniency,
  outlierFlags,
  panelScore,
  rankBids,
  weightedTotal,
  validateScores,
} from './scoring';

// The rubric used throughout: weights 40/30/30, maxima 10/10/5.
const rubric: Criterion[] = [
  { key: 'tech', weight: 40, maxScore: 10 },
  { key: 'team', weight: 30, maxScore: 10 },
  { key: 'price', weight: 30, maxScore: 5 },
];

function fieldsOf(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected a ValidationFailed');
}

describe('validateScores', () => {
  it('accepts a complete score sheet, including both ends of each scale and two decimals', () => {
    expect(() => validateScores(rubric, { tech: 8.5, team: 7, price: 4 })).not.toThrow();
    expect(() => validateScores(rubric, { tech: 0, team: 10, price: 5 })).not.toThrow();
    // 0.29 * 100 is 28.999999999999996 in floating point; it still has two decimals.
    expect(() => validateScores(rubric, { tech: 0.29, team: 9.99, price: 4.01 })).not.toThrow();
  });

  it('names every bad field: over the maximum, three decimals, missing, unknown', () => {
    const run = () => validateScores(rubric, { tech: 10.5, team: 7.125, extra: 1 });
    expect(run).toThrow(ValidationFailed);
    expect(fieldsOf(run)).toEqual(['scores.tech', 'scores.team', 'scores.price', 'scores.extra']);
  });

  it('rejects negative, non-numeric and non-finite scores under the given field prefix', () => {
    const run = () => validateScores(rubric, { tech: -1, team: '7', price: Number.NaN }, 'body.scores');
    expect(fieldsOf(run)).toEqual(['body.scores.tech', 'body.scores.team', 'body.scores.price']);
  });

  it('rejects a score sheet that is not an object', () => {
    expect(fieldsOf(() => validateScores(rubric, [8, 7, 4]))).toEqual(['scores']);
    expect(fieldsOf(() => validateScores(rubric, null))).toEqual(['scores']);
  });
});

describe('judgeTotal', () => {
  it('weights and scales each criterion to 100', () => {
    // 8.5/10*40 + 7/10*30 + 4/5*30 = 34 + 21 + 24 = 79.00 points = 7900 centi
    expect(judgeTotal(rubric, { tech: 8.5, team: 7, price: 4 })).toBe(7900);
    expect(judgeTotal(rubric, { tech: 10, team: 10, price: 5 })).toBe(10_000);
    expect(judgeTotal(rubric, { tech: 0, team: 0, price: 0 })).toBe(0);
  });

  it('is exact where floating-point arithmetic drifts below a half', () => {
    const odd: Criterion[] = [
      { key: 'a', weight: 50, maxScore: 8 },
      { key: 'b', weight: 30, maxScore: 8 },
      { key: 'c', weight: 20, maxScore: 4 },
    ];
    // 2.3/8*50 + 0.2/8*30 + 0.1/4*20 = 14.375 + 0.75 + 0.5 = 15.625 points = 1562.5 centi -> 1563 (half up)
    const naive = (2.3 / 8) * 50 + (0.2 / 8) * 30 + (0.1 / 4) * 20;
    expect(naive).toBe(15.624999999999998);
    expect(Math.round(naive * 100)).toBe(1562);
    expect(judgeTotal(odd, { a: 2.3, b: 0.2, c: 0.1 })).toBe(1563);
  });

  it('rounds half up once, at the end, not per criterion', () => {
    const thirds: Criterion[] = [
      { key: 'a', weight: 50, maxScore: 3 },
      { key: 'b', weight: 50, maxScore: 3 },
    ];
    // 1/3*50 + 1/3*50 = 33.333... -> 3333 (rounding each term first would give 1667 + 1667 = 3334)
    expect(judgeTotal(thirds, { a: 1, b: 1 })).toBe(3333);
    // 2/3*50 + 2/3*50 = 66.666... -> 6667
    expect(judgeTotal(thirds, { a: 2, b: 2 })).toBe(6667);
    // 1/3*50 + 0 = 16.666... -> 1667
    expect(judgeTotal(thirds, { a: 1, b: 0 })).toBe(1667);
  });

  it('refuses invalid scores rather than computing with them', () => {
    expect(() => judgeTotal(rubric, { tech: 11, team: 7, price: 4 })).toThrow(ValidationFailed);
  });
});

describe('weightedTotal (a sheet being filled in)', () => {
  const rubric: Criterion[] = [
    { key: 'approach', weight: 40, maxScore: 10 },
    { key: 'team', weight: 35, maxScore: 7 },
    { key: 'price', weight: 25, maxScore: 3 },
  ];

  it('counts a criterion not scored yet as 0', () => {
    expect(weightedTotal(rubric, {})).toBe(0);
    // 8/10·40 + 5.5/7·35 = 32 + 27.5
    expect(weightedTotal(rubric, { approach: 8, team: 5.5, price: null })).toBe(5950);
  });

  it('is the weighted sum rounded to the nearest centi-point on complete sheets, awkward scales and two-decimal scores included', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 500; round += 1) {
      const scores = Object.fromEntries(rubric.map((c) => [c.key, Math.round(random() * c.maxScore * 100) / 100]));
      // Floating point is within 1e-9 of the exact sum: away from a half, its rounding is the answer.
      const sum = rubric.reduce((total, c) => total + (scores[c.key] / c.maxScore) * c.weight * 100, 0);
      const total = weightedTotal(rubric, scores);
      expect(Math.abs(total - sum)).toBeLessThanOrEqual(0.5 + 1e-9);
      if (Math.abs((sum % 1) - 0.5) > 1e-6) expect(total).toBe(Math.round(sum));
    }
    // + 2/3·25 = 16.666… rounded once, half up: 76.17
    expect(weightedTotal(rubric, { approach: 8, team: 5.5, price: 2 })).toBe(7617);
  });
});

describe('formatPoints', () => {
  it('prints centi-points with two decimals', () => {
    expect(formatPoints(8735)).toBe('87.35');
    expect(formatPoints(7900)).toBe('79.00');
    expect(formatPoints(5)).toBe('0.05');
    expect(formatPoints(10_000)).toBe('100.00');
    expect(formatPoints(0)).toBe('0.00');
    expect(formatPoints(-150)).toBe('-1.50');
  });
});

describe('panelScore', () => {
  it('is null when nobody scored', () => {
    expect(panelScore([], 'TRIMMED_MEAN')).toBeNull();
    expect(panelScore([], 'MEAN')).toBeNull();
    expect(panelScore([], 'MEDIAN')).toBeNull();
  });

  it('drops one highest and one lowest from five totals on', () => {
    const totals = [7000, 8000, 7500, 9500, 6000];
    // sorted 6000 7000 7500 8000 9500; trimmed (7000 + 7500 + 8000) / 3 = 7500
    expect(panelScore(totals, 'TRIMMED_MEAN')).toBe(7500);
    // 38000 / 5 = 7600
    expect(panelScore(totals, 'MEAN')).toBe(7600);
    expect(panelScore(totals, 'MEDIAN')).toBe(7500);
  });

  it('drops exactly one of several equal extremes', () => {
    // sorted 5000 5000 7000 9000 9000 9000 -> 5000 7000 9000 9000: 30000 / 4 = 7500
    expect(panelScore([9000, 9000, 9000, 5000, 5000, 7000], 'TRIMMED_MEAN')).toBe(7500);
  });

  it('uses the plain mean below five totals, rounding half up', () => {
    // (7000 + 8000 + 7501 + 9500) / 4 = 32001 / 4 = 8000.25 -> 8000
    expect(panelScore([7000, 8000, 7501, 9500], 'TRIMMED_MEAN')).toBe(8000);
    // 24002 / 3 = 8000.67 -> 8001; (1 + 2) / 2 = 1.5 -> 2
    expect(panelScore([8000, 8001, 8001], 'TRIMMED_MEAN')).toBe(8001);
    expect(panelScore([1, 2], 'MEAN')).toBe(2);
    expect(panelScore([6400], 'TRIMMED_MEAN')).toBe(6400);
  });

  it('averages the middle two for an even median, rounding half up', () => {
    // sorted 7000 7501 8000 9500 -> (7501 + 8000) / 2 = 7750.5 -> 7751
    expect(panelScore([7000, 8000, 7501, 9500], 'MEDIAN')).toBe(7751);
  });
});

describe('outlierFlags', () => {
  it('flags judges more than 15.00 points from the median', () => {
    // sorted 6000 7900 8000 8200 9600 -> median 8000; d is 2000 away, e 1600
    const flags = outlierFlags({ a: 8000, b: 8200, c: 7900, d: 6000, e: 9600 });
    expect(flags).toEqual([
      { judgeId: 'd', total: 6000, median: 8000, deviation: 2000 },
      { judgeId: 'e', total: 9600, median: 8000, deviation: 1600 },
    ]);
  });

  it('does not flag a deviation of exactly the threshold', () => {
    // median 5000; b and c are exactly 1500 away
    expect(outlierFlags({ a: 5000, b: 6500, c: 3500 })).toEqual([]);
    expect(outlierFlags({ a: 5000, b: 6500, c: 3500 }, 1000).map((f) => f.judgeId)).toEqual(['b', 'c']);
  });

  it('measures from the displayed median of an even panel', () => {
    // median (8000 + 8001) / 2 = 8000.5 -> 8001; d: 9600 - 8001 = 1599 > 1500; a: 8001 - 7000 = 1001
    expect(outlierFlags({ a: 7000, b: 8000, c: 8001, d: 9600 })).toEqual([
      { judgeId: 'd', total: 9600, median: 8001, deviation: 1599 },
    ]);
  });

  it('has nothing to flag without totals', () => {
    expect(outlierFlags({})).toEqual([]);
  });
});

describe('rankBids', () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 9, minute));
  const bid = (bidId: string, score: number | null, price: number, minute: number): BidForRanking => ({
    bidId,
    panelScore: score,
    quotedPriceFen: price,
    finalReceiptAt: at(minute),
  });

  it('orders by score, then lower price, then earlier receipt; awards the top eligible', () => {
    const bids = [
      bid('A', 8000, 500_000, 1),
      bid('B', 8000, 450_000, 2),
      bid('C', 8000, 450_000, 0), // same score and price as B, received earlier
      bid('D', 5999, 100_000, 0), // below the pass mark of 60.00
      bid('E', null, 100_000, 0), // nobody scored it
      bid('F', 6000, 900_000, 5), // exactly at the pass mark
    ];
    expect(rankBids(bids, DEFAULT_PASS_MARK_CENTI, 2)).toEqual([
      { bidId: 'C', rank: 1, panelScore: 8000, eligible: true, awarded: true },
      { bidId: 'B', rank: 2, panelScore: 8000, eligible: true, awarded: true },
      { bidId: 'A', rank: 3, panelScore: 8000, eligible: true, awarded: false },
      { bidId: 'F', rank: 4, panelScore: 6000, eligible: true, awarded: false },
      { bidId: 'D', rank: 5, panelScore: 5999, eligible: false, awarded: false },
      { bidId: 'E', rank: 6, panelScore: null, eligible: false, awarded: false },
    ]);
    expect(bids.map((b) => b.bidId)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('awards fewer than the number of winners when too few bids pass', () => {
    const ranked = rankBids([bid('A', 7000, 1, 0), bid('B', 5000, 1, 0), bid('C', null, 1, 0)], 6000, 3);
    expect(ranked.filter((r) => r.awarded).map((r) => r.bidId)).toEqual(['A']);
  });

  it('breaks a complete tie on bidId and ranks unscored bids among themselves the same way', () => {
    const ranked = rankBids(
      [bid('b-2', 7000, 10, 3), bid('n-2', null, 10, 3), bid('b-1', 7000, 10, 3), bid('n-1', null, 5, 3)],
      6000,
      1,
    );
    // unscored: n-1 quotes less than n-2
    expect(ranked.map((r) => `${r.rank}:${r.bidId}`)).toEqual(['1:b-1', '2:b-2', '3:n-1', '4:n-2']);
    expect(ranked.map((r) => r.awarded)).toEqual([true, false, false, false]);
  });

  it('requires at least one winner', () => {
    expect(() => rankBids([], 6000, 0)).toThrow(ValidationFailed);
    expect(() => rankBids([], 6000, 1.5)).toThrow(/winners/);
  });
});

describe('leniency', () => {
  it('standardises each judge against their own mean and spread', () => {
    const result = leniency([
      // j1: 90, 80, 70 -> mean 80, std sqrt((100 + 0 + 100) / 3) = 8.16497; z = +-10 / 8.16497 = +-1.224745
      { judgeId: 'j1', bidId: 'x', total: 9000 },
      { judgeId: 'j1', bidId: 'y', total: 8000 },
      { judgeId: 'j1', bidId: 'z', total: 7000 },
      // j2 scores everything 60: std 0, so every z is 0
      { judgeId: 'j2', bidId: 'x', total: 6000 },
      { judgeId: 'j2', bidId: 'y', total: 6000 },
      { judgeId: 'j2', bidId: 'z', total: 6000 },
      // j3 (recused from z): 95, 85 -> mean 90, std 5, z = +1, -1
      { judgeId: 'j3', bidId: 'x', total: 9500 },
      { judgeId: 'j3', bidId: 'y', total: 8500 },
    ]);
    expect(result.judges).toEqual([
      {
        judgeId: 'j1',
        meanPoints: 80,
        stdPoints: 8.165,
        zScores: [
          { bidId: 'x', total: 9000, z: 1.225 },
          { bidId: 'y', total: 8000, z: 0 },
          { bidId: 'z', total: 7000, z: -1.225 },
        ],
        panelZ: 0.667,
        bidsCompared: 3,
      },
      {
        judgeId: 'j2',
        meanPoints: 60,
        stdPoints: 0,
        zScores: [
          { bidId: 'x', total: 6000, z: 0 },
          { bidId: 'y', total: 6000, z: 0 },
          { bidId: 'z', total: 6000, z: 0 },
        ],
        panelZ: -1.264,
        bidsCompared: 3,
      },
      {
        judgeId: 'j3',
        meanPoints: 90,
        stdPoints: 5,
        zScores: [
          { bidId: 'x', total: 9500, z: 1 },
          { bidId: 'y', total: 8500, z: -1 },
        ],
        panelZ: 0.894,
        bidsCompared: 2,
      },
    ]);
    // x: (1.224745 + 0 + 1) / 3 = 0.741582; y: (0 + 0 - 1) / 3 = -0.333; z: (-1.224745 + 0) / 2 = -0.612372
    expect(result.bids).toEqual([
      { bidId: 'x', meanZ: 0.742, judges: 3, rank: 1 },
      { bidId: 'y', meanZ: -0.333, judges: 3, rank: 2 },
      { bidId: 'z', meanZ: -0.612, judges: 2, rank: 3 },
    ]);
  });

  it('measures each judge against the panel on every bid, so a judge who scores above the others reads lenient', () => {
    // j3 gives every bid 10 points more than j1 and j2: on x (70, 70, 80) and y (60, 60, 70) the mean
    // is 3.333 above the pair and the std 4.714, so j3's z is 6.667 / 4.714 = 1.414 and theirs -0.707.
    // Against themselves all three are alike (each scores x 10 above y): the old measure saw no difference.
    const { judges } = leniency([
      { judgeId: 'j1', bidId: 'x', total: 7000 },
      { judgeId: 'j1', bidId: 'y', total: 6000 },
      { judgeId: 'j2', bidId: 'x', total: 7000 },
      { judgeId: 'j2', bidId: 'y', total: 6000 },
      { judgeId: 'j3', bidId: 'x', total: 8000 },
      { judgeId: 'j3', bidId: 'y', total: 7000 },
    ]);
    expect(judges.map(({ judgeId, panelZ, zScores }) => ({ judgeId, panelZ, ownZ: zScores.map((z) => z.z) }))).toEqual([
      { judgeId: 'j1', panelZ: -0.707, ownZ: [1, -1] },
      { judgeId: 'j2', panelZ: -0.707, ownZ: [1, -1] },
      { judgeId: 'j3', panelZ: 1.414, ownZ: [1, -1] },
    ]);
  });

  it('has no panel measure where the panel agrees or a judge scored alone', () => {
    const { judges } = leniency([
      { judgeId: 'j1', bidId: 'x', total: 7000 },
      { judgeId: 'j2', bidId: 'x', total: 7000 },
      { judgeId: 'j1', bidId: 'y', total: 8000 },
    ]);
    expect(judges.map(({ panelZ, bidsCompared }) => ({ panelZ, bidsCompared }))).toEqual([
      { panelZ: null, bidsCompared: 0 },
      { panelZ: null, bidsCompared: 0 },
    ]);
  });

  it('gives bids with equal mean z the same rank', () => {
    // j1: 80, 60 -> z +1, -1; j2: 60, 80 -> z -1, +1; both bids average 0
    const { bids } = leniency([
      { judgeId: 'j1', bidId: 'q', total: 8000 },
      { judgeId: 'j1', bidId: 'p', total: 6000 },
      { judgeId: 'j2', bidId: 'q', total: 6000 },
      { judgeId: 'j2', bidId: 'p', total: 8000 },
    ]);
    expect(bids).toEqual([
      { bidId: 'p', meanZ: 0, judges: 2, rank: 1 },
      { bidId: 'q', meanZ: 0, judges: 2, rank: 1 },
    ]);
  });

  it('is empty without totals', () => {
    expect(leniency([])).toEqual({ judges: [], bids: [] });
  });
});

describe('feedbackFor', () => {
  it('averages each criterion over the panel and anonymises the comments', () => {
    const feedback = feedbackFor(rubric, [
      { judgeId: 'judge-1', scores: { tech: 8.5, team: 7, price: 4 }, comment: '  Solid plan. ' },
      { judgeId: 'judge-2', scores: { tech: 9, team: 6.5, price: 3 }, comment: null },
      { judgeId: 'judge-3', scores: { tech: 7, team: 7, price: 4.5 }, comment: 'Budget is thin' },
      { judgeId: 'judge-4', scores: { tech: 8, team: 8, price: 4 }, comment: '   ' },
    ]);
    // tech (8.5 + 9 + 7 + 8) / 4 = 8.125 -> 8.13; team (7 + 6.5 + 7 + 8) / 4 = 7.125 -> 7.13;
    // price (4 + 3 + 4.5 + 4) / 4 = 3.875 -> 3.88 (all half up)
    expect(feedback).toEqual({
      judges: 4,
      criteria: [
        { key: 'tech', maxScore: 10, average: 8.13 },
        { key: 'team', maxScore: 10, average: 7.13 },
        { key: 'price', maxScore: 5, average: 3.88 },
      ],
      comments: ['Budget is thin', 'Solid plan.'],
    });
    expect(JSON.stringify(feedback)).not.toContain('judge-');
  });

  it('rounds thirds to two decimals', () => {
    const feedback = feedbackFor(rubric, [
      { judgeId: 'a', scores: { tech: 8.5, team: 7, price: 0.01 }, comment: null },
      { judgeId: 'b', scores: { tech: 9, team: 6.5, price: 0 }, comment: null },
      { judgeId: 'c', scores: { tech: 7, team: 7, price: 0 }, comment: null },
    ]);
    // tech 24.5 / 3 = 8.1667 -> 8.17; team 20.5 / 3 = 6.8333 -> 6.83; price 0.01 / 3 = 0.0033 -> 0
    expect(feedback.criteria.map((c) => c.average)).toEqual([8.17, 6.83, 0]);
  });

  it('has no averages when nobody scored', () => {
    expect(feedbackFor(rubric, []).criteria.map((c) => c.average)).toEqual([null, null, null]);
  });
});
