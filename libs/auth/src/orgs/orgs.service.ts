import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import {
  Conflict,
  creditCodeRequired,
  isCountryCode,
  isValidCreditCode,
  NotFound,
  ValidationFailed,
  FieldError,
} from '@app/domain';
import { OrganisationEntity, OrgMemberEntity } from '@app/database';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth-user';
import { assertBelowCap } from '../caps';
import { AddOrgMemberDto, CreateOrgDto, ListOrgsQuery, OrgView } from '../dto/org.dto';
import { MemberLookup } from '../member-lookup';
import { authorize, isAdmin } from '../policy';

export function toOrgView(org: OrganisationEntity): OrgView {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    country: org.country,
    creditCode: org.creditCode,
    verified: org.verifiedAt !== null,
    verifiedAt: org.verifiedAt?.toISOString() ?? null,
    createdAt: org.createdAt.toISOString(),
  };
}

@Injectable()
export class OrgsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: MemberLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateOrgDto): Promise<OrgView> {
    const problems: FieldError[] = [];
    if (!isCountryCode(dto.country)) problems.push({ field: 'country', messages: ['country is not an ISO 3166-1 country code'] });
    if (dto.creditCode !== undefined && !isValidCreditCode(dto.creditCode)) {
      problems.push({ field: 'creditCode', messages: ['creditCode is not a valid unified social credit code (check character mismatch)'] });
    } else if (dto.creditCode === undefined && creditCodeRequired(dto.kind, dto.country)) {
      problems.push({ field: 'creditCode', messages: ['creditCode is required for Chinese enterprises and companies'] });
    }
    if (problems.length) throw new ValidationFailed(problems, problems.map((p) => p.messages[0]).join('; '));
    return this.dataSource.transaction(async (manager) => {
      await assertBelowCap(manager, user.id, {
        what: 'organisations',
        code: 'ORG_LIMIT_REACHED',
        limit: this.config.caps.orgsPerUser,
        count: 'SELECT count(*)::int AS n FROM organisation WHERE created_by = $1',
      });
      if (dto.creditCode && (await manager.existsBy(OrganisationEntity, { creditCode: dto.creditCode }))) {
        throw new Conflict('CREDIT_CODE_TAKEN', 'An organisation with this unified social credit code is already registered');
      }
      const org = await manager.save(
        manager.create(OrganisationEntity, {
          name: dto.name,
          kind: dto.kind,
          country: dto.country,
          creditCode: dto.creditCode ?? null,
          verifiedAt: null,
          verifiedBy: null,
          createdBy: user.id,
        }),
      );
      await manager.insert(OrgMemberEntity, { orgId: org.id, userId: user.id, role: 'OWNER' });
      return toOrgView(org);
    });
  }

  async get(id: string): Promise<OrgView> {
    return toOrgView(await this.find(id));
  }

  async list(user: AuthUser, query: ListOrgsQuery): Promise<OrgView[]> {
    const builder = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o').orderBy('o.created_at', 'DESC').limit(200);
    if (query.mine || !isAdmin(user)) {
      builder.innerJoin(OrgMemberEntity, 'm', 'm.org_id = o.id AND m.user_id = :userId', { userId: user.id });
    }
    if (query.verified !== undefined) builder.andWhere(query.verified ? 'o.verified_at IS NOT NULL' : 'o.verified_at IS NULL');
    return (await builder.getMany()).map(toOrgView);
  }

  async verify(admin: AuthUser, id: string): Promise<OrgView> {
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFound('Organisation');
      if (org.verifiedAt) throw new Conflict('ORG_ALREADY_VERIFIED', 'This organisation is already verified');
      await manager.query('UPDATE organisation SET verified_at = now(), verified_by = $2 WHERE id = $1', [id, admin.id]);
      return toOrgView(await manager.findOneByOrFail(OrganisationEntity, { id }));
    });
  }

  async members(user: AuthUser, id: string): Promise<{ userId: string; displayName: string; email: string; role: string }[]> {
    await this.find(id);
    const rows: { user_id: string; display_name: string; email: string; role: string }[] = await this.dataSource.query(
      `SELECT m.user_id, u.display_name, u.email, m.role FROM org_member m JOIN user_account u ON u.id = m.user_id
        WHERE m.org_id = $1 ORDER BY m.joined_at`,
      [id],
    );
    authorize(isAdmin(user) || rows.some((r) => r.user_id === user.id), 'NOT_ORG_MEMBER', 'Only members of this organisation see its members');
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email, role: r.role }));
  }

  async addMember(user: AuthUser, id: string, dto: AddOrgMemberDto): Promise<void> {
    await this.lookup.count(user);
    await this.dataSource.transaction(async (manager) => {
      await this.find(id);
      const owner = await manager.findOneBy(OrgMemberEntity, { orgId: id, userId: user.id, role: 'OWNER' });
      authorize(owner !== null, 'NOT_ORG_OWNER', 'Only an owner of this organisation adds members');
      const inviteeId = await this.lookup.find(manager, dto.email);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO org_member (org_id, user_id, role) VALUES ($1, $2, 'MEMBER') ON CONFLICT DO NOTHING RETURNING user_id`,
        [id, inviteeId],
      );
      if (inserted.length === 0) throw new Conflict('ALREADY_MEMBER', 'This user is already a member');
    });
  }

  private async find(id: string): Promise<OrganisationEntity> {
    const org = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!org) throw new NotFound('Organisation');
    return org;
  }
}
