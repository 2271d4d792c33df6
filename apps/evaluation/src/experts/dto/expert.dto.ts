import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Trim, TrimEach } from '@app/core';


export class CreateExpertDto {
  @ApiProperty({ format: 'uuid', description: 'The registered user who joins the pool; they are given the JUDGE role' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '教授级高级工程师' })
  @Trim()
  @IsString()
  @Length(1, 100)
  title!: string;

  @ApiProperty({ type: [String], example: ['智能制造', 'industrial sensors'], description: '1 to 20 fields of expertise' })
  @TrimEach()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  fields!: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation the expert works for (drives automatic recusal)' })
  @IsOptional()
  @IsUUID()
  affiliationOrgId?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  bio?: string;
}

export class ListExpertsQuery {
  @ApiPropertyOptional({ description: 'A field of expertise (whole field, any case)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 60)
  field?: string;

  @ApiPropertyOptional({ description: 'Substring of the name, title, bio or affiliation, in Chinese or English' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class AffiliationView {
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty() name!: string;
}

export class ExpertView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty({ type: AffiliationView, nullable: true }) affiliation!: AffiliationView | null;
  @ApiProperty() bio!: string;
  @ApiProperty() createdAt!: string;
}
