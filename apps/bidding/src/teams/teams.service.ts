import { Inject, Injectable } from '@nestjs/common';
import { assertBelowCap, AuthUser, authorize, isAdmin, MemberLookup } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { containsPattern, TeamEntity, TeamMemberEntity } from '@app/database';
import { assertMayRemoveMember, assertTeamLead, Conflict, isCountryCode, NotFound, ValidationFailed } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AddTeamMemberDto, CreateTeamDto, ListTeamsQuery, MembershipPeriodView, TeamSummaryView, TeamView } from './dto/team.dto';
import { currentMembers, lockTeam } from './team-members';

interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: string;
  joined_at: Date;
  left_at: Date | null;
}

interface TeamRow {
  id: string;
  name: string;
  kind: string;
  country: string;
  org_id: string | null;
  org_name: string | null;
  created_at: Date;
}

interface TeamSummaryRow {
  id: string;
  name: string;
  kind: string;
  country: string;
  org_id: string | null;
  member_count: number;
  my_role: string | null;
  created_at: Date;
}


/** Global solver teams: creation, current members, and the membership history kept for conflicts of interest. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: MemberLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateTeamDto): Promise<TeamView> {
    if (!isCountryCode(dto.country)) throw ValidationFailed.field('country', 'is not an ISO 3166-1 country code');
    return this.dataSource.transaction(async (manager) => {
      await assertBelowCap(manager, user.id, {
        what: 'teams',
        code: 'TEAM_LIMIT_REACHED',
        limit: this.config.caps.teamsPerUser,
        count: 'SELECT count(*)::int AS n FROM team WHERE created_by = $1',
      });
      if (dto.orgId !== undefined) {
        const member: unknown[] = await manager.query('SELECT 1 FROM org_member WHERE org_id = $1 AND user_id = $2', [dto.orgId, user.id]);
        if (member.length === 0) throw ValidationFailed.field('orgId', 'must be an organisation you are a member of');
      }
      const team = await manager.save(
        manager.create(TeamEntity, { name: dto.name, kind: dto.kind, country: dto.country, orgId: dto.orgId ?? null, createdBy: user.id }),
      );
      await manager.insert(TeamMemberEntity, { teamId: team.id, userId: user.id, role: 'LEAD', leftAt: null });
      return this.view(manager, user, team.id);
    });
  }

  get(user: AuthUser, teamId: string): Promise<TeamView> {
    return this.view(this.dataSource.manager, user, teamId);
  }

  async list(user: AuthUser, query: ListTeamsQuery): Promise<TeamSummaryView[]> {
    const params: unknown[] = [user.id];
    const where: string[] = [];
    if (query.mine) where.push('me.user_id IS NOT NULL');
    if (query.q) {
      params.push(containsPattern(query.q));
      where.push(`t.name ILIKE $${params.length}`);
    }
    const rows: TeamSummaryRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.kind, t.country, t.org_id, t.created_at, me.role AS my_role,
              (SELECT count(*)::int FROM team_member m WHERE m.team_id = t.id AND m.left_at IS NULL) AS member_count
         FROM team t
         LEFT JOIN team_member me ON me.team_id = t.id AND me.user_id = $1 AND me.left_at IS NULL
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY t.created_at DESC, t.id LIMIT 200`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      country: r.country.trim(),
      orgId: r.org_id,
      memberCount: r.member_count,
      myRole: r.my_role,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** A lead adds a registered user by email (counted per user: the answer tells whether the account exists). */
  async addMember(user: AuthUser, teamId: string, dto: AddTeamMemberDto): Promise<TeamView> {
    await this.lookup.count(user);
    return this.dataSource.transaction(async (manager) => {
      await lockTeam(manager, teamId, 'update');
      const members = await currentMembers(manager, teamId);
      assertTeamLead(members, user.id);
      const inviteeId = await this.lookup.find(manager, dto.email);
      if (members.some((m) => m.userId === inviteeId)) throw new Conflict('ALREADY_MEMBER', 'This user is already a member of the team');
      await manager.insert(TeamMemberEntity, { teamId, userId: inviteeId, role: dto.role, leftAt: null });
      return this.view(manager, user, teamId);
    });
  }

  /** A lead removes anyone, a member leaves; the period is closed (left_at), never deleted. */
  async removeMember(user: AuthUser, teamId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockTeam(manager, teamId, 'update');
      assertMayRemoveMember(await currentMembers(manager, teamId), user.id, userId);
      await manager.query('UPDATE team_member SET left_at = now() WHERE team_id = $1 AND user_id = $2 AND left_at IS NULL', [
        teamId,
        userId,
      ]);
    });
  }

  /** Every membership period, for the team's current members and admins. */
  async history(user: AuthUser, teamId: string): Promise<MembershipPeriodView[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(TeamEntity, { id: teamId }))) throw new NotFound('Team');
    const members = await currentMembers(manager, teamId);
    authorize(isAdmin(user) || members.some((m) => m.userId === user.id), 'NOT_TEAM_MEMBER', 'Only members of this team and admins see its history');
    return (await this.memberRows(manager, teamId, false)).map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role,
      joinedAt: r.joined_at.toISOString(),
      leftAt: r.left_at?.toISOString() ?? null,
    }));
  }

  /** Teams are public profiles: any signed-in user sees name, kind, country, organisation and members; emails only members and admins. */
  private async view(manager: EntityManager, user: AuthUser, teamId: string): Promise<TeamView> {
    const rows: TeamRow[] = await manager.query(
      `SELECT t.id, t.name, t.kind, t.country, t.org_id, t.created_at, o.name AS org_name
         FROM team t LEFT JOIN organisation o ON o.id = t.org_id WHERE t.id = $1`,
      [teamId],
    );
    const team = rows[0];
    if (!team) throw new NotFound('Team');
    const members = await this.memberRows(manager, teamId, true);
    const mine = members.find((m) => m.user_id === user.id);
    const showEmails = mine !== undefined || isAdmin(user);
    return {
      id: team.id,
      name: team.name,
      kind: team.kind,
      country: team.country.trim(),
      orgId: team.org_id,
      orgName: team.org_name,
      createdAt: team.created_at.toISOString(),
      myRole: mine?.role ?? null,
      members: members.map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        role: m.role,
        joinedAt: m.joined_at.toISOString(),
        ...(showEmails ? { email: m.email } : {}),
      })),
    };
  }

  private memberRows(manager: EntityManager, teamId: string, currentOnly: boolean): Promise<MemberRow[]> {
    return manager.query(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.joined_at, m.left_at
         FROM team_member m JOIN user_account u ON u.id = m.user_id
        WHERE m.team_id = $1 ${currentOnly ? 'AND m.left_at IS NULL' : ''}
        ORDER BY m.joined_at, m.id`,
      [teamId],
    );
  }
}
