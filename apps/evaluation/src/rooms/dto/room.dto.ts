import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  Aggregation,
  AGGREGATIONS,
  DEFAULT_AGGREGATION,
  DEFAULT_ENVELOPES,
  Envelopes,
  ENVELOPES,
  MAX_PANEL_SIZE,
  PRICE_SCORINGS,
  PriceScoring,
  ROOM_STATUSES,
} from '@app/domain';
import { Transform } from 'class-transformer';
import { EachNested, Trim } from '@app/core';


export class RoomSlotDto {
  @ApiProperty({ format: 'uuid', description: 'A SHORTLISTED bid on the challenge' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ minimum: 1, maximum: 240, example: 15 })
  @IsInt()
  @Min(1)
  @Max(240)
  presentationMinutes!: number;

  @ApiProperty({ minimum: 0, maximum: 240, example: 10 })
  @IsInt()
  @Min(0)
  @Max(240)
  qaMinutes!: number;
}

export class ConveneRoomDto {
  @ApiProperty({ format: 'uuid', description: 'A challenge whose bidding has closed' })
  @IsUUID()
  challengeId!: string;

  @ApiPropertyOptional({
    type: [String],
    description: `Hand-picked: an odd number of experts, 3 to ${MAX_PANEL_SIZE}, in panel order, with handPickedReason. Not with drawId`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PANEL_SIZE + 1)
  @IsUUID('all', { each: true })
  judgeIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Drawn: a run draw of this challenge (POST /api/rooms/draws); the panel is its panel, in order. Not with judgeIds' })
  @IsOptional()
  @IsUUID()
  drawId?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Required with judgeIds: why the panel is hand-picked instead of drawn (kept in the record and the report)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  handPickedReason?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description:
      'Required when convening has warnings that need acknowledging (GET /api/rooms/convening-check): the bureau’s reason for going ahead, kept in room.convened',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  warningsAcknowledged?: string;

  @ApiProperty({ format: 'uuid', description: 'One of the judges, or an admin' })
  @IsUUID()
  chairUserId!: string;

  @ApiProperty({ type: [RoomSlotDto], description: 'Every shortlisted bid of the challenge, in presentation order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @EachNested(() => RoomSlotDto)
  bids!: RoomSlotDto[];

  @ApiPropertyOptional({ enum: AGGREGATIONS, default: DEFAULT_AGGREGATION })
  @IsOptional()
  @IsIn(AGGREGATIONS)
  aggregation?: Aggregation;

  @ApiProperty({ minimum: 0, maximum: 43_200, description: 'Length of the objection window (公示期) after the reveal, in minutes' })
  @IsInt()
  @Min(0)
  @Max(43_200)
  objectionWindowMinutes!: number;

  @ApiPropertyOptional({
    enum: ENVELOPES,
    default: DEFAULT_ENVELOPES,
    description: 'SINGLE: every criterion scored at once. TWO (技术标/商务标): the technical criteria first with the prices sealed, then the chair opens the prices (prices:open)',
  })
  @IsOptional()
  @IsIn(ENVELOPES)
  envelopes?: Envelopes;

  @ApiPropertyOptional({ maxLength: 100, description: 'With TWO only, required: the key of the rubric criterion scored on the price' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  priceCriterionKey?: string;

  @ApiPropertyOptional({
    enum: PRICE_SCORINGS,
    description: 'With TWO only, required: FORMULA (maxScore × lowest price / price, over the room’s bids) or JUDGES (the judges score the price once it is open)',
  })
  @IsOptional()
  @IsIn(PRICE_SCORINGS)
  priceScoring?: PriceScoring;
}

export class DeclarationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ description: 'true: I have a conflict of interest with this bid and recuse myself' })
  @IsBoolean()
  conflict!: boolean;

  @ApiPropertyOptional({ description: 'Required with a conflict', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class DeclarationsDto {
  @ApiProperty({ type: [DeclarationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @EachNested(() => DeclarationDto)
  declarations!: DeclarationDto[];
}

export class ObjectionDto {
  @ApiProperty({ format: 'uuid', description: 'The bid of your team the objection is about' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ maxLength: 4000 })
  @Trim()
  @IsString()
  @Length(1, 4000)
  text!: string;
}

export class AnswerObjectionDto {
  @ApiProperty({ maxLength: 4000 })
  @Trim()
  @IsString()
  @Length(1, 4000)
  answer!: string;
}

export class ListRoomsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  challengeId?: string;

  @ApiPropertyOptional({ enum: ROOM_STATUSES })
  @IsOptional()
  @IsIn(ROOM_STATUSES)
  status?: string;
}

export class ConveningCheckQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  challengeId!: string;

  @ApiPropertyOptional({ type: String, description: 'The judges to check, comma-separated user ids (e.g. a draw’s panel and alternates); none: the teams only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter((id) => id.length > 0) : value))
  @IsArray()
  @ArrayMaxSize(MAX_PANEL_SIZE * 2 + 1)
  @IsUUID('all', { each: true })
  judgeIds?: string[];
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

