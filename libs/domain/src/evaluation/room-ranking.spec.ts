import { bidAggregate, rankRoom, StandingTotal } from './room-ranking';

/*
 * The room used in the evaluation-room socket test, computed by hand.
 * Rubric: tech 40, team 30, price 30, each scored out of 10, so a judge's total in points is
 * 4·tech + 3·team + 3·price. Five judges J1..J5; J5 is recused from bid B.
 *
 * Bid A  J1 8/7/9 = 32+21+27 = 80.00   J2 9/8/8 = 84.00   J3 7/7/7 = 70.00   J4 10/9/9 = 94.00   J5 6/5/6 = 57.00
 *        sorted 57 70 80 84 94 -> drop 57 and 94 -> (70 + 80 + 84) / 3 = 78.00   (plain mean 385 / 5 = 77.00)
 * Bid C  J1 8/8/8 = 80.00   J2 7/8/7 = 73.00   J3 9/8/7 = 81.00   J4 5/5/5 = 50.00   J5 10/10/10 = 100.00
 *        sorted 50 73 80 81 100 -> drop 50 and 100 -> (73 + 80 + 81) / 3 = 78.00   (plain mean 384 / 5 = 76.80)
 * Bid B  J1 6/6/6 = 60.00   J2 5/6/5 = 53.00   J3 6/5/6 = 57.00   J4 7/6/6 = 64.00   (J5 recused)
 *        four totals: no trimming -> (60 + 53 + 57 + 64) / 4 = 58.50, below the pass mark of 60
 * A and C tie at 78.00; C quoted less (450,000.00 CNY against 500,000.00), so C ranks first.
 */
const totals: StandingTotal[] = [
  ...[8000, 8400, 7000, 9400, 5700].map((t, i) => ({ bidId: 'A', judgeId: `J${i + 1}`, totalCenti: t })),
  ...[8000, 7300, 8100, 5000, 10_000].map((t, i) => ({ bidId: 'C', judgeId: `J${i + 1}`, totalCenti: t })),
  ...[6000, 5300, 5700, 6400].map((t, i) => ({ bidId: 'B', judgeId: `J${i + 1}`, totalCenti: t })),
];
const received = new Date('2026-03-01T08:00:00Z');
const bids = [
  { bidId: 'A', quotedPriceFen: 50_000_000, finalReceiptAt: received },
  { bidId: 'B', quotedPriceFen: 30_000_000, finalReceiptAt: received },
  { bidId: 'C', quotedPriceFen: 45_000_000, finalReceiptAt: received },
];

describe('bidAggregate', () => {
  it('trims five totals and flags judges more than 15 points from the median', () => {
    // A: median 80.00; J5 (57.00) is 23.00 away, J4 (94.00) only 14.00
    expect(bidAggregate('A', totals, 'TRIMMED_MEAN')).toEqual({
      bidId: 'A',
      panelScore: 7800,
      scoredBy: 5,
      totals: [
        { judgeId: 'J1', total: 8000 },
        { judgeId: 'J2', total: 8400 },
        { judgeId: 'J3', total: 7000 },
        { judgeId: 'J4', total: 9400 },
        { judgeId: 'J5', total: 5700 },
      ],
      flags: [{ judgeId: 'J5', total: 5700, median: 8000, deviation: 2300 }],
    });
    // C: median 80.00; J4 (50.00) is 30.00 away and J5 (100.00) 20.00
    expect(bidAggregate('C', totals, 'TRIMMED_MEAN').flags.map((f) => f.judgeId)).toEqual(['J4', 'J5']);
  });

  it('does not trim four totals, and is null before anyone scored', () => {
    expect(bidAggregate('B', totals, 'TRIMMED_MEAN').panelScore).toBe(5850);
    expect(bidAggregate('D', totals, 'TRIMMED_MEAN')).toEqual({ bidId: 'D', panelScore: null, scoredBy: 0, totals: [], flags: [] });
  });
});

describe('rankRoom', () => {
  it('breaks the 78.00 tie on the lower price and keeps a bid under the pass mark from winning', () => {
    expect(rankRoom(bids, totals, 'TRIMMED_MEAN', 60, 1)).toEqual([
      { bidId: 'C', rank: 1, panelScore: 7800, eligible: true, awarded: true, scoredBy: 5, quotedPriceFen: 45_000_000 },
      { bidId: 'A', rank: 2, panelScore: 7800, eligible: true, awarded: false, scoredBy: 5, quotedPriceFen: 50_000_000 },
      { bidId: 'B', rank: 3, panelScore: 5850, eligible: false, awarded: false, scoredBy: 4, quotedPriceFen: 30_000_000 },
    ]);
  });

  it('awards the top N eligible bids of a horse race, never an ineligible one', () => {
    const ranking = rankRoom(bids, totals, 'TRIMMED_MEAN', 60, 3);
    expect(ranking.filter((r) => r.awarded).map((r) => r.bidId)).toEqual(['C', 'A']);
  });

  it('ranks by the plain mean when the room chose MEAN: A (77.00) above C (76.80)', () => {
    expect(rankRoom(bids, totals, 'MEAN', 60, 1).map((r) => [r.bidId, r.panelScore])).toEqual([
      ['A', 7700],
      ['C', 7680],
      ['B', 5850],
    ]);
  });

  it('puts an unscored bid last and ineligible', () => {
    const withUnscored = [...bids, { bidId: 'D', quotedPriceFen: 1, finalReceiptAt: received }];
    const last = rankRoom(withUnscored, totals, 'TRIMMED_MEAN', 0, 4).at(-1);
    expect(last).toEqual({ bidId: 'D', rank: 4, panelScore: null, eligible: false, awarded: false, scoredBy: 0, quotedPriceFen: 1 });
  });
});
