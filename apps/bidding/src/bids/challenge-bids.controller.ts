import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, OptionalUser } from '@app/auth';
import { Public, uuidParam } from '@app/core';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { BidQueriesService } from './bid-queries.service';
import { BidsService } from './bids.service';
import { BidView, ChallengeBidsView, DigestView, SubmitBidDto } from './dto/bid.dto';

/** The bids of one challenge: submitting (揭榜), the sealed count or the opened list, and the digest. */
@ApiTags('bids')
@Controller('challenges/:id/bids')
export class ChallengeBidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly queries: BidQueriesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit a sealed bid on a challenge' })
  @ApiBearerAuth()
  @Idempotent()
  @ApiCreatedResponse({
    type: BidView,
    description: 'Accepted; `receipt` holds the bid id, revision, server receive time and the SHA-256 of the content. A team whose bid was withdrawn resubmits that bid as a new revision.',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, field by field: e.g. quotedPriceFen above the reward, milestones shares not summing to 10000, milestones.N.dueDay past durationDays, keyPersonnelUserIds.N not a member, unknown fields',
  })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED' })
  @ApiForbiddenResponse({ description: 'NOT_TEAM_LEAD, OWN_CHALLENGE (the team or one of its members belongs to the posting enterprise), TEAM_NOT_ELIGIBLE (invite-only), NDA_NOT_ACCEPTED' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND, TEAM_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'BID_WINDOW_NOT_OPEN, BID_WINDOW_CLOSED (by the database clock), CHALLENGE_CANCELLED, BID_ALREADY_EXISTS (one active bid per team), IDEMPOTENCY_IN_PROGRESS',
  })
  submit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: SubmitBidDto): Promise<BidView> {
    return this.bids.submit(user, id, dto);
  }

  @Get()
  @ApiOperation({ summary: "A challenge's bids, as the caller may see them" })
  @Public()
  @ApiOkResponse({
    type: ChallengeBidsView,
    description: 'Before closing, a count for everyone who sees the challenge. After closing the owner organisation and admins get the list; everyone else still a count. `ownBids`: the caller’s own teams’ bids.',
  })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  list(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<ChallengeBidsView> {
    return this.queries.forChallenge(user, id);
  }

  @Get('digest')
  @ApiOperation({ summary: "A challenge's bid digest" })
  @Public()
  @ApiOkResponse({ type: DigestView, description: 'The hash over all final receipts (the "super hash"), published after closing' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'BIDDING_NOT_CLOSED' })
  digest(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<DigestView> {
    return this.queries.digest(user, id);
  }
}
