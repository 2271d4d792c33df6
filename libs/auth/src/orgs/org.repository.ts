import type { OrganisationIdentity } from '@app/domain';
import { OrganisationEntity, OrgMemberEntity } from '@app/database';
import { EntityManager } from 'typeorm';
import { assertBelowCap } from '../caps';

/** A member of an organisation, with their name and email. */
export interface OrgMember {
  userId: string;
  displayName: string;
  email: string;
  role: string;
}

/** A user's membership of an organisation, with what the organisation is. */
export interface Membership {
  orgId: string;
  name: string;
  kind: string;
  role: string;
  verified: boolean;
}

/** Organisations (organisation) and their members (org_member). */
export class OrgRepository {
  constructor(private readonly db: EntityManager) {}

  /** Refuses with 409 ORG_LIMIT_REACHED a user who already created `limit` organisations (under the per-user cap lock). */
  assertBelowCreatedCap(userId: string, limit: number): Promise<void> {
    return assertBelowCap(this.db, userId, {
      what: 'organisations',
      code: 'ORG_LIMIT_REACHED',
      limit,
      count: 'SELECT count(*)::int AS n FROM organisation WHERE created_by = $1',
    });
  }

  creditCodeTaken(creditCode: string): Promise<boolean> {
    return this.db.existsBy(OrganisationEntity, { creditCode });
  }

  /**
   * The organisations that may be the one of this identity (the same key, or the same normalised name in the same country:
   * sameOrganisation decides), verified first, then oldest first; under a transaction lock on the name, so two
   * registrations of one name queue.
   */
  async sameIdentityCandidates(identity: OrganisationIdentity): Promise<OrganisationEntity[]> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`organisation:${identity.country}:${identity.normalisedName}`]);
    return this.db
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.identity_key = :key OR (o.country = :country AND o.normalised_name = :name)', {
        key: identity.key,
        country: identity.country,
        name: identity.normalisedName,
      })
      .orderBy('o.verified_at IS NULL')
      .addOrderBy('o.created_at')
      .getMany();
  }

  create(
    org: Pick<OrganisationEntity, 'name' | 'kind' | 'country' | 'creditCode' | 'createdBy' | 'identityKey' | 'normalisedName' | 'duplicateOf'>,
  ): Promise<OrganisationEntity> {
    return this.db.save(this.db.create(OrganisationEntity, { ...org, verifiedAt: null, verifiedBy: null }));
  }

  byId(id: string): Promise<OrganisationEntity | null> {
    return this.db.findOneBy(OrganisationEntity, { id });
  }

  byIdOrFail(id: string): Promise<OrganisationEntity> {
    return this.db.findOneByOrFail(OrganisationEntity, { id });
  }

  /** The organisation locked for update (use inside a transaction). */
  lockById(id: string): Promise<OrganisationEntity | null> {
    return this.db.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markVerified(id: string, verifiedBy: string): Promise<void> {
    await this.db.query('UPDATE organisation SET verified_at = now(), verified_by = $2 WHERE id = $1', [id, verifiedBy]);
  }

  /** The newest 200 organisations, only those `memberId` belongs to when given, only the (un)verified ones when `verified` is. */
  list(filter: { memberId: string | null; verified: boolean | undefined }): Promise<OrganisationEntity[]> {
    const builder = this.db.getRepository(OrganisationEntity).createQueryBuilder('o').orderBy('o.created_at', 'DESC').limit(200);
    if (filter.memberId !== null) {
      builder.innerJoin(OrgMemberEntity, 'm', 'm.org_id = o.id AND m.user_id = :userId', { userId: filter.memberId });
    }
    if (filter.verified !== undefined) builder.andWhere(filter.verified ? 'o.verified_at IS NOT NULL' : 'o.verified_at IS NULL');
    return builder.getMany();
  }

  async addOwner(orgId: string, userId: string): Promise<void> {
    await this.db.insert(OrgMemberEntity, { orgId, userId, role: 'OWNER' });
  }

  /** Adds a MEMBER (joined now, the database clock): only when they accepted an invitation; false when the user is a member already. */
  async addMember(orgId: string, userId: string): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO org_member (org_id, user_id, role) VALUES ($1, $2, 'MEMBER') ON CONFLICT DO NOTHING RETURNING user_id`,
      [orgId, userId],
    );
    return inserted.length > 0;
  }

  isMember(orgId: string, userId: string): Promise<boolean> {
    return this.db.existsBy(OrgMemberEntity, { orgId, userId });
  }

  async isOwner(orgId: string, userId: string): Promise<boolean> {
    return (await this.db.findOneBy(OrgMemberEntity, { orgId, userId, role: 'OWNER' })) !== null;
  }

  /** The members, in the order they joined, with their name and email (user_account, auth's too). */
  async members(orgId: string): Promise<OrgMember[]> {
    const rows: { user_id: string; display_name: string; email: string; role: string }[] = await this.db.query(
      `SELECT m.user_id, u.display_name, u.email, m.role FROM org_member m JOIN user_account u ON u.id = m.user_id
        WHERE m.org_id = $1 ORDER BY m.joined_at`,
      [orgId],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email, role: r.role }));
  }

  /** Every organisation the user belongs to, by name. */
  async membershipsOf(userId: string): Promise<Membership[]> {
    const rows: { org_id: string; name: string; kind: string; role: string; verified: boolean }[] = await this.db.query(
      `SELECT m.org_id, o.name, o.kind, m.role, o.verified_at IS NOT NULL AS verified
         FROM org_member m JOIN organisation o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.name`,
      [userId],
    );
    return rows.map((m) => ({ orgId: m.org_id, name: m.name, kind: m.kind, role: m.role, verified: m.verified }));
  }

  /** The verified enterprises the user is a member of. */
  async enterpriseOrgIdsOf(userId: string): Promise<string[]> {
    const rows: { org_id: string }[] = await this.db.query(
      `SELECT m.org_id FROM org_member m JOIN organisation o ON o.id = m.org_id
        WHERE m.user_id = $1 AND o.kind = 'ENTERPRISE' AND o.verified_at IS NOT NULL`,
      [userId],
    );
    return rows.map((r) => r.org_id);
  }
}
