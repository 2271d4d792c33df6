import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, InvitationView } from '@app/auth';
import { AddTeamMemberDto, CreateTeamDto, ListTeamsQuery, MembershipPeriodView, TeamSummaryView, TeamView } from './dto/team.dto';
import { TeamsService } from './teams.service';
import { uuidParam } from '@app/core';

@ApiTags('teams')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED' })
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a team (its creator leads it)' })
  @ApiCreatedResponse({ type: TeamView, description: 'Created; the creator is its first LEAD' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: e.g. country not ISO 3166-1, orgId not an organisation of the creator' })
  @ApiConflictResponse({ description: 'TEAM_LIMIT_REACHED: the caller created MAX_TEAMS_PER_USER teams already' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List teams' })
  @ApiOkResponse({ type: [TeamSummaryView], description: '?mine=true: my teams; otherwise the team directory (at most 200, newest first)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: mine not true/false, q blank or longer than 100' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListTeamsQuery): Promise<TeamSummaryView[]> {
    return this.teams.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A team with its members' })
  @ApiOkResponse({ type: TeamView, description: 'A public profile; member emails only for members and admins' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<TeamView> {
    return this.teams.get(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "A team's membership history" })
  @ApiOkResponse({ type: [MembershipPeriodView], description: 'Every membership period, past ones included' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_MEMBER: members of the team and admins only' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND' })
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MembershipPeriodView[]> {
    return this.teams.history(user, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Invite a registered user to join a team', description: 'Nobody joins without accepting: the invitee answers with POST /api/invitations/{id}/accept or decline.' })
  @ApiCreatedResponse({ type: InvitationView, description: 'A PENDING invitation; the user becomes a member, in this role, only when they accept' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND, USER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ALREADY_MEMBER; ALREADY_INVITED: a pending invitation exists' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: THROTTLE_MEMBER_LOOKUPS_PER_HOUR invitations by email this hour (successful or not); see Retry-After' })
  invite(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: AddTeamMemberDto): Promise<InvitationView> {
    return this.teams.invite(user, id, dto);
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: "A team's invitations" })
  @ApiOkResponse({ type: [InvitationView], description: 'Pending first, then the newest' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD: leads of the team and admins only' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND' })
  invitations(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InvitationView[]> {
    return this.teams.invitations(user, id);
  }

  @Delete(':id/members/:userId')
  @ApiOperation({ summary: 'Remove a member from a team (or leave it)' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The membership ended (kept in the history)' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD: only a lead removes others; a member may remove only themselves' })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND, MEMBER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAST_LEAD: a team keeps at least one lead' })
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<void> {
    return this.teams.removeMember(user, id, userId);
  }
}
