/** A judge's sheet as it is being filled in: a criterion not scored yet is null or missing. */
export type Scores = Record<string, number | null | undefined>;

/** Every criterion of the rubric has a score: the sheet may be submitted. */
export function isComplete(criteria: readonly { key: string }[], scores: Scores): boolean {
  return criteria.every(({ key }) => typeof scores[key] === 'number');
}
