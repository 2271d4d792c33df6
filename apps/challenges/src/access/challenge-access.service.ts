import { Injectable } from '@nestjs/common';
import { Actor, ActorService, AuthUser, actsForOrg, isAdmin } from '@app/auth';
import { ChallengeEntity } from '@app/database';
import {
  CHALLENGE_STATUSES,
  ChallengeAudience,
  ChallengeReader,
  ChallengeStatus,
  canSeeChallenge,
  canSeeDetail,
  effectiveChallengeStatus,
  Eligibility,
  InvitationKeys,
  invitationKeysSql,
  isInvited,
  NotFound,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Who is reading: the actor (roles, enterprises) and their invitation keys: the teams they are a
 * current member of (any role), and every organisation they belong to (verified or not, any kind)
 * or one of these teams belongs to.
 */
export interface Reader extends InvitationKeys {
  user: AuthUser | null;
  actor: Actor | null;
}

export const ANONYMOUS: Reader = { user: null, actor: null, teamIds: [], orgIds: [] };

/** A challenge as stored, with its status as of the database clock. */
export interface LoadedChallenge {
  entity: ChallengeEntity;
  /** PUBLISHED past closesAt reads CLOSED, for every reader at once. */
  status: ChallengeStatus;
  /** The database clock when the challenge was read (after its lock, when locked). */
  now: Date;
}

/** A challenge the reader may see, with what they are to it. */
export interface VisibleChallenge extends LoadedChallenge {
  reader: Reader;
  relation: ChallengeReader;
}

export function asChallengeStatus(value: string): ChallengeStatus {
  const status = CHALLENGE_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`unknown challenge status '${value}'`);
  return status;
}

export function audienceOf(challenge: LoadedChallenge): ChallengeAudience {
  return {
    status: challenge.status,
    wasPublished: challenge.entity.publishedAt !== null,
    eligibility: challenge.entity.eligibility as Eligibility,
    ndaRequired: challenge.entity.ndaRequired,
  };
}

/**
 * Loads challenges with the facts the visibility rules of @app/domain need, and applies them:
 * a challenge the reader may not see is a 404, never a 403, so its existence does not leak.
 */
@Injectable()
export class ChallengeAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorService,
  ) {}

  async reader(user: AuthUser | null, manager: EntityManager = this.dataSource.manager): Promise<Reader> {
    if (!user) return ANONYMOUS;
    const actor = await this.actors.load(user, manager);
    const [row]: { team_ids: string[]; org_ids: string[] }[] = await manager.query(`SELECT ${invitationKeysSql('$1::uuid')}`, [user.id]);
    return { user, actor, teamIds: row.team_ids, orgIds: row.org_ids };
  }

  /** The challenge, locked for update when `lock` (use inside a transaction); null when it does not exist. */
  async load(id: string, manager: EntityManager, lock = false): Promise<LoadedChallenge | null> {
    const entity = await manager.findOne(ChallengeEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!entity) return null;
    // clock_timestamp(), not now(): read after the row lock was granted, not when the transaction began.
    const [{ now }]: { now: Date }[] = await manager.query('SELECT clock_timestamp() AS now');
    return { entity, now, status: effectiveChallengeStatus(asChallengeStatus(entity.status), entity.closesAt, now) };
  }

  /** What the reader is to the challenge: owner, admin, invited, NDA accepted by one of their teams, judge. */
  async relation(challenge: LoadedChallenge, reader: Reader, manager: EntityManager): Promise<ChallengeReader> {
    const { entity } = challenge;
    const actor = reader.actor;
    const facts = reader.user ? await this.readerFacts(entity.id, reader, manager) : { nda: false, judge: false };
    return {
      signedIn: reader.user !== null,
      admin: actor !== null && isAdmin(actor),
      ownerOrg: actor !== null && actsForOrg(actor, entity.orgId),
      invited: isInvited(entity, reader),
      ndaAccepted: entity.ndaRequired && facts.nda,
      judgeOfRoom: facts.judge,
    };
  }

  /**
   * Whether one of the reader's teams accepted the challenge's NDA, and whether the reader sits on the
   * panel of its evaluation room (the evaluation service's room_panel_member, read only).
   */
  private async readerFacts(challengeId: string, reader: Reader, manager: EntityManager): Promise<{ nda: boolean; judge: boolean }> {
    const [row]: { nda: boolean; judge: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM nda_acceptance WHERE challenge_id = $1 AND team_id = ANY($2::uuid[])) AS nda,
              EXISTS (SELECT 1 FROM room_panel_member p JOIN evaluation_room r ON r.id = p.room_id
                       WHERE r.challenge_id = $1 AND p.user_id = $3) AS judge`,
      [challengeId, reader.teamIds, reader.user?.id],
    );
    return row;
  }

  /** The challenge if the reader may see it; otherwise NotFound (CHALLENGE_NOT_FOUND). */
  async visible(id: string, reader: Reader, manager: EntityManager, lock = false): Promise<VisibleChallenge> {
    const challenge = await this.load(id, manager, lock);
    if (!challenge) throw new NotFound('Challenge');
    const relation = await this.relation(challenge, reader, manager);
    if (!canSeeChallenge(audienceOf(challenge), relation)) throw new NotFound('Challenge');
    return { ...challenge, reader, relation };
  }

  canSeeDetail(challenge: VisibleChallenge): boolean {
    return canSeeDetail(audienceOf(challenge), challenge.relation);
  }
}
