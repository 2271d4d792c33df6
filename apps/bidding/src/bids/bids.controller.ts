import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/auth';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { BidQueriesService } from './bid-queries.service';
import { BidsService } from './bids.service';
import { BidRevisionView, BidSummaryView, BidView, ListMyBidsQuery, ReviseBidDto, ShortlistDto } from './dto/bid.dto';
import { uuidParam } from '@app/core';

const SEALED = 'BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team)';

@ApiTags('bids')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED' })
@Controller('bids')
export class BidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly queries: BidQueriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The bids of my teams' })
  @ApiOkResponse({ type: [BidSummaryView], description: 'The bids of the teams I am a current member of (mine=true is the default and the only listing)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: mine other than true, challengeId not a UUID' })
  listMine(@CurrentUser() user: AuthUser, @Query() query: ListMyBidsQuery): Promise<BidSummaryView[]> {
    return this.queries.listMine(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A bid' })
  @ApiOkResponse({ type: BidView, description: 'The bidding team always; the owner organisation and admins after closing (never a withdrawn bid)' })
  @ApiNotFoundResponse({ description: SEALED })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<BidView> {
    return this.queries.get(user, id);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: "A bid's revisions" })
  @ApiOkResponse({ type: [BidRevisionView], description: 'Every accepted revision with its receipt and exactly the hashed content; same access as the bid' })
  @ApiNotFoundResponse({ description: SEALED })
  revisions(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<BidRevisionView[]> {
    return this.queries.revisions(user, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Revise a bid' })
  @Idempotent()
  @ApiOkResponse({ type: BidView, description: 'A new revision, with its receipt; the earlier ones are kept' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, field by field (as for submitting)' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD, OWN_CHALLENGE (the team or one of its current members now belongs to the posting enterprise; details: rules, memberUserIds)' })
  @ApiNotFoundResponse({ description: SEALED })
  @ApiConflictResponse({ description: 'BID_WINDOW_CLOSED, CHALLENGE_CANCELLED, BID_TRANSITION_FORBIDDEN (not SUBMITTED), IDEMPOTENCY_IN_PROGRESS' })
  revise(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: ReviseBidDto): Promise<BidView> {
    return this.bids.revise(user, id, dto);
  }

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw a bid' })
  @HttpCode(200)
  @ApiOkResponse({ type: BidView, description: 'WITHDRAWN; the team may resubmit before closesAt (POST /api/challenges/:id/bids)' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD' })
  @ApiNotFoundResponse({ description: SEALED })
  @ApiConflictResponse({ description: 'BID_WINDOW_CLOSED, CHALLENGE_CANCELLED, BID_TRANSITION_FORBIDDEN' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<BidView> {
    return this.bids.withdraw(user, id);
  }

  @Post(':id/shortlist')
  @ApiOperation({ summary: 'Shortlist a bid, or take it off the shortlist' })
  @HttpCode(200)
  @ApiOkResponse({ type: BidView, description: '形式审查 after closing: SHORTLISTED bids go to the evaluation room' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: reason is required for NOT_SHORTLISTED' })
  @ApiForbiddenResponse({
    description: 'NOT_CHALLENGE_OWNER: the owner organisation and admins only; OWN_CHALLENGE: SHORTLISTED refused for a team that now belongs to the posting enterprise',
  })
  @ApiNotFoundResponse({ description: SEALED })
  @ApiConflictResponse({ description: 'BIDDING_NOT_CLOSED, SHORTLIST_FROZEN (the room is convened), BID_TRANSITION_FORBIDDEN' })
  shortlist(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: ShortlistDto): Promise<BidView> {
    return this.bids.shortlist(user, id, dto);
  }
}
