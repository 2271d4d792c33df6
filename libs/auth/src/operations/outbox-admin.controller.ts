import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { QueryInt } from '@app/core';
import { DeadLetter, OutboxConsumerStats, OutboxDispatcher } from '@app/database';
import { NotFound } from '@app/domain';
import { Roles } from '../decorators';

export class OutboxConsumerView implements OutboxConsumerStats {
  @ApiProperty({ example: 'bidding.challenge-closed' }) consumer!: string;
  @ApiProperty({ description: 'Handled events still kept (older ones are pruned after OUTBOX_RETENTION_HOURS)' }) handled!: number;
  @ApiProperty({ description: 'Events of its types not handled yet (dead letters excluded)' }) pending!: number;
  @ApiProperty({ description: 'Pending events that failed and wait for their next attempt' }) retrying!: number;
  @ApiProperty({ description: 'Dead letters: events that failed OUTBOX_MAX_ATTEMPTS times' }) dead!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestPendingAt!: string | null;
}

export class DeadLetterView implements DeadLetter {
  @ApiProperty() consumer!: string;
  @ApiProperty({ example: '1042' }) eventId!: string;
  @ApiProperty({ example: 'challenge.closed' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'The last failure, cut at 2,000 characters' }) lastError!: string;
  @ApiProperty({ format: 'date-time' }) deadAt!: string;
}

export class DeadLettersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Consumer names are the services' own (`bidding`, `challenges`): lower-case words joined by . or -. */
const CONSUMER = '^[a-z][a-z0-9.-]{0,99}$';
const EVENT_ID = '^[1-9][0-9]{0,18}$';

export class DeadLetterParams {
  @ApiProperty({ pattern: CONSUMER, example: 'bidding' })
  @IsString()
  @Matches(new RegExp(CONSUMER), { message: 'consumer must be 1 to 100 lower-case letters, digits, . or -, starting with a letter' })
  consumer!: string;

  @ApiProperty({ pattern: EVENT_ID, example: '1042' })
  @IsString()
  @Matches(new RegExp(EVENT_ID), { message: 'eventId must be a positive whole number' })
  eventId!: string;
}

/** Operators' view of the outbox of every service (docs/operations.md, "outbox"): admins only. */
@ApiTags('operations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED' })
@ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
@Roles('ADMIN')
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxDispatcher) {}

  @Get()
  @ApiOperation({ summary: "The outbox consumers' progress" })
  @ApiOkResponse({ type: [OutboxConsumerView], description: 'Every consumer that ever ran (in any service), with its counters' })
  stats(): Promise<OutboxConsumerStats[]> {
    return this.outbox.stats();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Events a consumer gave up on' })
  @ApiOkResponse({ type: [DeadLetterView], description: 'Dead letters, newest first' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: limit outside 1..500, an unknown field' })
  deadLetters(@Query() query: DeadLettersQuery): Promise<DeadLetter[]> {
    return this.outbox.deadLetters(query.limit ?? 100);
  }

  @Post('dead-letters/:consumer/:eventId/retry')
  @ApiOperation({ summary: 'Retry a dead letter' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The event gets a fresh set of attempts at once; handled as usual when its consumer runs' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a malformed consumer or eventId' })
  @ApiNotFoundResponse({ description: 'DEAD_LETTER_NOT_FOUND' })
  async retry(@Param() params: DeadLetterParams): Promise<void> {
    if (!(await this.outbox.retry(params.consumer, params.eventId))) throw new NotFound('Dead letter');
  }
}
