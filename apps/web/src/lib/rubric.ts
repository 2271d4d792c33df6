import type { Criterion } from '../api/types';
import { shareEdits } from './shares';

export const TOTAL_WEIGHT = 100;

export const weights = shareEdits('weight', TOTAL_WEIGHT);

export function newCriterion(existing: readonly Criterion[]): Criterion {
  const keys = new Set(existing.map((c) => c.key));
  let n = existing.length + 1;
  while (keys.has(`criterion-${n}`)) n += 1;
  return { key: `criterion-${n}`, name: '', description: '', weight: 0, maxScore: 10 };
}
