import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { TIMER_PHASES, TimerPhase } from '@app/domain';
import { Trim } from '@app/core';

/** A client operation id: the same id from the same user in the same room is applied once. */
export const OP_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const OP_ID_MESSAGE = 'opId must be 1 to 100 letters, digits or . _ : -';
export const MAX_COMMENT_LENGTH = 2000;

/** room:join, room:sync, room:open, timer:pause, prices:open, room:reveal, room:finalize. */
export class RoomMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiPropertyOptional({ description: 'Client operation id: a retry with the same id is answered, not applied again' })
  @IsOptional()
  @Matches(OP_ID, { message: OP_ID_MESSAGE })
  opId?: string;
}

/** room:present, bid:lock. */
export class BidMessage extends RoomMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;
}

/** bid:unlock. */
export class UnlockBidMessage extends BidMessage {
  @ApiProperty({ maxLength: 500, description: 'Why scoring reopens; kept in the record' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** timer:start. */
export class TimerStartMessage extends RoomMessage {
  @ApiPropertyOptional({ enum: TIMER_PHASES, description: 'Start this phase afresh; without it a paused countdown resumes' })
  @IsOptional()
  @IsIn(TIMER_PHASES)
  phase?: TimerPhase;
}

/** score:submit. */
export class SubmitScoreMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ description: 'Score per criterion key, each 0..maxScore with at most 2 decimals', example: { tech: 8, team: 7.5, price: 9 } })
  @IsObject()
  scores!: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH, description: 'Shown to the team without your name after finalisation' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;

  @ApiProperty({ description: 'Client operation id (required): a resend with the same id counts once' })
  @Matches(OP_ID, { message: OP_ID_MESSAGE })
  opId!: string;
}

/** score:withdraw. */
export class WithdrawScoreMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty()
  @Matches(OP_ID, { message: OP_ID_MESSAGE })
  opId!: string;
}
