import { Conflict, ErrorCodeOf } from '@app/domain';
import { EntityManager } from 'typeorm';
import { CapRepository } from './caps.repository';

export interface Cap {
  /** Names the thing counted, e.g. `teams`; also the lock key, with the user id. */
  what: string;
  /** The error code when the cap is reached, e.g. TEAM_LIMIT_REACHED. */
  code: ErrorCodeOf<'CONFLICT'>;
  limit: number;
  /** A statement of the counted table's repository answering `n`: how many the user already has ($1 the user id, then `params`). */
  count: string;
  params?: unknown[];
}

/**
 * Refuses with 409 `code` when the user already holds `limit` of something. Runs in the caller's
 * transaction under an advisory lock per user and kind, so parallel creations cannot overshoot.
 */
export async function assertBelowCap(manager: EntityManager, userId: string, cap: Cap): Promise<void> {
  const caps = new CapRepository(manager);
  await caps.lock(`cap:${cap.what}:${userId}`);
  const n = await caps.count(cap.count, [userId, ...(cap.params ?? [])]);
  if (n >= cap.limit) {
    throw new Conflict(cap.code, `You may have at most ${cap.limit} ${cap.what}`, { limit: cap.limit });
  }
}
