import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BID_STATUSES, MAX_DURATION_DAYS, MAX_FEN, MAX_PROPOSAL_BYTES } from '@app/domain';
import { EachNested, MaxUtf8Bytes, NotBlank, QueryBoolean, Trim } from '@app/core';

export const MAX_MILESTONES = 50;
export const MAX_KEY_PERSONNEL = 50;
export const MAX_TECHNICAL_APPROACH = 20_000;

export class MilestoneDto {
  @ApiProperty({ example: '样机验证 Prototype on the line', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @ApiProperty({ description: 'Day of the delivery period (counted from the award) the deliverable is due; within durationDays', example: 90 })
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_DAYS)
  dueDay!: number;

  @ApiProperty({ example: 'Bench test report signed by the enterprise', maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  deliverable!: string;

  @ApiProperty({ description: 'Share of the quoted price paid on acceptance; all shares sum to exactly 10000 (100%)', example: 5000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  paymentBasisPoints!: number;
}

/** The terms of a bid revision (the request body of PUT /api/bids/:id). */
export class BidTermsDto {
  @ApiProperty({ description: 'Summary of the technical route', maxLength: MAX_TECHNICAL_APPROACH })
  @IsString()
  @Length(1, MAX_TECHNICAL_APPROACH)
  @NotBlank()
  technicalApproach!: string;

  @ApiProperty({ description: `The full proposal in markdown, at most ${MAX_PROPOSAL_BYTES} bytes (200 KB) in UTF-8` })
  @IsString()
  @NotBlank()
  @MaxUtf8Bytes(MAX_PROPOSAL_BYTES)
  proposal!: string;

  @ApiProperty({ description: 'Quoted price in fen (1 CNY = 100 fen); at most the challenge reward', example: 48_000_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  quotedPriceFen!: number;

  @ApiProperty({ description: 'Delivery period in days', minimum: 1, maximum: MAX_DURATION_DAYS, example: 180 })
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_DAYS)
  durationDays!: number;

  @ApiProperty({ type: [MilestoneDto], description: 'In order of due day; payment shares sum to 10000 basis points' })
  @IsArray()
  @ArrayMaxSize(MAX_MILESTONES)
  @EachNested(() => MilestoneDto)
  milestones!: MilestoneDto[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Current members of the team' })
  @IsArray()
  @ArrayMaxSize(MAX_KEY_PERSONNEL)
  @IsUUID('all', { each: true })
  keyPersonnelUserIds!: string[];

  @ApiProperty({ enum: [true], description: 'The team lead pledges (军令状) to deliver on the technical indicators' })
  @Equals(true, { message: 'pledgeAccepted must be true: the team lead pledges (军令状) to deliver on the indicators' })
  pledgeAccepted!: true;
}

export class SubmitBidDto extends BidTermsDto {
  @ApiProperty({ format: 'uuid', description: 'The bidding team; the caller must be one of its leads' })
  @IsUUID('all')
  teamId!: string;
}

/** PUT /api/bids/:id: the terms of the new revision (the team is the bid's). */
export class ReviseBidDto extends BidTermsDto {}

export const SHORTLIST_DECISIONS = ['SHORTLISTED', 'NOT_SHORTLISTED'] as const;
export type ShortlistDecision = (typeof SHORTLIST_DECISIONS)[number];

export class ShortlistDto {
  @ApiProperty({ enum: SHORTLIST_DECISIONS })
  @IsIn(SHORTLIST_DECISIONS)
  decision!: ShortlistDecision;

  @ApiPropertyOptional({ description: 'Required for NOT_SHORTLISTED', maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ListMyBidsQuery {
  @ApiPropertyOptional({ description: "The bids of the teams I am a current member of (the only listing offered here; it is the default)", enum: [true] })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  @Equals(true, { message: 'mine must be true: other teams’ bids are listed per challenge, after closing, for its owner' })
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  challengeId?: string;
}

export class MilestoneView {
  @ApiProperty() title!: string;
  @ApiProperty() dueDay!: number;
  @ApiProperty() deliverable!: string;
  @ApiProperty() paymentBasisPoints!: number;
}

export class ReceiptView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: '1-based; every accepted submission, revision or resubmission adds one' }) revision!: number;
  @ApiProperty({ description: 'Server receive time by the database clock (ISO 8601, UTC)' }) receivedAt!: string;
  @ApiProperty({ description: 'Lowercase hex SHA-256 of the canonical JSON of the revision content (docs/bidding.md)' })
  contentHash!: string;
}

export class BidView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ enum: BID_STATUSES }) status!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() technicalApproach!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty() quotedPriceFen!: number;
  @ApiProperty() durationDays!: number;
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({ type: [String], format: 'uuid' }) keyPersonnelUserIds!: string[];
  @ApiProperty({ format: 'uuid', description: 'The lead who pledged (军令状) with the latest revision' }) pledgedBy!: string;
  @ApiProperty() pledgedAt!: string;
  @ApiProperty({ type: ReceiptView, description: 'The receipt of the latest revision' }) receipt!: ReceiptView;
  @ApiProperty({ nullable: true, type: String }) shortlistReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) shortlistedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class BidSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() challengeTitle!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ enum: BID_STATUSES }) status!: string;
  @ApiProperty() technicalApproach!: string;
  @ApiProperty() quotedPriceFen!: number;
  @ApiProperty() durationDays!: number;
  @ApiProperty({ type: ReceiptView }) receipt!: ReceiptView;
  @ApiProperty() updatedAt!: string;
}

export class OwnBidRef {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ enum: BID_STATUSES }) status!: string;
}

export class ChallengeBidsView {
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ enum: ['HIDDEN', 'NOT_OPEN', 'OPEN', 'CLOSED', 'CANCELLED'], description: 'By the database clock' }) phase!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ description: 'Bids that are not withdrawn' }) count!: number;
  @ApiProperty({ description: 'Whether the bids are opened to the caller (owner org or admin, after closing)' }) opened!: boolean;
  @ApiProperty({ type: [BidSummaryView], description: 'Empty unless opened' }) bids!: BidSummaryView[];
  @ApiProperty({ type: [OwnBidRef], description: "The caller's own teams' bids on this challenge" }) ownBids!: OwnBidRef[];
}

export class BidContentView {
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() technicalApproach!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty() quotedPriceFen!: number;
  @ApiProperty() durationDays!: number;
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({ type: [String], format: 'uuid' }) keyPersonnelUserIds!: string[];
  @ApiProperty({ format: 'uuid' }) pledgedBy!: string;
}

export class BidRevisionView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ format: 'uuid' }) submittedBy!: string;
  @ApiProperty({ type: BidContentView, description: 'Exactly the content the hash was computed over' }) content!: BidContentView;
}

export class DigestReceiptView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() contentHash!: string;
}

export class DigestView {
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ description: 'How the digest is computed' }) algorithm!: string;
  @ApiProperty({ description: 'Lowercase hex SHA-256 over the final receipts' }) digest!: string;
  @ApiProperty({ type: [DigestReceiptView], description: 'The final receipt of every bid not withdrawn, sorted by bid id' })
  receipts!: DigestReceiptView[];
}
