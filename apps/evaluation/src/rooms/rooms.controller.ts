import { uuidParam } from '@app/core';
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
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@app/auth';
import { ReplaceJudgeDto } from './dto/panel-draw.dto';
import { AnswerObjectionDto, ConveneRoomDto, ConveningCheckQuery, DeclarationsDto, ListRoomsQuery, ObjectionDto } from './dto/room.dto';
import { RoomBidContentView, CommandAckView, ConveningCheckView, DeclarationView, ObjectionView, RoomSnapshotView, RoomSummaryView } from './dto/room.view';
import { CommandAck } from './room-command-runner';
import { RoomConveningService } from './room-convening.service';
import { RoomQueriesService } from './room-queries.service';
import { RoomVerdictService } from './room-verdict.service';

/** Evaluation rooms over HTTP: convening, declarations, bid content, objections. The live commands are on the socket (docs/evaluation-room.md). */
@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly convening: RoomConveningService,
    private readonly verdict: RoomVerdictService,
    private readonly queries: RoomQueriesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Convene an evaluation room' })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RoomSnapshotView, description: 'Convened: rubric frozen, automatic recusals recorded, evaluation.started emitted' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED: e.g. both or neither of drawId and judgeIds, judgeIds without handPickedReason, a draw of another challenge, an even panel, a chair who is neither judge nor admin, a judge outside the pool',
  })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'CHALLENGE_NOT_CLOSED, ROOM_EXISTS, DRAW_NOT_RUN, BID_NOT_SHORTLISTED, SHORTLIST_INCOMPLETE; CONVENING_WARNINGS (details.warnings): warnings that need warningsAcknowledged',
  })
  convene(@CurrentUser() user: AuthUser, @Body() dto: ConveneRoomDto): Promise<RoomSnapshotView> {
    return this.convening.convene(user, dto);
  }

  @Post(':id/panel/:judgeId/replace')
  @ApiOperation({ summary: 'Replace a drawn judge by the next unused alternate of the draw' })
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: RoomSnapshotView, description: 'The alternate holds the seat (same position), with their automatic recusals; panel.replaced is in the record' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND, PANEL_JUDGE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ROOM_NOT_CONVENED, ROOM_FINALIZED, PANEL_NOT_DRAWN, CHAIR_NOT_REPLACEABLE, ALTERNATES_EXHAUSTED' })
  replace(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('judgeId', uuidParam('judgeId')) judgeId: string,
    @Body() dto: ReplaceJudgeDto,
  ): Promise<RoomSnapshotView> {
    return this.convening.replaceJudge(user, id, judgeId, dto);
  }

  @Get('convening-check')
  @ApiOperation({ summary: 'What convening a challenge with these judges would warn the bureau of' })
  @Roles('ADMIN')
  @ApiOkResponse({ type: ConveningCheckView, description: 'Teams without a verified organisation; near matches of a judge’s affiliation and a team’s organisation that are no automatic recusal' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: challengeId or a judge id is not a UUID' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  conveningCheck(@Query() query: ConveningCheckQuery): Promise<ConveningCheckView> {
    return this.convening.conveningCheck(query);
  }

  @Get()
  @ApiOperation({ summary: 'List evaluation rooms' })
  @ApiOkResponse({ type: [RoomSummaryView], description: 'Rooms I chair, judge or observe (admins: all)' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListRoomsQuery): Promise<RoomSummaryView[]> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "A room's snapshot" })
  @ApiOkResponse({ type: RoomSnapshotView, description: 'The room as my audience sees it (the same snapshot as room:join)' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND (also for rooms I take no part in)' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<RoomSnapshotView> {
    return this.queries.snapshot(user, id);
  }

  @Post(':id/declarations')
  @ApiOperation({ summary: 'Declare conflicts of interest for a room' })
  @HttpCode(200)
  @ApiOkResponse({ type: CommandAckView, description: '{ version, declarations (mine), complete }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bid outside the room, a conflict without a reason' })
  @ApiForbiddenResponse({ description: 'NOT_ON_PANEL' })
  @ApiConflictResponse({ description: 'ROOM_NOT_CONVENED, RECUSAL_AUTOMATIC, ROOM_FINALIZED' })
  declare(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: DeclarationsDto): Promise<CommandAck> {
    return this.convening.declare(user, id, dto);
  }

  @Get(':id/declarations')
  @ApiOperation({ summary: "A room's declarations" })
  @ApiOkResponse({ type: [DeclarationView], description: 'The chair and admins see all; a judge their own' })
  @ApiForbiddenResponse({ description: 'DECLARATIONS_RESTRICTED' })
  declarations(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<DeclarationView[]> {
    return this.queries.declarations(user, id);
  }

  @Get(':id/bids/:bidId')
  @ApiOperation({ summary: 'A bid as the room sees it' })
  @ApiOkResponse({ type: RoomBidContentView, description: 'For non-recused judges, the chair, admins and the owner enterprise' })
  @ApiForbiddenResponse({ description: 'JUDGE_RECUSED, BID_CONTENT_RESTRICTED, NOT_A_ROOM_BID' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND' })
  bid(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('bidId', uuidParam('bidId')) bidId: string,
  ): Promise<RoomBidContentView> {
    return this.queries.bidContent(user, id, bidId);
  }

  @Post(':id/objections')
  @ApiOperation({ summary: 'Raise an objection in a room' })
  @ApiCreatedResponse({ type: CommandAckView, description: '{ version, objection }' })
  @ApiForbiddenResponse({ description: 'NOT_BIDDING_TEAM' })
  @ApiConflictResponse({ description: 'NOT_REVEALED, OBJECTION_WINDOW_CLOSED, ROOM_FINALIZED' })
  object(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: ObjectionDto): Promise<CommandAck> {
    return this.verdict.fileObjection(user, id, dto);
  }

  @Post(':id/objections/:objectionId/answer')
  @ApiOperation({ summary: 'Answer an objection' })
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: CommandAckView, description: '{ version, objection }' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'OBJECTION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'OBJECTION_ANSWERED, ROOM_FINALIZED' })
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('objectionId', uuidParam('objectionId')) objectionId: string,
    @Body() dto: AnswerObjectionDto,
  ): Promise<CommandAck> {
    return this.verdict.answerObjection(user, id, objectionId, dto);
  }

  @Get(':id/objections')
  @ApiOperation({ summary: "A room's objections" })
  @ApiOkResponse({ type: [ObjectionView], description: 'All for the chair, admins, panel and owner; a team sees those on its own bid' })
  objections(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ObjectionView[]> {
    return this.queries.objections(user, id);
  }
}
