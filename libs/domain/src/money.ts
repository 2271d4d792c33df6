import { ValidationFailed } from './errors';

/** Money is an integer number of fen (1 CNY = 100 fen); never a float. */
export type Fen = number;

export const FEN_PER_YUAN = 100;
/** The largest amount the platform accepts: 10 billion CNY, well inside Number.MAX_SAFE_INTEGER. */
export const MAX_FEN: Fen = 1_000_000_000_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

export function assertFen(field: string, value: unknown): Fen {
  if (!isFen(value)) {
    throw ValidationFailed.field(field, `must be a whole number of fen between 0 and ${MAX_FEN}`);
  }
  return value;
}

/** Splits `total` fen by basis points (10000 = 100%), giving rounding remainders to the last share. */
export function splitByBasisPoints(total: Fen, basisPoints: readonly number[]): Fen[] {
  const sum = basisPoints.reduce((a, b) => a + b, 0);
  if (sum !== 10_000) throw ValidationFailed.field('basisPoints', 'must sum to 10000');
  const shares = basisPoints.map((bp) => Math.floor((total * bp) / 10_000));
  const remainder = total - shares.reduce((a, b) => a + b, 0);
  shares[shares.length - 1] += remainder;
  return shares;
}

/** Formats fen as CNY with two decimals, e.g. 123456 -> "1,234.56". */
export function formatYuan(amount: Fen): string {
  const yuan = Math.trunc(amount / FEN_PER_YUAN);
  const fen = Math.abs(amount % FEN_PER_YUAN);
  return `${yuan.toLocaleString('en-US')}.${fen.toString().padStart(2, '0')}`;
}
