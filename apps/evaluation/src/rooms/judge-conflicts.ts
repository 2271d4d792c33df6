import type { AppConfig } from '@app/core';
import { AutomaticRecusalOf, automaticRecusals, ConflictLookback } from '@app/domain';
import { EntityManager } from 'typeorm';
import { ExpertRepository } from '../experts/expert.repository';
import { RoomBidsReads } from './room-bids.reads';

/** How far back a past team membership still recuses, judged at `at` (the database clock), as the deployment sets it. */
export function conflictLookback(config: AppConfig, at: Date): ConflictLookback {
  return { at, years: config.conflictLookbackYears };
}

/** Every automatic recusal of one judge (with their affiliation in the pool) from these bids: as a replacement takes a seat, or as a tie arises. */
export async function recusalsOfJudge(
  manager: EntityManager,
  judgeId: string,
  bidIds: readonly string[],
  lookback: ConflictLookback,
): Promise<AutomaticRecusalOf[]> {
  const [expert] = await new ExpertRepository(manager).panelCandidates([judgeId]);
  return automaticRecusals([{ userId: judgeId, affiliation: expert?.affiliation ?? null }], await new RoomBidsReads(manager).forConflicts(bidIds), lookback);
}
