import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGGREGATIONS, ChainBreakReason, ROOM_STATUSES } from '@app/domain';

export class AuditEntryView {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ example: 'score.submitted' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: unknown;
  @ApiProperty({ description: 'ISO 8601, as hashed' }) at!: string;
  @ApiProperty({ description: 'The previous entry’s hash (64 zeros for seq 1)' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256 of prevHash + "\\n" + canonical JSON of { seq, roomId, actorId, action, payload, at }' }) hash!: string;
}

export class AuditView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() chainHead!: string;
  @ApiProperty({ type: [AuditEntryView] }) entries!: AuditEntryView[];
}

const BREAK_REASONS: ChainBreakReason[] = ['SEQ_MISMATCH', 'PREV_HASH_MISMATCH', 'HASH_MISMATCH', 'HEAD_MISMATCH'];

export class VerificationView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() entries!: number;
  @ApiProperty() chainHead!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The first entry at which the chain does not hold' }) brokenAtSeq!: number | null;
  @ApiProperty({ nullable: true, enum: BREAK_REASONS }) reason!: string | null;
}

export class ReportChallengeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class ReportCriterionView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
}

export class ReportTimestampsView {
  @ApiProperty() convenedAt!: string;
  @ApiProperty({ nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revealedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionWindowEndsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedAt!: string | null;
}

export class ReportPersonView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class ReportRankingView {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Centi-points' }) panelScore!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '78.00' }) panelPoints!: string | null;
  @ApiProperty() eligible!: boolean;
  @ApiProperty() awarded!: boolean;
  @ApiProperty() scoredBy!: number;
  @ApiPropertyOptional({ description: 'Left out while a two-envelope room’s prices are sealed' }) quotedPriceFen?: number;
  @ApiProperty() receivedAt!: string;
}

export class ReportScoreView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty() recused!: boolean;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'number' }, description: 'Centi-points by criterion key' })
  scores!: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, type: String }) totalPoints!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String }) scoredAt!: string | null;
}

export class ReportRecusalView {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() judgeName!: string;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() automatic!: boolean;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() declaredAt!: string;
}

export class ReportObjectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
}

/** The record's check: `head` when the chain holds, `brokenAtSeq` and `reason` when it does not. */
export class ChainVerificationView {
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional() head?: string;
  @ApiPropertyOptional() brokenAtSeq?: number;
  @ApiPropertyOptional({ enum: BREAK_REASONS }) reason?: ChainBreakReason;
}

export class ReportRecordView {
  @ApiProperty() entries!: number;
  @ApiProperty() chainHead!: string;
  @ApiProperty({ type: ChainVerificationView }) verification!: ChainVerificationView;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ type: ReportChallengeView }) challenge!: ReportChallengeView;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: string;
  @ApiProperty({ description: 'False until the room is finalised' }) final!: boolean;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation!: string;
  @ApiProperty() passMark!: number;
  @ApiProperty() winners!: number;
  @ApiProperty({ type: [ReportCriterionView] }) rubric!: ReportCriterionView[];
  @ApiProperty({ type: ReportTimestampsView }) timestamps!: ReportTimestampsView;
  @ApiProperty({ type: ReportPersonView }) chair!: ReportPersonView;
  @ApiProperty({ type: [ReportPersonView] }) panel!: ReportPersonView[];
  @ApiProperty({ enum: ['DRAWN', 'HAND_PICKED'], description: 'How the panel was chosen: drawn from the pool (panelDrawId) or hand-picked (handPickedReason)' })
  panelSelection!: 'DRAWN' | 'HAND_PICKED';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The draw (GET /api/rooms/draws/{id}) of a drawn panel' }) panelDrawId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a hand-picked panel was not drawn (null for rooms convened before draws existed)' })
  handPickedReason!: string | null;
  @ApiProperty({ type: [ReportRankingView] }) ranking!: ReportRankingView[];
  @ApiProperty({ type: [ReportScoreView], description: 'One line per bid and panel judge, in presentation then panel order' }) scores!: ReportScoreView[];
  @ApiProperty({ type: [ReportRecusalView] }) recusals!: ReportRecusalView[];
  @ApiProperty({ type: [ReportObjectionView] }) objections!: ReportObjectionView[];
  @ApiProperty({ type: ReportRecordView }) record!: ReportRecordView;
}

export class CriterionFeedbackView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The judges\' average; null when no judge scored the bid' }) average!: number | null;
}

export class FeedbackView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ description: 'Bids ranked' }) of!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Centi-points' }) panelScore!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '78.00' }) panelPoints!: string | null;
  @ApiProperty() eligible!: boolean;
  @ApiProperty() awarded!: boolean;
  @ApiProperty({ description: 'Judges who scored the bid' }) judges!: number;
  @ApiProperty({ type: [CriterionFeedbackView] }) criteria!: CriterionFeedbackView[];
  @ApiProperty({ type: [String], description: 'Anonymous, sorted' }) comments!: string[];
}

export class JudgeZScoreView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: 'Centi-points' }) total!: number;
  @ApiProperty() z!: number;
}

export class JudgeLeniencyView {
  @ApiProperty({ format: 'uuid' }) judgeId!: string;
  @ApiProperty() meanPoints!: number;
  @ApiProperty() stdPoints!: number;
  @ApiProperty({ type: [JudgeZScoreView], description: "Each total against the judge's own mean and spread" }) zScores!: JudgeZScoreView[];
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: "Mean z-score among each bid's judges: above 0 lenient, below 0 strict; null when no bid's totals differ",
  })
  panelZ!: number | null;
  @ApiProperty({ description: 'How many bids panelZ averages' }) bidsCompared!: number;
}

export class BidLeniencyView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() meanZ!: number;
  @ApiProperty() judges!: number;
  @ApiProperty() rank!: number;
}

export class LeniencyView {
  @ApiProperty({ type: [JudgeLeniencyView] }) judges!: JudgeLeniencyView[];
  @ApiProperty({ type: [BidLeniencyView] }) bids!: BidLeniencyView[];
}
