import { biddingPhase, ChallengeStatus, Eligibility, invitationKeysSql, invitedSql, pastDeadlineSql } from '@app/domain';
import { EntityManager } from 'typeorm';
import type { ChallengeWindow } from './challenge-window';

interface ChallengeRow {
  id: string;
  org_id: string;
  title: string;
  status: ChallengeStatus;
  reward_fen: number;
  eligibility: Eligibility;
  invited_team_ids: string[];
  invited_org_ids: string[];
  nda_required: boolean;
  closes_at: Date;
  was_published: boolean;
  db_now: Date;
  opened: boolean;
  closed: boolean;
  reader_invited: boolean;
}

/** The challenge row (the challenges service's), as bidding reads it. */
export class ChallengeWindowReads {
  constructor(private readonly db: EntityManager) {}

  /**
   * Reads a challenge and decides its bidding phase in SQL by the database clock. With `lock`, the
   * row is first locked FOR SHARE until the transaction ends, so the challenges service cannot
   * close, cancel or amend it while a bid is written; the clock is read after the lock is granted
   * (clock_timestamp(), not now(): now() is the start of the transaction, which may be earlier).
   */
  async window(challengeId: string, readerId: string | null, opts: { lock: boolean }): Promise<ChallengeWindow | null> {
    if (opts.lock) await this.db.query('SELECT 1 FROM challenge WHERE id = $1 FOR SHARE', [challengeId]);
    const rows: ChallengeRow[] = await this.db.query(
      `SELECT c.id, c.org_id, c.title, c.status, c.reward_fen, c.eligibility, c.invited_team_ids, c.invited_org_ids,
              c.nda_required, c.closes_at, c.published_at IS NOT NULL AS was_published,
              clock.now AS db_now, clock.now >= c.opens_at AS opened, ${pastDeadlineSql('c', 'clock.now')} AS closed,
              ${invitedSql('c', 'reader.team_ids', 'reader.org_ids')} AS reader_invited
         FROM challenge c CROSS JOIN (SELECT clock_timestamp() AS now) clock
              CROSS JOIN (SELECT ${invitationKeysSql('$2::uuid')}) reader
        WHERE c.id = $1`,
      [challengeId, readerId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      orgId: row.org_id,
      title: row.title,
      status: row.status,
      rewardFen: row.reward_fen,
      eligibility: row.eligibility,
      invitedTeamIds: row.invited_team_ids,
      invitedOrgIds: row.invited_org_ids,
      ndaRequired: row.nda_required,
      closesAt: row.closes_at,
      wasPublished: row.was_published,
      dbNow: row.db_now,
      phase: biddingPhase({ status: row.status, opened: row.opened, closed: row.closed }),
      readerInvited: row.reader_invited,
    };
  }
}
