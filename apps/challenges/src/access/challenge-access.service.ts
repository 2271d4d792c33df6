import { Injectable } from '@nestjs/common';
import { Actor, ActorService, AuthUser, actsForOrg, isAdmin } from '@app/auth';
import { ChallengeEntity, connectionManager } from '@app/database';
import {
  ChallengeAudience,
  ChallengeReader,
  ChallengeStatus,
  canSeeChallenge,
  canSeeDetail,
  effectiveChallengeStatus,
  InvitationKeys,
  isInvited,
  NotFound,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository';
import { ReaderReads } from './reader.reads';

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

export function audienceOf(challenge: LoadedChallenge): ChallengeAudience {
  return {
    status: challenge.status,
    wasPublished: challenge.entity.publishedAt !== null,
    eligibility: challenge.entity.eligibility,
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

  async reader(user: AuthUser | null, manager: EntityManager = connectionManager(this.dataSource)): Promise<Reader> {
    if (!user) return ANONYMOUS;
    const actor = await this.actors.load(user, manager);
    const keys = await new ReaderReads(manager).invitationKeys(user.id);
    return { user, actor, teamIds: keys.teamIds, orgIds: keys.orgIds };
  }

  /** The challenge, locked for update when `lock` (use inside a transaction); null when it does not exist. */
  async load(id: string, manager: EntityManager, lock = false): Promise<LoadedChallenge | null> {
    const challenges = new ChallengeRepository(manager);
    const entity = await challenges.load(id, lock);
    if (!entity) return null;
    // The clock after the row lock was granted, not when the transaction began.
    const now = await challenges.clock();
    return { entity, now, status: effectiveChallengeStatus(entity.status, entity.closesAt, now) };
  }

  /** What the reader is to the challenge: owner, admin, invited, NDA accepted by one of their teams, judge. */
  async relation(challenge: LoadedChallenge, reader: Reader, manager: EntityManager): Promise<ChallengeReader> {
    const { entity } = challenge;
    const actor = reader.actor;
    const facts = reader.user ? await new ReaderReads(manager).facts(entity.id, reader.teamIds, reader.user.id) : { nda: false, judge: false };
    return {
      signedIn: reader.user !== null,
      admin: actor !== null && isAdmin(actor),
      ownerOrg: actor !== null && actsForOrg(actor, entity.orgId),
      invited: isInvited(entity, reader),
      ndaAccepted: entity.ndaRequired && facts.nda,
      judgeOfRoom: facts.judge,
    };
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
