import { ApiProperty } from '@nestjs/swagger';
import { INVITATION_STATUSES, TEAM_ROLES } from '@app/domain';

export const INVITATION_KINDS = ['TEAM', 'ORGANISATION'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** An invitation to join a team or an organisation (docs/integrity.md, "Membership by consent"). */
export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INVITATION_KINDS, description: 'What the invitee is invited to join' }) kind!: InvitationKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The team (kind TEAM)' }) teamId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organisation (kind ORGANISATION)' }) orgId!: string | null;
  @ApiProperty({ description: 'Name of the team or the organisation' }) name!: string;
  @ApiProperty({ enum: TEAM_ROLES, description: 'The role the membership will have (organisations: MEMBER)' }) role!: string;
  @ApiProperty({ format: 'uuid' }) inviteeId!: string;
  @ApiProperty() inviteeName!: string;
  @ApiProperty({ format: 'uuid' }) invitedById!: string;
  @ApiProperty() invitedByName!: string;
  @ApiProperty({ description: 'Database clock' }) invitedAt!: string;
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'Only ACCEPTED made a membership, which began at decidedAt' }) status!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The invitee (accepted, declined) or who revoked it' })
  decidedById!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null while pending' }) decidedAt!: string | null;
}
