import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@app/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './decorators';
import { LoginDto, MeView, RefreshDto, RegisterDto, SessionView } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Register an account' })
  @ApiCreatedResponse({ type: SessionView, description: 'The account is created and signed in' })
  @ApiBadRequestResponse({ description: 'A field is invalid (each listed), e.g. a password under 8 characters' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After' })
  register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<SessionView> {
    return this.auth.register(dto, request.ip);
  }

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Sign in' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED: too many failed sign-ins to this account from this address, the account\'s short back-off, or too many attempts from this address; see Retry-After',
  })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<SessionView> {
    return this.auth.login(dto, request.ip);
  }

  @Public()
  @Post('refresh')
  @ApiOperation({ summary: 'Exchange a refresh token for a new session' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView, description: 'A new access token and a new refresh token; the old one is spent' })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, or REFRESH_TOKEN_REUSED (the whole sign-in is revoked)' })
  refresh(@Body() dto: RefreshDto): Promise<SessionView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @ApiOperation({ summary: 'Sign out (revokes the refresh token)' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The sign-in of this refresh token is revoked' })
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user and their organisations' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeView })
  @ApiUnauthorizedResponse({ description: 'No valid access token' })
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.auth.me(user.id);
  }
}
