import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, authorize, isAdmin, MemberLookup } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { connectionManager } from '@app/database';
import { assertMayRemoveMember, assertTeamLead, Conflict, isCountryCode, NotFound, ValidationFailed } from '@app/domain';
import { DataSource } from 'typeorm';
import { AddTeamMemberDto, CreateTeamDto, ListTeamsQuery, MembershipPeriodView, TeamSummaryView, TeamView } from './dto/team.dto';
import { OrgMembershipReads } from './org-membership.reads';
import { TeamRepository } from './team.repository';

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
      const teams = new TeamRepository(manager);
      await teams.assertBelowCreatedCap(user.id, this.config.caps.teamsPerUser);
      if (dto.orgId !== undefined && !(await new OrgMembershipReads(manager).isMember(dto.orgId, user.id))) {
        throw ValidationFailed.field('orgId', 'must be an organisation you are a member of');
      }
      const team = await teams.create({ name: dto.name, kind: dto.kind, country: dto.country, orgId: dto.orgId ?? null, createdBy: user.id });
      await teams.addMember(team.id, user.id, 'LEAD');
      return this.view(teams, user, team.id);
    });
  }

  get(user: AuthUser, teamId: string): Promise<TeamView> {
    return this.view(this.teams, user, teamId);
  }

  async list(user: AuthUser, query: ListTeamsQuery): Promise<TeamSummaryView[]> {
    const teams = await this.teams.summaries(user.id, { mine: query.mine === true, nameContains: query.q || null });
    return teams.map((team) => ({ ...team, createdAt: team.createdAt.toISOString() }));
  }

  /** A lead adds a registered user by email (counted per user: the answer tells whether the account exists). */
  async addMember(user: AuthUser, teamId: string, dto: AddTeamMemberDto): Promise<TeamView> {
    await this.lookup.count(user);
    return this.dataSource.transaction(async (manager) => {
      const teams = new TeamRepository(manager);
      await teams.lock(teamId, 'update');
      const members = await teams.currentMembers(teamId);
      assertTeamLead(members, user.id);
      const inviteeId = await this.lookup.find(manager, dto.email);
      if (members.some((m) => m.userId === inviteeId)) throw new Conflict('ALREADY_MEMBER', 'This user is already a member of the team');
      await teams.addMember(teamId, inviteeId, dto.role);
      return this.view(teams, user, teamId);
    });
  }

  /** A lead removes anyone, a member leaves; the period is closed (left_at), never deleted. */
  async removeMember(user: AuthUser, teamId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const teams = new TeamRepository(manager);
      await teams.lock(teamId, 'update');
      assertMayRemoveMember(await teams.currentMembers(teamId), user.id, userId);
      await teams.endMembership(teamId, userId);
    });
  }

  /** Every membership period, for the team's current members and admins. */
  async history(user: AuthUser, teamId: string): Promise<MembershipPeriodView[]> {
    const teams = this.teams;
    if (!(await teams.exists(teamId))) throw new NotFound('Team');
    const members = await teams.currentMembers(teamId);
    authorize(isAdmin(user) || members.some((m) => m.userId === user.id), 'NOT_TEAM_MEMBER', 'Only members of this team and admins see its history');
    return (await teams.memberships(teamId, { currentOnly: false })).map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      joinedAt: m.joinedAt.toISOString(),
      leftAt: m.leftAt?.toISOString() ?? null,
    }));
  }

  /** For the reads outside a transaction: the request's held connection if there is one, else the pool. */
  private get teams(): TeamRepository {
    return new TeamRepository(connectionManager(this.dataSource));
  }

  /** Teams are public profiles: any signed-in user sees name, kind, country, organisation and members; emails only members and admins. */
  private async view(teams: TeamRepository, user: AuthUser, teamId: string): Promise<TeamView> {
    const team = await teams.profile(teamId);
    if (!team) throw new NotFound('Team');
    const members = await teams.memberships(teamId, { currentOnly: true });
    const mine = members.find((m) => m.userId === user.id);
    const showEmails = mine !== undefined || isAdmin(user);
    return {
      ...team,
      createdAt: team.createdAt.toISOString(),
      myRole: mine?.role ?? null,
      members: members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role,
        joinedAt: m.joinedAt.toISOString(),
        ...(showEmails ? { email: m.email } : {}),
      })),
    };
  }
}
