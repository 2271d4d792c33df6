import { ValidationFailed } from './errors';
import { assertFen, formatYuan, isFen, splitByBasisPoints } from './money';

describe('money in fen', () => {
  it('accepts whole, non-negative, safe amounts only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(50_000_000)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen(-1)).toBe(false);
    expect(isFen('100')).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('names the field when an amount is not fen', () => {
    expect(() => assertFen('rewardFen', 0.1)).toThrow(ValidationFailed);
    expect(() => assertFen('rewardFen', 0.1)).toThrow(/rewardFen/);
  });

  it('splits a price by basis points without losing a fen', () => {
    // 1,000,001 fen split 30% / 30% / 40%: 300000 + 300000 + 400001
    expect(splitByBasisPoints(1_000_001, [3000, 3000, 4000])).toEqual([300_000, 300_000, 400_001]);
    expect(splitByBasisPoints(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
  });

  it('refuses shares that do not sum to 100%', () => {
    expect(() => splitByBasisPoints(100, [5000, 4000])).toThrow(/10000/);
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(123_456)).toBe('1,234.56');
    expect(formatYuan(5)).toBe('0.05');
  });
});
