import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGGREGATIONS,
  ConveningWarning,
  NearMatchReason,
  BID_SLOT_STATES,
  BidSlotState,
  Envelopes,
  ENVELOPES,
  PRICE_SCORINGS,
  PriceScoring,
  ROOM_STATUSES,
  RoomAudience,
  RoomStatus,
  TIMER_PHASES,
  TimerPhase,
} from '@app/domain';

/** OpenAPI shapes of the room's answers (the TypeScript types live beside the services and views). */

export class CommandAckView {
  @ApiProperty({ description: 'The room version after the command (the version of the room:event it caused)' })
  version!: number;

  @ApiPropertyOptional({ description: 'True when the operation id was already applied: nothing changed' })
  replayed?: boolean;
}

export class RoomChallengeRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class RoomCriterionView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
}

export class RoomTimerView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ enum: TIMER_PHASES }) phase!: TimerPhase;
  @ApiProperty() durationMs!: number;
  @ApiProperty() running!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When the countdown was last (re)started, by the database clock; null while paused' })
  startedAt!: string | null;
  @ApiProperty({ description: 'What is left at serverTime' }) remainingMs!: number;
}

export class RoomPanelMemberView {
  @ApiProperty({ example: 'A', description: "The seat's pseudonym by panel position, the same for every audience" }) label!: string;
  @ApiProperty({ description: "The judge's user id; for observers before the room is FINALIZED, the seat label" }) userId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for observers before the room is FINALIZED' }) displayName!: string | null;
  @ApiProperty() chair!: boolean;
  @ApiProperty() declared!: boolean;
}

export class RoomBidSlotView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ enum: BID_SLOT_STATES }) state!: BidSlotState;
  @ApiProperty({ type: [String], description: 'Judges with a standing score on this bid (who, never how much); seat labels for observers before the room is FINALIZED' })
  scoredBy!: string[];
  @ApiProperty({ type: [String], description: 'Always empty for observers before the room is FINALIZED' }) recusedJudgeIds!: string[];
  @ApiProperty({ description: 'Panel judges not recused from this bid' }) eligibleJudges!: number;
  @ApiProperty() position!: number;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() presentationMinutes!: number;
  @ApiProperty() qaMinutes!: number;
  @ApiProperty({ nullable: true, type: String }) presentedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lockedAt!: string | null;
}

export class RoomObjectionCountView {
  @ApiProperty() filed!: number;
  @ApiProperty() open!: number;
}

export class RoomOwnScoreView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Centi-points by criterion key' }) scores!: Record<string, number>;
  @ApiProperty() total!: number;
  @ApiProperty({ example: '78.00' }) totalPoints!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class RoomOwnDeclarationView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() conflict!: boolean;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class RoomJudgeTotalView {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() total!: number;
}

export class RoomOutlierFlagView {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() total!: number;
  @ApiProperty() median!: number;
  @ApiProperty() deviation!: number;
}

export class RoomAggregateView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ nullable: true, type: Number, description: "The panel score by the room's aggregation; null before anyone scored" }) panelScore!: number | null;
  @ApiProperty() scoredBy!: number;
  @ApiProperty({ type: [RoomJudgeTotalView] }) totals!: RoomJudgeTotalView[];
  @ApiProperty({ type: [RoomOutlierFlagView] }) flags!: RoomOutlierFlagView[];
}

export class RoomFlaggedBidView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ type: [String], description: 'The recused judges whose scores stand on the bid' }) judgeIds!: string[];
}

export class RoomRankingEntryView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() rank!: number;
  @ApiProperty() teamName!: string;
  @ApiProperty({ nullable: true, type: Number }) panelScore!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '78.00' }) panelPoints!: string | null;
  @ApiProperty() eligible!: boolean;
  @ApiProperty() awarded!: boolean;
  @ApiProperty() scoredBy!: number;
  @ApiPropertyOptional({ description: 'Chair only (never while a two-envelope room’s prices are sealed)' }) quotedPriceFen?: number;
}

/** A warning for the bureau before convening (libs/domain/src/evaluation/convening-warnings.ts); the fields present depend on the kind. */
export class ConveningWarningView {
  @ApiProperty({
    enum: ['TEAM_WITHOUT_ORGANISATION', 'TEAM_ORGANISATION_UNVERIFIED', 'AFFILIATION_NEAR_MATCH'],
    description: 'TEAM_WITHOUT_ORGANISATION is for information; the others need warningsAcknowledged to convene',
  })
  kind!: ConveningWarning['kind'];
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) teamId?: string;
  @ApiPropertyOptional() teamName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'TEAM_ORGANISATION_UNVERIFIED: the team’s organisation' }) orgId?: string;
  @ApiPropertyOptional() orgName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'AFFILIATION_NEAR_MATCH: the judge' }) judgeId?: string;
  @ApiPropertyOptional({ enum: ['SAME_NAME', 'SIMILAR_NAME', 'NAME_CONTAINED'] }) reason?: NearMatchReason;
  @ApiPropertyOptional({ format: 'uuid' }) affiliationOrgId?: string;
  @ApiPropertyOptional() affiliationName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) teamOrgId?: string;
  @ApiPropertyOptional() teamOrgName?: string;
}

export class ConveningCheckView {
  @ApiProperty({ type: [ConveningWarningView], description: 'Bid by bid in shortlist order' }) warnings!: ConveningWarningView[];
  @ApiProperty({ description: 'Whether convening with these judges needs warningsAcknowledged' }) acknowledgementRequired!: boolean;
}

/** The room as one audience sees it (room:join answers the same shape on the socket: libs/domain/src/evaluation/room-protocol.ts). */
export class RoomSnapshotView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The database clock when the snapshot was taken (for the countdown’s clock offset)' }) serverTime!: string;
  @ApiProperty({ enum: ['CHAIR', 'JUDGE', 'OBSERVER'] }) audience!: RoomAudience;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: RoomStatus;
  @ApiProperty({ type: RoomChallengeRefView }) challenge!: RoomChallengeRefView;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "For observers before the room is FINALIZED: the chair's seat label when the chair is on the panel, else null",
  })
  chairUserId!: string | null;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation!: string;
  @ApiProperty() passMark!: number;
  @ApiProperty() winners!: number;
  @ApiProperty() objectionWindowMinutes!: number;
  @ApiProperty({ type: [RoomCriterionView], description: 'The frozen rubric' }) rubric!: RoomCriterionView[];
  @ApiProperty({ enum: ENVELOPES, description: 'SINGLE: every criterion at once; TWO: technical criteria first, prices sealed until prices:open' })
  envelopes!: Envelopes;
  @ApiProperty({ nullable: true, type: String, description: 'TWO: the price criterion; null with SINGLE' }) priceCriterionKey!: string | null;
  @ApiProperty({ nullable: true, enum: PRICE_SCORINGS, description: 'TWO: how the price criterion is scored; null with SINGLE' }) priceScoring!: PriceScoring | null;
  @ApiProperty({ nullable: true, type: String, description: 'TWO: when the prices were opened (database clock)' }) pricesOpenedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revealedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionWindowEndsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) currentBidId!: string | null;
  @ApiProperty({ nullable: true, type: RoomTimerView }) timer!: RoomTimerView | null;
  @ApiProperty({ type: [RoomPanelMemberView] }) panel!: RoomPanelMemberView[];
  @ApiProperty({ type: [RoomBidSlotView], description: 'In presentation order' }) bids!: RoomBidSlotView[];
  @ApiProperty({ type: RoomObjectionCountView }) objections!: RoomObjectionCountView;
  @ApiPropertyOptional({ type: [RoomOwnScoreView], description: 'Panel judges: their own scores' }) myScores?: RoomOwnScoreView[];
  @ApiPropertyOptional({ type: [String], description: 'Panel judges: bids they are recused from' }) myRecusals?: string[];
  @ApiPropertyOptional({ type: [RoomOwnDeclarationView], description: 'Panel judges: their own declarations, in presentation order' })
  myDeclarations?: RoomOwnDeclarationView[];
  @ApiPropertyOptional({ type: [RoomAggregateView], description: 'Chair only: live aggregates and outlier flags' }) aggregates?: RoomAggregateView[];
  @ApiPropertyOptional({ type: [RoomFlaggedBidView], description: 'Chair only: bids whose locked result holds the score of a judge recused from them since' })
  flagged?: RoomFlaggedBidView[];
  @ApiPropertyOptional({ type: [RoomRankingEntryView], description: 'Everyone, once revealed' }) ranking?: RoomRankingEntryView[];
  @ApiPropertyOptional({ type: [ConveningWarningView], description: 'The answer to convening only: the warnings the bureau convened with' })
  conveningWarnings?: ConveningWarningView[];
}

export class RoomSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() challengeTitle!: string;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for observers before the room is FINALIZED' }) chairUserId!: string | null;
  @ApiProperty({ enum: ['CHAIR', 'JUDGE', 'OBSERVER'] }) audience!: string;
  @ApiProperty() createdAt!: string;
}

export class DeclarationView {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() conflict!: boolean;
  @ApiProperty({ description: 'Recused by the platform (same organisation, team member)' }) automatic!: boolean;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() declaredAt!: string;
}

export class ObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
}

export class RoomMilestoneView {
  @ApiProperty() title!: string;
  @ApiProperty() dueDay!: number;
  @ApiProperty() deliverable!: string;
  @ApiProperty() paymentBasisPoints!: number;
}

export class KeyPersonView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class RoomBidContentView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() technicalApproach!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Null while a two-envelope room’s prices are sealed' }) quotedPriceFen!: number | null;
  @ApiProperty() durationDays!: number;
  @ApiProperty({ type: [RoomMilestoneView], description: 'In order; paymentBasisPoints sum to 10000' }) milestones!: RoomMilestoneView[];
  @ApiProperty({ type: [KeyPersonView], description: 'The team members the bid names, in its order' }) keyPersonnel!: KeyPersonView[];
  @ApiProperty() contentHash!: string;
  @ApiProperty() receivedAt!: string;
}
