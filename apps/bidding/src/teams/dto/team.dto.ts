import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { TEAM_KINDS, TEAM_ROLES, TeamKind, TeamRole } from '@app/domain';
import { NotBlank, QueryBoolean, Trim } from '@app/core';

export class CreateTeamDto {
  @ApiProperty({ example: '昆明理工大学 智能传感实验室', minLength: 2, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: TEAM_KINDS })
  @IsIn(TEAM_KINDS)
  kind!: TeamKind;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country code: teams come from anywhere', example: 'CN' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN or DE' })
  country!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation the creator is a member of (used for conflicts of interest)' })
  @IsOptional()
  @IsUUID('all')
  orgId?: string;
}

export class AddTeamMemberDto {
  @ApiProperty({ description: 'Email of a registered user, who is invited', example: 'wang.fang@example.cn' })
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: TEAM_ROLES, description: 'The role the membership will have once accepted' })
  @IsIn(TEAM_ROLES)
  role!: TeamRole;
}

export class ListTeamsQuery {
  @ApiPropertyOptional({ description: 'Only the teams I am a current member of (with my role)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ description: 'Part of the team name, in any language', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  @NotBlank()
  q?: string;
}

export class TeamMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: string;
  @ApiProperty() joinedAt!: string;
  @ApiPropertyOptional({ description: 'Shown to members of the team and admins only' }) email?: string;
}

export class TeamView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TEAM_KINDS }) kind!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgId!: string | null;
  @ApiProperty({ nullable: true, type: String }) orgName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ enum: TEAM_ROLES, nullable: true, type: String, description: "The caller's role in the team, if a member" })
  myRole!: string | null;
  @ApiProperty({ type: [TeamMemberView], description: 'Current members' }) members!: TeamMemberView[];
}

export class TeamSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TEAM_KINDS }) kind!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgId!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ enum: TEAM_ROLES, nullable: true, type: String }) myRole!: string | null;
  @ApiProperty() createdAt!: string;
}

export class MembershipPeriodView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: string;
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: still a member' }) leftAt!: string | null;
}
