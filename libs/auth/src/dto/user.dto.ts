import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QueryInt, Trim } from '@app/core';
import { ORG_KINDS } from '@app/domain';

export const USER_SEARCH_LIMIT_MAX = 50;
export const USER_SEARCH_LIMIT_DEFAULT = 20;

export class SearchUsersQuery {
  @ApiProperty({ description: 'Substring of the display name or the email, any case; % _ and \\ are literal', minLength: 1, maxLength: 100, example: '李' })
  @Trim()
  @IsString()
  @Length(1, 100)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: USER_SEARCH_LIMIT_MAX, default: USER_SEARCH_LIMIT_DEFAULT })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(USER_SEARCH_LIMIT_MAX)
  limit?: number;
}

export class UserOrgView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_KINDS }) kind!: string;
  @ApiProperty() verified!: boolean;
}

export class UserSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['ADMIN', 'JUDGE'], isArray: true }) roles!: string[];
  @ApiProperty({ type: [UserOrgView], description: 'The organisations the user is a member of' }) organisations!: UserOrgView[];
}
