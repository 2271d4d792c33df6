import type { Actor } from '@app/auth';
import { actsForOrg, isAdmin } from '@app/auth';
import {
  BiddingPhase,
  biddingPhase,
  canSeeChallenge,
  ChallengeStatus,
  Eligibility,
  effectiveChallengeStatus,
  invitationKeysSql,
  invitedSql,
  NotFound,
  pastDeadlineSql,
} from '@app/domain';
import { EntityManager } from 'typeorm';

/** A challenge as bidding sees it, with the phase decided by the database clock at the time of reading. */
export interface ChallengeWindow {
  id: string;
  orgId: string;
  title: string;
  status: ChallengeStatus;
  rewardFen: number;
  eligibility: Eligibility;
  invitedTeamIds: string[];
  invitedOrgIds: string[];
  ndaRequired: boolean;
  closesAt: Date;
  wasPublished: boolean;
  /** The database's clock_timestamp() when the row was read (after its lock, if any): a bid's receive time. */
  dbNow: Date;
  phase: BiddingPhase;
  /** The reader is invited (`isInvited` of @app/domain, applied in SQL). */
  readerInvited: boolean;
}

interface ChallengeRow {
  id: string;
  org_id: string;
  title: string;
  status: ChallengeStatus;
  reward_fen: string;
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

/**
 * Reads a challenge and decides its bidding phase in SQL by the database clock. With `lock`, the
 * row is first locked FOR SHARE until the transaction ends, so the challenges service cannot
 * close, cancel or amend it while a bid is written; the clock is read after the lock is granted
 * (clock_timestamp(), not now(): now() is the start of the transaction, which may be earlier).
 */
export async function readChallengeWindow(
  manager: EntityManager,
  challengeId: string,
  readerId: string | null,
  opts: { lock: boolean },
): Promise<ChallengeWindow | null> {
  if (opts.lock) await manager.query('SELECT 1 FROM challenge WHERE id = $1 FOR SHARE', [challengeId]);
  const rows: ChallengeRow[] = await manager.query(
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
    rewardFen: Number(row.reward_fen),
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

/** The owner organisation's enterprise users or an admin. */
export const ownsOrAdministersChallenge = (actor: Actor | null, challenge: ChallengeWindow): boolean =>
  actor !== null && (isAdmin(actor) || actsForOrg(actor, challenge.orgId));

/**
 * The challenge as the reader may know it, or 404 CHALLENGE_NOT_FOUND: the challenges service's
 * visibility rule, fed with the database clock's effective status.
 */
export function visibleChallenge(challenge: ChallengeWindow | null, actor: Actor | null): ChallengeWindow {
  if (!challenge) throw new NotFound('Challenge');
  const visible = canSeeChallenge(
    {
      status: effectiveChallengeStatus(challenge.status, challenge.closesAt, challenge.dbNow),
      wasPublished: challenge.wasPublished,
      eligibility: challenge.eligibility,
      ndaRequired: challenge.ndaRequired,
    },
    {
      signedIn: actor !== null,
      admin: actor !== null && isAdmin(actor),
      ownerOrg: actor !== null && actsForOrg(actor, challenge.orgId),
      invited: challenge.readerInvited,
      // Evaluation rooms belong to the evaluation service; its judges read bids in their room.
      judgeOfRoom: false,
      ndaAccepted: false,
    },
  );
  if (!visible) throw new NotFound('Challenge');
  return challenge;
}
