import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { uuidParam } from '@app/core';
import type { AuthUser } from '../auth-user';
import { CurrentUser, Roles } from '../decorators';
import { InvitationView } from '../dto/invitation.dto';
import { AddOrgMemberDto, CreateOrgDto, ListOrgsQuery, OrgMemberView, OrgView } from '../dto/org.dto';
import { OrgsService } from './orgs.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organisation' })
  @ApiCreatedResponse({ type: OrgView, description: 'Created unverified; the creator is its first member (OWNER)' })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a credit code whose check character is wrong' })
  @ApiConflictResponse({ description: 'CREDIT_CODE_TAKEN; ORGANISATION_DUPLICATE (details.orgId): a verified organisation with the same identity exists; ORG_LIMIT_REACHED: the caller created MAX_ORGS_PER_USER organisations already' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgDto): Promise<OrgView> {
    return this.orgs.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List organisations' })
  @ApiOkResponse({ type: [OrgView], description: 'Admins see every organisation (e.g. ?verified=false is the verification queue); others see their own' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListOrgsQuery): Promise<OrgView[]> {
    return this.orgs.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation' })
  @ApiOkResponse({ type: OrgView })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<OrgView> {
    return this.orgs.get(user, id);
  }

  @Post(':id/verify')
  @ApiOperation({ summary: 'Verify an organisation' })
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: OrgView, description: 'Verified; its members now act as enterprise for it' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiConflictResponse({ description: 'ORG_ALREADY_VERIFIED' })
  verify(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<OrgView> {
    return this.orgs.verify(user, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "An organisation's members" })
  @ApiOkResponse({ type: [OrgMemberView], description: 'In the order they joined' })
  @ApiForbiddenResponse({ description: 'NOT_ORG_MEMBER' })
  members(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<OrgMemberView[]> {
    return this.orgs.members(user, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Invite a registered user to join an organisation', description: 'Nobody joins without accepting: the invitee answers with POST /api/invitations/{id}/accept or decline.' })
  @ApiCreatedResponse({ type: InvitationView, description: 'A PENDING invitation; the user becomes a MEMBER only when they accept' })
  @ApiForbiddenResponse({ description: 'NOT_ORG_OWNER' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND, USER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ALREADY_MEMBER; ALREADY_INVITED: a pending invitation exists' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: THROTTLE_MEMBER_LOOKUPS_PER_HOUR invitations by email this hour (successful or not); see Retry-After' })
  invite(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: AddOrgMemberDto): Promise<InvitationView> {
    return this.orgs.invite(user, id, dto);
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: "An organisation's invitations" })
  @ApiOkResponse({ type: [InvitationView], description: 'Pending first, then the newest' })
  @ApiForbiddenResponse({ description: 'NOT_ORG_OWNER: owners and admins only' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND' })
  invitations(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InvitationView[]> {
    return this.orgs.invitations(user, id);
  }
}
