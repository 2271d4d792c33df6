import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Aggregation, AGGREGATIONS, ROOM_STATUSES } from '@app/domain';

/** OpenAPI shapes of the room's answers (the TypeScript types live beside the services and views). */

export class CommandAckView {
  @ApiProperty({ description: 'The room version after the command (the version of the room:event it caused)' })
  version!: number;

  @ApiPropertyOptional({ description: 'True when the operation id was already applied: nothing changed' })
  replayed?: boolean;
}

export class RoomSnapshotView {
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The database clock when the snapshot was taken (for the countdown’s clock offset)' }) serverTime!: string;
  @ApiProperty({ enum: ['CHAIR', 'JUDGE', 'OBSERVER'] }) audience!: string;
  @ApiProperty({ enum: ['CONVENED', 'OPEN', 'REVEALED', 'FINALIZED'] }) status!: string;
  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }) challenge!: object;
  @ApiProperty({ format: 'uuid' }) chairUserId!: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation!: Aggregation;
  @ApiProperty() passMark!: number;
  @ApiProperty() winners!: number;
  @ApiProperty() objectionWindowMinutes!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The frozen rubric' }) rubric!: object[];
  @ApiProperty({ nullable: true, type: String }) currentBidId!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '{ bidId, phase, durationMs, running, startedAt, remainingMs (at serverTime) }' })
  timer!: object | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ userId, displayName, chair, declared }' }) panel!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'In presentation order, with state and progress (scoredBy, recusedJudgeIds)' })
  bids!: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Panel judges: their own scores' }) myScores?: object[];
  @ApiPropertyOptional({ type: [String], description: 'Panel judges: bids they are recused from' }) myRecusals?: string[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Chair only: live aggregates and outlier flags' }) aggregates?: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Everyone, once revealed' }) ranking?: object[];
}

export class RoomSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() challengeTitle!: string;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) chairUserId!: string;
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

export class RoomBidContentView {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() technicalApproach!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty() quotedPriceFen!: number;
  @ApiProperty() durationDays!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) milestones!: unknown;
  @ApiProperty({ type: [String] }) keyPersonnelUserIds!: string[];
  @ApiProperty() contentHash!: string;
  @ApiProperty() receivedAt!: string;
}
