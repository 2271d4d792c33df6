import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DRAW_STATUSES, DrawExclusionReason, DrawStatus, MAX_ALTERNATES, MAX_PANEL_SIZE, MIN_PANEL_SIZE, RECUSAL_REASONS } from '@app/domain';
import { Trim, TrimEach } from '@app/core';

export class CreateDrawDto {
  @ApiProperty({ format: 'uuid', description: 'A challenge whose bidding has closed and that has no room yet' })
  @IsUUID()
  challengeId!: string;

  @ApiProperty({ minimum: MIN_PANEL_SIZE, maximum: MAX_PANEL_SIZE, example: 5, description: 'The panel: an odd number of judges' })
  @IsInt()
  @Min(MIN_PANEL_SIZE)
  @Max(MAX_PANEL_SIZE)
  size!: number;

  @ApiProperty({ type: [String], example: ['智能制造'], description: '1 to 20 fields: an expert with at least one of them (whole field, any case) is eligible' })
  @TrimEach()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  fields!: string[];

  @ApiProperty({ minimum: 0, maximum: MAX_ALTERNATES, example: 2, description: 'Ordered alternates drawn after the panel' })
  @IsInt()
  @Min(0)
  @Max(MAX_ALTERNATES)
  alternates!: number;
}

export class ReplaceJudgeDto {
  @ApiProperty({ maxLength: 500, example: '专家因病无法出席', description: 'Why the judge leaves the panel (declined, became conflicted…)' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

const EXCLUSION_REASONS: DrawExclusionReason[] = ['NO_REQUESTED_FIELD', ...RECUSAL_REASONS, 'ROOM_CAP_REACHED'];

export class DrawExclusionReasonView {
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: DrawExclusionReason;
  @ApiProperty({ format: 'uuid', required: false, description: 'The shortlisted bid the expert conflicts with' }) bidId?: string;
}

export class DrawExclusionView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: [DrawExclusionReasonView] }) reasons!: DrawExclusionReasonView[];
}

export class DrawView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ enum: DRAW_STATUSES, description: 'COMMITTED: the commitment is published, the result unknown; RUN: drawn, the seed revealed' })
  status!: DrawStatus;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'How many ordered alternates are drawn' }) alternates!: number;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty({ description: 'PANEL_CAP_ROOMS when the draw was committed' }) capRooms!: number;
  @ApiProperty({ description: 'PANEL_CAP_DAYS when the draw was committed' }) capDays!: number;
  @ApiProperty({ description: 'SHA-256 of the seed’s 32 bytes, hex: published before the draw is run' }) seedHash!: string;
  @ApiProperty({ description: 'SHA-256 of the pool’s ids, each followed by a newline, in canonical order' }) poolHash!: string;
  @ApiProperty() poolSize!: number;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'The eligible experts’ user ids in canonical order (ascending): what is drawn from. Null for parties other than admins until the room is finalised',
  })
  pool!: string[] | null;
  @ApiProperty({ type: [DrawExclusionView], nullable: true, description: 'The experts of the pool left out, with why (null as pool)' })
  exclusions!: DrawExclusionView[] | null;
  @ApiProperty({ nullable: true, type: String, description: '32 bytes, hex: null until run (and, for parties other than admins, until the room is finalised)' })
  seed!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'The drawn panel in order (null as seed)' }) panel!: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'The drawn alternates in order (null as seed)' }) drawnAlternates!: string[] | null;
  @ApiProperty({ format: 'date-time' }) committedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) ranAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The room convened from this draw' }) roomId!: string | null;
}
