import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@app/core';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../password';
import { IsAcceptablePassword } from '../password-policy';

export class RegisterDto {
  @ApiProperty({ example: 'li.wei@example.cn' })
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: 'Any characters; not one of the 10,000 most common passwords, and not containing the email or the display name',
  })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `password must be at most ${PASSWORD_MAX} characters` })
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: '李伟' })
  @Trim()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';
}

export class LoginDto {
  @ApiProperty()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login, register or the last refresh' })
  @IsString()
  @Length(10, 200)
  refreshToken!: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale!: string;
  @ApiProperty({ enum: ['ADMIN', 'JUDGE'], isArray: true }) roles!: string[];
  @ApiProperty() createdAt!: string;
}

export class MembershipView {
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['ENTERPRISE', 'UNIVERSITY', 'INSTITUTE', 'COMPANY'] }) kind!: string;
  @ApiProperty({ enum: ['OWNER', 'MEMBER'] }) role!: string;
  @ApiProperty() verified!: boolean;
}

export class MeView extends UserView {
  @ApiProperty({ type: [MembershipView] }) organisations!: MembershipView[];
  @ApiProperty({ description: 'Verified enterprise organisations this user acts for', type: [String] })
  enterpriseOrgIds!: string[];
}

export class SessionView {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}
