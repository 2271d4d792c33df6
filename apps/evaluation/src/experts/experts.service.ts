import { Injectable } from '@nestjs/common';
import { authorize, AuthUser, grantRole, isAdmin } from '@app/auth';
import { connectionManager, containsPattern, isUniqueViolation } from '@app/database';
import { Conflict, NotFound } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccountReads } from './account.reads';
import { CreateExpertDto, ExpertView, ListExpertsQuery } from './dto/expert.dto';
import { Expert, ExpertRepository } from './expert.repository';

function toExpertView(expert: Expert): ExpertView {
  return { ...expert, createdAt: expert.createdAt.toISOString() };
}

/** The expert pool (评审专家库): admins add experts and search them when convening a room. */
@Injectable()
export class ExpertsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(admin: AuthUser, dto: CreateExpertDto): Promise<ExpertView> {
    return this.dataSource.transaction(async (manager) => {
      const accounts = new AccountReads(manager);
      const experts = new ExpertRepository(manager);
      if (!(await accounts.userExists(dto.userId))) throw new NotFound('User');
      if (dto.affiliationOrgId && !(await accounts.organisationExists(dto.affiliationOrgId))) {
        throw new NotFound('Organisation');
      }
      if (await experts.exists(dto.userId)) throw new Conflict('EXPERT_EXISTS', 'This user is already in the expert pool');
      try {
        await experts.insert({
          userId: dto.userId,
          title: dto.title,
          fields: [...new Set(dto.fields)],
          affiliationOrgId: dto.affiliationOrgId ?? null,
          bio: dto.bio ?? '',
          createdBy: admin.id,
        });
      } catch (error) {
        // A concurrent addition of the same user committed between the check and the insert.
        if (isUniqueViolation(error)) throw new Conflict('EXPERT_EXISTS', 'This user is already in the expert pool');
        throw error;
      }
      // An expert holds the JUDGE role, granted through auth, which owns the user's roles.
      await grantRole(manager, dto.userId, 'JUDGE');
      return this.find(manager, dto.userId);
    });
  }

  async list(query: ListExpertsQuery): Promise<ExpertView[]> {
    const experts = await new ExpertRepository(connectionManager(this.dataSource)).search({
      field: query.field || null,
      pattern: query.q ? containsPattern(query.q) : null,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return experts.map(toExpertView);
  }

  /** An expert's entry: for the admins and for the expert themself. */
  async get(user: AuthUser, userId: string): Promise<ExpertView> {
    authorize(isAdmin(user) || user.id === userId, 'EXPERTS_ADMIN_ONLY', 'Only admins see other experts’ entries');
    return this.find(connectionManager(this.dataSource), userId);
  }

  private async find(manager: EntityManager, userId: string): Promise<ExpertView> {
    const expert = await new ExpertRepository(manager).find(userId);
    if (!expert) throw new NotFound('Expert');
    return toExpertView(expert);
  }
}
