import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, InvitationView } from '@app/auth';
import { uuidParam } from '@app/core';
import { InvitationsService } from './invitations.service';

/** Invitations to join a team or an organisation, as their invitees and inviters answer them (docs/integrity.md). */
@ApiTags('invitations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED' })
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('me/invitations')
  @ApiOperation({ summary: 'My invitations to teams and organisations' })
  @ApiOkResponse({ type: [InvitationView], description: 'Pending first, then the newest; answered and revoked ones kept' })
  mine(@CurrentUser() user: AuthUser): Promise<InvitationView[]> {
    return this.invitations.mine(user);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: the membership begins now' })
  @ApiOkResponse({ type: InvitationView, description: 'ACCEPTED; a member of the team (in the invited role) or of the organisation since decidedAt' })
  @ApiForbiddenResponse({ description: 'NOT_INVITEE: only the person invited answers' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'INVITATION_NOT_PENDING: accepted, declined or revoked already' })
  accept(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InvitationView> {
    return this.invitations.decide(user, id, 'ACCEPTED');
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiOkResponse({ type: InvitationView, description: 'DECLINED; no membership' })
  @ApiForbiddenResponse({ description: 'NOT_INVITEE: only the person invited answers' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'INVITATION_NOT_PENDING: accepted, declined or revoked already' })
  decline(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InvitationView> {
    return this.invitations.decide(user, id, 'DECLINED');
  }

  @Post('invitations/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a pending invitation (a lead of the team, an owner of the organisation)' })
  @ApiOkResponse({ type: InvitationView, description: 'REVOKED; it can no longer be accepted' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD, NOT_ORG_OWNER: those who may invite revoke' })
  @ApiNotFoundResponse({ description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'INVITATION_NOT_PENDING: accepted, declined or revoked already' })
  revoke(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InvitationView> {
    return this.invitations.decide(user, id, 'REVOKED');
  }
}
