import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { QueryBoolean, Trim } from '@app/core';
import { ORG_KINDS, OrganisationKind } from '@app/domain';

export class CreateOrgDto {
  @ApiProperty({ example: '昆明高新传感科技有限公司' })
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: ORG_KINDS })
  @IsIn(ORG_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN or DE' })
  country!: string;

  @ApiPropertyOptional({ description: '统一社会信用代码; required for Chinese enterprises and companies', example: '91350100M000100Y43' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(18, 18, { message: 'creditCode must be 18 characters' })
  creditCode?: string;
}

export class AddOrgMemberDto {
  @ApiProperty({ description: 'Email of a registered user, who is invited', example: 'wang.fang@example.cn' })
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class ListOrgsQuery {
  @ApiPropertyOptional({ description: 'Admins: filter by verification status' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Only organisations I belong to' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;
}

export class OrgView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_KINDS }) kind!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ nullable: true, type: String }) creditCode!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Admins only: the earlier, unverified organisation with the same identity (credit code, or normalised name and country) this one was registered beside',
  })
  duplicateOf?: string | null;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class OrgMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['OWNER', 'MEMBER'] }) role!: string;
}
