import type { BenchDatabase } from './database';
import type { Notes, Row } from './report';

/** What every part gets: the prepared database, the sizes, a logger. */
export interface BenchContext {
  db: BenchDatabase;
  /** Tiny sizes so the whole run takes seconds (the test suite runs it so it cannot rot). */
  smoke: boolean;
  /** Seconds of each timed HTTP load (P1). */
  duration: number;
  log(line: string): void;
}

export interface PartResult {
  rows: Row[];
  notes: Notes;
}

export type Part = (ctx: BenchContext) => Promise<PartResult>;
