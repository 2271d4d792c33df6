import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, authorize, decideInvitation, invitationView, InvitationSubject, InvitationView, invite, isAdmin, MemberLookup } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { connectionManager, publishEvent } from '@app/database';
import { assertMayRemoveMember, assertTeamLead, InvitationDecision, isCountryCode, NotFound, TeamRole, ValidationFailed } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AddTeamMemberDto, CreateTeamDto, ListTeamsQuery, MembershipPeriodView, TeamSummaryView, TeamView } from './dto/team.dto';
import { OrgMembershipReads } from './org-membership.reads';
import { TeamInvitationRepository } from './team-invitation.repository';
import { TeamRepository } from './team.repository';

/** A team as its invitations need it: leads invite and revoke, an accepted invitation opens a period of membership. */
function teamSubject(manager: EntityManager): InvitationSubject {
  const teams = new TeamRepository(manager);
  return {
    lock: async (teamId) => {
      await teams.lock(teamId, 'update');
    },
    assertMayInvite: async (teamId, userId) => assertTeamLead(await teams.currentMembers(teamId), userId),
    isMember: async (teamId, userId) => (await teams.currentMembers(teamId)).some((m) => m.userId === userId),
    // Evaluation recuses the new member at once from the team's bids in the rooms they judge (docs/integrity.md, Conflicts stay live).
    join: async (invitation) => {
      const joinedAt = await teams.addMember(invitation.subjectId, invitation.inviteeId, invitation.role as TeamRole);
      await publishEvent(manager, 'team.member.joined', { teamId: invitation.subjectId, userId: invitation.inviteeId, joinedAt: joinedAt.toISOString() });
    },
  };
}

/** Global solver teams: creation, members by invitation, and the membership history kept for conflicts of interest. */
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

  /** A lead invites a registered user by email (counted per user: the answer tells whether the account exists). */
  async invite(user: AuthUser, teamId: string, dto: AddTeamMemberDto): Promise<InvitationView> {
    await this.lookup.count(user);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await invite(new TeamInvitationRepository(manager), teamSubject(manager), {
        subjectId: teamId,
        invitedBy: user.id,
        role: dto.role,
        findInvitee: () => this.lookup.find(manager, dto.email),
      });
      return invitationView('TEAM', invitation);
    });
  }

  /** The team's invitations, pending first: for its leads and admins. */
  async invitations(user: AuthUser, teamId: string): Promise<InvitationView[]> {
    const teams = this.teams;
    if (!(await teams.exists(teamId))) throw new NotFound('Team');
    if (!isAdmin(user)) assertTeamLead(await teams.currentMembers(teamId), user.id);
    return (await new TeamInvitationRepository(connectionManager(this.dataSource)).ofTeam(teamId)).map((i) => invitationView('TEAM', i));
  }

  /** The user's invitations to teams, pending first. */
  async invitationsOf(userId: string): Promise<InvitationView[]> {
    return (await new TeamInvitationRepository(connectionManager(this.dataSource)).ofInvitee(userId)).map((i) => invitationView('TEAM', i));
  }

  /** Whether this is an invitation to a team (else it may be one to an organisation). */
  async isTeamInvitation(invitationId: string): Promise<boolean> {
    return (await new TeamInvitationRepository(connectionManager(this.dataSource)).byId(invitationId)) !== null;
  }

  /** The invitee accepts (a period of membership begins, in the invited role) or declines; a lead revokes. */
  decideInvitation(user: AuthUser, invitationId: string, decision: InvitationDecision): Promise<InvitationView> {
    return this.dataSource.transaction(async (manager) =>
      invitationView('TEAM', await decideInvitation(new TeamInvitationRepository(manager), teamSubject(manager), { invitationId, userId: user.id, decision })),
    );
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
