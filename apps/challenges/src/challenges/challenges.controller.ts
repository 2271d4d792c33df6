import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, OptionalUser, Roles } from '@app/auth';
import { Public, uuidParam } from '@app/core';
import { ChallengeSearchService } from './challenge-search.service';
import { ChallengesService } from './challenges.service';
import {
  AmendChallengeDto,
  CancelChallengeDto,
  ChallengePageView,
  ChallengeVersionView,
  ChallengeView,
  CreateChallengeDto,
  ListChallengesQuery,
  RejectChallengeDto,
  UpdateChallengeDto,
} from './dto/challenge.dto';

/** The :id of every route below that has one. */
const ChallengeId = () => ApiParam({ name: 'id', format: 'uuid', description: 'The challenge' });

const TRANSITION = 'CHALLENGE_TRANSITION_FORBIDDEN: the action is not allowed in the current status (details: from, action)';
const INVALID = 'VALIDATION_FAILED: every bad field listed in details ({ field, messages }); nothing is written';

@ApiTags('challenges')
@ApiBearerAuth()
@Controller('challenges')
export class ChallengesController {
  constructor(
    private readonly challenges: ChallengesService,
    private readonly search: ChallengeSearchService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a challenge draft' })
  @ApiCreatedResponse({ type: ChallengeView, description: 'A DRAFT of your organisation' })
  @ApiBadRequestResponse({ description: `${INVALID}, e.g. rubric weights not summing to 100, closesAt before opensAt, a fractional rewardFen, an unknown field; orgId when you act for several organisations` })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'ENTERPRISE_REQUIRED (not a member of a verified enterprise), NOT_ORG_ENTERPRISE (orgId is not yours)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateChallengeDto): Promise<ChallengeView> {
    return this.challenges.create(user, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'List challenges' })
  @ApiOkResponse({ type: ChallengePageView, description: 'Newest first; pass nextCursor as cursor for the next page' })
  @ApiBadRequestResponse({ description: `${INVALID}: an unknown parameter, limit over 100, a malformed cursor, rewardMax below rewardMin` })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING: mine=true needs sign-in' })
  list(@OptionalUser() user: AuthUser | null, @Query() query: ListChallengesQuery): Promise<ChallengePageView> {
    return this.search.list(user, query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A challenge' })
  @ChallengeId()
  @ApiOkResponse({ type: ChallengeView, description: 'detail is null unless detailVisible' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND: it does not exist or you may not see it (drafts of others, invite-only)' })
  get(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<ChallengeView> {
    return this.challenges.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a challenge draft' })
  @ChallengeId()
  @ApiOkResponse({ type: ChallengeView, description: 'Edited; a REJECTED challenge is back to DRAFT' })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_CHALLENGE_OWNER' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CHALLENGE_NOT_EDITABLE: only DRAFT and REJECTED challenges are edited (amend a published one)' })
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: UpdateChallengeDto): Promise<ChallengeView> {
    return this.challenges.update(user, id, dto);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit a challenge for review' })
  @ChallengeId()
  @HttpCode(200)
  @ApiOkResponse({ type: ChallengeView, description: 'SUBMITTED to the bureau for review' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the stored terms are not publishable, e.g. closesAt less than MIN_BIDDING_WINDOW_HOURS (24 h by default) after opensAt or in the past' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_CHALLENGE_OWNER' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: TRANSITION })
  submit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ChallengeView> {
    return this.challenges.submit(user, id);
  }

  @Post(':id/publish')
  @ApiOperation({ summary: 'Publish a challenge' })
  @ChallengeId()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: ChallengeView, description: 'PUBLISHED as version 1; emits challenge.published' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: the window is no longer publishable (closesAt must be in the future, MIN_BIDDING_WINDOW_HOURS after opensAt)',
  })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins (the bureau) only' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({
    description: `${TRANSITION}; BIDDING_WINDOW_TOO_SHORT: closesAt is less than MIN_BIDDING_WINDOW_HOURS after this moment of publication (details: closesAt, earliestClosesAt, minWindowHours)`,
  })
  publish(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ChallengeView> {
    return this.challenges.publish(user, id);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a challenge in review' })
  @ChallengeId()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: ChallengeView, description: 'REJECTED with the reason; the enterprise edits it (back to DRAFT) and submits again' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: reason is required' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins (the bureau) only' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: TRANSITION })
  reject(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: RejectChallengeDto): Promise<ChallengeView> {
    return this.challenges.reject(user, id, dto);
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a challenge' })
  @ChallengeId()
  @HttpCode(200)
  @ApiOkResponse({ type: ChallengeView, description: 'CANCELLED; emits challenge.cancelled (bidders are told the reason)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: reason is required to cancel a published challenge' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_CHALLENGE_OWNER: only the posting organisation or an admin' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: `${TRANSITION}; e.g. a challenge whose bidding has closed` })
  cancel(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: CancelChallengeDto): Promise<ChallengeView> {
    return this.challenges.cancel(user, id, dto);
  }

  @Post(':id/amendments')
  @ApiOperation({ summary: 'Amend a published challenge' })
  @ChallengeId()
  @ApiCreatedResponse({ type: ChallengeView, description: 'The challenge as amended: a new version; emits challenge.amended' })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_CHALLENGE_OWNER' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'CHALLENGE_NOT_AMENDABLE (not published), BIDDING_CLOSED, CLOSES_AT_EARLIER, RUBRIC_FROZEN, PASS_MARK_FROZEN, REWARD_DECREASED, ' +
      'OPENS_AT_FROZEN, WINNERS_FROZEN, IP_TERMS_FROZEN, NDA_FROZEN, ELIGIBILITY_FROZEN, INVITATION_WITHDRAWN',
  })
  @ApiUnprocessableEntityResponse({ description: 'AMENDMENT_EMPTY: it changes nothing' })
  amend(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: AmendChallengeDto): Promise<ChallengeView> {
    return this.challenges.amend(user, id, dto);
  }

  @Public()
  @Get(':id/versions')
  @ApiOperation({ summary: "A challenge's published versions" })
  @ChallengeId()
  @ApiOkResponse({ type: [ChallengeVersionView], description: 'Every published version, oldest first (none before publication)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  versions(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<ChallengeVersionView[]> {
    return this.challenges.versions(user, id);
  }
}
