import { ApiProperty } from '@nestjs/swagger';

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

export class VerificationView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() entries!: number;
  @ApiProperty() chainHead!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The first entry at which the chain does not hold' }) brokenAtSeq!: number | null;
  @ApiProperty({ nullable: true, enum: ['SEQ_MISMATCH', 'PREV_HASH_MISMATCH', 'HASH_MISMATCH', 'HEAD_MISMATCH'] }) reason!: string | null;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'False until the room is finalised' }) final!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) ranking!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Per bid and judge: per-criterion scores, total, comment' }) scores!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) recusals!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) objections!: object[];
  @ApiProperty({ type: 'object', additionalProperties: true }) timestamps!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ entries, chainHead, verification }' }) record!: object;
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

export class LeniencyView {
  @ApiProperty({ type: 'array', items: { type: 'object' } }) judges!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) bids!: object[];
}
