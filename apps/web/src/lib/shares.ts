/**
 * Whole-number shares of a fixed total (rubric weights of 100, milestone payments of 10000
 * basis points): edits keep the total by spreading the rest in proportion, every share ≥ 1.
 */

/** `n` shares as equal as can be, the first ones taking the remainder. */
export function evenShares(n: number, total: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total % n ? 1 : 0));
}

/** Splits `total` among `shares` in proportion (largest remainder), each part at least 1. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (sum > 0 ? (total * share) / sum : total / shares.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  parts.forEach((part, i) => {
    if (part >= 1) return;
    const largest = parts.indexOf(Math.max(...parts));
    parts[largest] -= 1 - part;
    parts[i] = 1;
  });
  return parts;
}

/** Sets share `index` to `value` (clamped so every other keeps at least 1) and spreads the rest over the others. */
export function setShare(shares: readonly number[], index: number, value: number, total: number): number[] {
  if (shares.length === 1) return [total];
  const fixed = Math.min(Math.max(Math.round(value), 1), total - (shares.length - 1));
  const spread = apportion(total - fixed, shares.filter((_, i) => i !== index));
  return shares.map((_, i) => (i === index ? fixed : spread[i < index ? i : i - 1]));
}

/** Items whose `key` field is a share: the same three edits on whole rows. */
export function shareEdits<K extends string>(key: K, total: number) {
  type Row = Record<K, number>;
  const assign = <T extends Row>(rows: readonly T[], values: number[]): T[] => rows.map((row, i) => ({ ...row, [key]: values[i] }));
  return {
    add: <T extends Row>(rows: readonly T[], row: T): T[] => assign([...rows, row], evenShares(rows.length + 1, total)),
    remove: <T extends Row>(rows: readonly T[], index: number): T[] => {
      const rest = rows.filter((_, i) => i !== index);
      return rest.length === 0 ? rest : assign(rest, apportion(total, rest.map((row) => Number(row[key]) || 1)));
    },
    set: <T extends Row>(rows: readonly T[], index: number, value: number): T[] =>
      assign(rows, setShare(rows.map((row) => Number(row[key]) || 1), index, value, total)),
  };
}
