import { describe, expect, it } from 'vitest';
import { newCriterion, weights } from './rubric';
import { evenShares, setShare } from './shares';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('shares of a fixed total', () => {
  it('splits evenly in whole numbers', () => {
    expect(evenShares(3, 100)).toEqual([34, 33, 33]);
    expect(evenShares(3, 10000)).toEqual([3334, 3333, 3333]);
    for (let n = 1; n <= 20; n += 1) expect(sum(evenShares(n, 100))).toBe(100);
  });

  it('keeps an edited share and spreads the rest in proportion', () => {
    expect(setShare([40, 30, 30], 0, 60, 100)).toEqual([60, 20, 20]);
    expect(setShare([50, 30, 20], 2, 40, 100)).toEqual([38, 22, 40]);
    expect(setShare([5000, 5000], 1, 2500, 10000)).toEqual([7500, 2500]);
  });

  it('never lets another share fall below 1 and always keeps the total', () => {
    for (const [shares, index, value] of [
      [[50, 50], 0, 100],
      [[34, 33, 33], 1, 0],
      [[10, 20, 30, 40], 3, 99],
      [[1, 1, 98], 2, 1],
      [[25, 25, 25, 25], 0, 37.6],
    ] as [number[], number, number][]) {
      const next = setShare(shares, index, value, 100);
      expect(sum(next)).toBe(100);
      expect(Math.min(...next)).toBeGreaterThanOrEqual(1);
      expect(next.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('rubric weights', () => {
  it('rebalances when criteria come and go', () => {
    const one = weights.add([], newCriterion([]));
    expect(one.map((c) => c.weight)).toEqual([100]);
    const two = weights.add(one, newCriterion(one));
    const three = weights.add(two, newCriterion(two));
    expect(three.map((c) => c.weight)).toEqual([34, 33, 33]);
    expect(new Set(three.map((c) => c.key)).size).toBe(3);
    expect(sum(weights.remove(three, 0).map((c) => c.weight))).toBe(100);
  });
});
