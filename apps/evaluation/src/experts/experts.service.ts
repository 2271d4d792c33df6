import { Injectable } from '@nestjs/common';
import { authorize, AuthUser, grantRole, isAdmin } from '@app/auth';
import { containsPattern, ExpertEntity, OrganisationEntity, UserEntity } from '@app/database';
import { Conflict, NotFound } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CreateExpertDto, ExpertView, ListExpertsQuery } from './dto/expert.dto';

interface ExpertRow {
  user_id: string;
  display_name: string;
  email: string;
  title: string;
  fields: string[];
  affiliation_org_id: string | null;
  affiliation_name: string | null;
  bio: string;
  created_at: Date;
}

const SELECT_EXPERT = `
  SELECT e.user_id, u.display_name, u.email, e.title, e.fields, e.affiliation_org_id, o.name AS affiliation_name, e.bio, e.created_at
    FROM expert e
    JOIN user_account u ON u.id = e.user_id
    LEFT JOIN organisation o ON o.id = e.affiliation_org_id`;

function toExpertView(row: ExpertRow): ExpertView {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    title: row.title,
    fields: row.fields,
    affiliation: row.affiliation_org_id ? { orgId: row.affiliation_org_id, name: row.affiliation_name ?? '' } : null,
    bio: row.bio,
    createdAt: row.created_at.toISOString(),
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user input. */
/** The expert pool (评审专家库): admins add experts and search them when convening a room. */
@Injectable()
export class ExpertsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(admin: AuthUser, dto: CreateExpertDto): Promise<ExpertView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: dto.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFound('User');
      if (dto.affiliationOrgId && !(await manager.existsBy(OrganisationEntity, { id: dto.affiliationOrgId }))) {
        throw new NotFound('Organisation');
      }
      if (await manager.existsBy(ExpertEntity, { userId: dto.userId })) {
        throw new Conflict('EXPERT_EXISTS', 'This user is already in the expert pool');
      }
      await manager.insert(ExpertEntity, {
        userId: dto.userId,
        title: dto.title,
        fields: [...new Set(dto.fields)],
        affiliationOrgId: dto.affiliationOrgId ?? null,
        bio: dto.bio ?? '',
        createdBy: admin.id,
      });
      // An expert holds the JUDGE role, granted through auth, which owns the user's roles.
      await grantRole(manager, dto.userId, 'JUDGE');
      return this.find(manager, dto.userId);
    });
  }

  async list(query: ListExpertsQuery): Promise<ExpertView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.field) {
      params.push(query.field);
      where.push(`EXISTS (SELECT 1 FROM unnest(e.fields) f WHERE lower(f) = lower($${params.length}))`);
    }
    if (query.q) {
      params.push(containsPattern(query.q));
      const p = `$${params.length}`;
      where.push(`(u.display_name ILIKE ${p} OR e.title ILIKE ${p} OR e.bio ILIKE ${p} OR o.name ILIKE ${p}
                   OR EXISTS (SELECT 1 FROM unnest(e.fields) f WHERE f ILIKE ${p}))`);
    }
    params.push(query.limit ?? 50, query.offset ?? 0);
    const rows: ExpertRow[] = await this.dataSource.query(
      `${SELECT_EXPERT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY u.display_name, e.user_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toExpertView);
  }

  /** An expert's entry: for the admins and for the expert themself. */
  async get(user: AuthUser, userId: string): Promise<ExpertView> {
    authorize(isAdmin(user) || user.id === userId, 'EXPERTS_ADMIN_ONLY', 'Only admins see other experts’ entries');
    return this.find(this.dataSource.manager, userId);
  }

  private async find(manager: EntityManager, userId: string): Promise<ExpertView> {
    const rows: ExpertRow[] = await manager.query(`${SELECT_EXPERT} WHERE e.user_id = $1`, [userId]);
    if (rows.length === 0) throw new NotFound('Expert');
    return toExpertView(rows[0]);
  }
}
